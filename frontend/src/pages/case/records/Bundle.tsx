import { useState } from "react";
import { useClient } from "urql";
import { RequestError } from "../../../components/Status";
import { Explained } from "../../../design/patterns";
import { CaseBundleDocument } from "../../../gql/graphql";
import { useI18n } from "../../../i18n";
import { download } from "../../../lib/upload";

/** The case bundle: one zip of the documents the viewer may read (every version), the
 * messages, the case record as they may read it with its hashes, a SHA-256 manifest and its
 * signature by the installation (issue 19); through a short-lived signed link fetched with the
 * viewer's own token. */
export function Bundle({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState(false);

  async function fetchBundle() {
    setBusy(true);
    setFailure(null);
    setDone(false);
    try {
      const answer = await client.query(CaseBundleDocument, { id: caseId }, { requestPolicy: "network-only" }).toPromise();
      const found = answer.data?.case;
      if (!found) throw answer.error ?? new Error("no link");
      await download(found.bundleLink.url, `${found.reference}-bundle.zip`);
      setDone(true);
    } catch (caught) {
      setFailure(caught as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="bundle-heading" className="parley-section" data-testid="bundle">
      <h2 id="bundle-heading" className="govuk-visually-hidden">
        {t("bundle.title")}
      </h2>
      <p className="govuk-body">{t("bundle.holds")}</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>{t("bundle.documents")}</li>
        <li>{t("bundle.messages")}</li>
        <li>{t("bundle.timeline")}</li>
        <li>{t("bundle.manifest")}</li>
        <li>{t("bundle.signature")}</li>
      </ul>
      <Explained summary={t("bundle.checkSummary")}>
        <p className="govuk-body">{t("bundle.check")}</p>
        <pre className="parley-hash">sha256sum -c MANIFEST.sha256</pre>
        <p className="govuk-body">{t("bundle.checkSignature")}</p>
      </Explained>
      <RequestError error={failure} />
      <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy || undefined} onClick={() => void fetchBundle()}>
        {t("bundle.download")}
      </button>
      <p className="govuk-body" role="status">
        {busy ? t("bundle.preparing") : done ? t("bundle.downloaded") : ""}
      </p>
    </section>
  );
}
