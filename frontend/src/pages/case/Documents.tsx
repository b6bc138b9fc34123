import { useState } from "react";
import type { FormEvent } from "react";
import { useClient, useQuery } from "urql";
import { Loading, RequestError, UserErrors, type UserErrorLike } from "../../components/Status";
import { CaseFileDocument, DocumentLinkDocument, type Visibility } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { SCOPE_ORDER, writableScopes } from "../../lib/scopes";
import { download, uploadDocument } from "../../lib/upload";

/** The documents the viewer may read, by scope; upload with progress; download through the
 * short-lived signed link, fetched with the viewer's own token. */
export function Documents({ caseId }: { caseId: string }) {
  const { t, label, dateTime, bytes } = useI18n();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CaseFileDocument,
    variables: { id: caseId },
    requestPolicy: "cache-and-network",
  });
  const [file, setFile] = useState<File | null>(null);
  const [scope, setScope] = useState<Visibility>("ALL_PARTIES");
  const [progress, setProgress] = useState<number | null>(null);
  const [problems, setProblems] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const documents = data?.case.documents.edges.map((edge) => edge.node) ?? [];
  const scopes = writableScopes(data?.case.viewerRoles ?? []);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setFailure(null);
    setProgress(0);
    try {
      const result = await uploadDocument(caseId, file, scope, setProgress);
      setProblems(result.userErrors);
      if (result.document) {
        setFile(null);
        setInputKey((key) => key + 1);
        refetch({ requestPolicy: "network-only" });
      }
    } catch (caught) {
      setFailure(caught as Error);
    } finally {
      setProgress(null);
    }
  }

  async function fetchDocument(id: string, filename: string) {
    setFailure(null);
    const result = await client
      .query(DocumentLinkDocument, { id }, { requestPolicy: "network-only" })
      .toPromise();
    const node = result.data?.node;
    if (node && "downloadLink" in node) {
      await download(node.downloadLink.url, filename).catch((caught: Error) => setFailure(caught));
    } else setFailure(result.error ?? new Error("not found"));
  }

  return (
    <section aria-labelledby="documents-heading" className="panel">
      <h2 id="documents-heading">{t("documents.title")}</h2>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && documents.length === 0 && <p>{t("documents.none")}</p>}
      {SCOPE_ORDER.filter((s) => documents.some((d) => d.visibility === s)).map((s) => (
        <div key={s}>
          <h3>{label("visibility", s)}</h3>
          <ul className="documents">
            {documents
              .filter((d) => d.visibility === s)
              .map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void fetchDocument(d.id, d.filename)}
                  >
                    {t("documents.download", { name: d.filename })}
                  </button>{" "}
                  <span className="muted">
                    {t("documents.version", { version: d.version })} · {bytes(d.size)} ·{" "}
                    {label("role", d.uploaderRole)} · {dateTime(d.createdAt)}
                  </span>
                  <br />
                  <code className="hash" title={t("documents.sha256")}>
                    SHA-256 {d.sha256.slice(0, 16)}…
                  </code>
                </li>
              ))}
          </ul>
        </div>
      ))}
      {scopes.length > 0 && (
        <form onSubmit={upload} className="stack" aria-labelledby="upload-heading">
          <h3 id="upload-heading">{t("documents.upload")}</h3>
          <label>
            {t("documents.file")}
            <input
              key={inputKey}
              type="file"
              required
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <label>
            {t("documents.scope")}
            <select value={scope} onChange={(e) => setScope(e.target.value as Visibility)}>
              {scopes.map((s) => (
                <option key={s} value={s}>
                  {label("visibility", s)}
                </option>
              ))}
            </select>
          </label>
          {progress !== null && (
            <label>
              {t("documents.progress")}
              <progress max={1} value={progress} />
            </label>
          )}
          <UserErrors errors={problems} />
          <RequestError error={failure} />
          <button type="submit" disabled={progress !== null || !file}>
            {t("documents.uploadSubmit")}
          </button>
        </form>
      )}
    </section>
  );
}
