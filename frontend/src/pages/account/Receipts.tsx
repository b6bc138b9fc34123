import { useState } from "react";
import { Link } from "wouter";
import { useQuery } from "urql";
import { Loading, RequestError } from "../../components/Status";
import { SummaryList } from "../../design/patterns";
import { MyReceiptsDocument, type MyReceiptsQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { CheckResult, useVerifyReceipt, type ReceiptCheck } from "../case/records/Receipts";

type Kept = MyReceiptsQuery["viewer"]["receipts"][number];

/** The receipts of case records mailed to the signed-in person (an outcome issued or
 * accepted, a case closed) and kept on their account, each with a check against the live
 * record (issue 19). */
export function AccountReceipts() {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyReceiptsDocument });
  const receipts = data?.viewer.receipts;
  return (
    <section aria-labelledby="account-receipts" className="parley-section" data-testid="account-receipts">
      <h2 id="account-receipts" className="govuk-heading-l" tabIndex={-1}>
        {t("receipts.account.title")}
      </h2>
      <p className="govuk-body">{t("receipts.account.intro")}</p>
      <RequestError error={error} />
      {fetching && !receipts ? <Loading /> : null}
      {receipts && receipts.length === 0 ? <p className="govuk-body">{t("receipts.account.none")}</p> : null}
      {receipts?.map((receipt) => (
        <KeptReceipt key={`${receipt.caseId}:${receipt.sequence}`} receipt={receipt} />
      ))}
    </section>
  );
}

function KeptReceipt({ receipt }: { receipt: Kept }) {
  const { t, dateTime } = useI18n();
  const verify = useVerifyReceipt(receipt.caseId);
  const [check, setCheck] = useState<ReceiptCheck | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const name = t("receipts.account.heading", { case: receipt.caseReference, sequence: receipt.sequence });

  async function run() {
    setBusy(true);
    setFailure(null);
    setCheck(null);
    try {
      setCheck(await verify(receipt.sequence, receipt.hash));
    } catch (caught) {
      setFailure(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="parley-section" data-testid="account-receipt">
      <h3 className="govuk-heading-s">{name}</h3>
      <SummaryList
        rows={[
          {
            key: t("receipts.case"),
            value: <Link className="govuk-link" href={`/cases/${encodeURIComponent(receipt.caseId)}`}>{receipt.caseReference}</Link>,
          },
          { key: t("receipts.account.moment"), value: t(`receipts.account.${receipt.moment}`) },
          { key: t("receipts.account.received"), value: dateTime(receipt.receivedAt) },
          { key: t("receipts.sequence"), value: receipt.sequence },
          { key: t("receipts.hash"), value: <span className="parley-hash">{receipt.hash}</span> },
        ]}
      />
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        aria-disabled={busy}
        onClick={() => void (busy ? undefined : run())}
      >
        {t("receipts.account.check", { case: receipt.caseReference, sequence: receipt.sequence })}
      </button>
      <RequestError error={failure} />
      {check ? <CheckResult check={check} /> : null}
    </div>
  );
}
