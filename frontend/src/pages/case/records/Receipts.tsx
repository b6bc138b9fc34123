import { useRef, useState } from "react";
import { useClient } from "urql";
import { RequestError } from "../../../components/Status";
import { FormShell, SubmitButton, Textarea, useForm } from "../../../design/forms";
import { Explained, SuccessBanner, SummaryList, useFocusOnMount } from "../../../design/patterns";
import { VerifyReceiptDocument, type ReceiptResult } from "../../../gql/graphql";
import { useI18n } from "../../../i18n";
import { useAuth } from "../../../lib/auth";
import { saveBlob } from "../../../lib/upload";
import type { CaseData } from "../CasePage";
import { forgetReceipt, keepReceipt, keptReceipts, readReceipt, receiptText, type Receipt } from "./receipts";

export interface ReceiptCheck {
  result: ReceiptResult;
  sequence: number;
  length: number;
  brokenAtSequence?: number | null;
}

/** Keep a receipt of the case record (shown, copied, downloaded, kept in this browser), and
 * check one (kept here, pasted, or from its file) against the live record. */
export function Receipts({ item }: { item: CaseData }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="receipts-heading" className="parley-section" data-testid="receipts">
      <h2 id="receipts-heading" className="govuk-visually-hidden">
        {t("receipts.title")}
      </h2>
      <p className="govuk-body">{t("receipts.intro")}</p>
      <Explained summary={t("receipts.howSummary")}>
        <p className="govuk-body">{t("receipts.how")}</p>
      </Explained>
      <ReceiptTools item={item} />
    </section>
  );
}

function ReceiptTools({ item }: { item: CaseData }) {
  const { t, dateTime } = useI18n();
  const { viewer } = useAuth();
  const person = viewer?.user?.id;
  const [kept, setKept] = useState<Receipt[]>(() => keptReceipts(person, item.id));
  const [keptNow, setKeptNow] = useState<number | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [checked, setChecked] = useState<{ n: number; check: ReceiptCheck } | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = useVerifyReceipt(item.id);
  const current: Receipt = {
    case: item.reference,
    caseId: item.id,
    sequence: item.timelineHead.sequence,
    hash: item.timelineHead.hash,
    keptAt: new Date().toISOString(),
  };

  function keep() {
    setKept(keepReceipt(person, current));
    setKeptNow(current.sequence);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(receiptText(current, false));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  async function check(sequence: number, hash: string) {
    setFailure(null);
    setBusy(true);
    try {
      const answer = await verify(sequence, hash);
      setChecked((old) => ({ n: (old?.n ?? 0) + 1, check: answer }));
    } catch (caught) {
      setFailure(caught as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h3 className="govuk-heading-m">{t("receipts.keepTitle")}</h3>
      {keptNow !== null && (
        <SuccessBanner key={keptNow} title={t("receipts.keptBanner", { sequence: keptNow })} />
      )}
      <SummaryList
        rows={[
          { key: t("receipts.case"), value: item.reference },
          { key: t("receipts.sequence"), value: <span data-testid="receipt-sequence">{current.sequence}</span> },
          {
            key: t("receipts.hash"),
            value: (
              <span className="parley-hash" data-testid="receipt-hash">
                {current.hash}
              </span>
            ),
          },
        ]}
      />
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={keep}>
          {t("receipts.keep")}
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            saveBlob(
              new Blob([receiptText(current)], { type: "application/json" }),
              `${item.reference}-receipt-${current.sequence}.json`,
            );
            setKept(keepReceipt(person, current));
          }}
        >
          {t("receipts.download")}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void copy()}>
          {t("receipts.copy")}
        </button>
      </div>
      <p className="govuk-body" role="status">
        {copied === true && t("receipts.copied")}
        {copied === false && t("receipts.copyFailed")}
      </p>

      <h3 className="govuk-heading-m" id="check-receipt-heading">
        {t("receipts.checkTitle")}
      </h3>
      {checked && <CheckResult key={checked.n} check={checked.check} />}
      <RequestError error={failure} />
      {kept.length > 0 ? (
        <>
          <p className="govuk-body">{t("receipts.keptIntro")}</p>
          <ul className="govuk-list" data-testid="kept-receipts">
            {kept.map((receipt) => (
              <li key={`${receipt.sequence}-${receipt.hash}`} className="govuk-!-margin-bottom-3">
                <span className="govuk-body">
                  {t("receipts.keptItem", { sequence: receipt.sequence, date: dateTime(receipt.keptAt) })}
                </span>{" "}
                <span className="parley-hash govuk-!-display-block">{receipt.hash}</span>
                <div className="govuk-button-group govuk-!-margin-bottom-0">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    disabled={busy}
                    onClick={() => void check(receipt.sequence, receipt.hash)}
                  >
                    {t("receipts.checkKept", { sequence: receipt.sequence })}
                  </button>
                  <button
                    type="button"
                    className="govuk-link parley-link-button"
                    onClick={() => setKept(forgetReceipt(person, receipt))}
                  >
                    {t("receipts.forget", { sequence: receipt.sequence })}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="govuk-body">{t("receipts.noneKept")}</p>
      )}
      <PastedReceipt item={item} busy={busy} onCheck={check} />
    </>
  );
}

/** A receipt pasted, or read from its file into the same box. */
function PastedReceipt({
  item,
  busy,
  onCheck,
}: {
  item: CaseData;
  busy: boolean;
  onCheck(sequence: number, hash: string): Promise<void>;
}) {
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useForm({
    id: "check-receipt",
    fields: {
      receipt: {
        label: t("receipts.paste"),
        initial: "",
        required: true,
        requiredMessage: t("receipts.pasteMissing"),
      },
    },
    validate: (values) => {
      if (!values.receipt.trim()) return [];
      const read = readReceipt(values.receipt);
      if (!read) return [{ field: "receipt", message: t("receipts.notAReceipt") }];
      if ((read.caseId && read.caseId !== item.id) || (read.case && read.case !== item.reference)) {
        return [{ field: "receipt", message: t("receipts.otherCase", { case: read.case ?? "" }) }];
      }
      return [];
    },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const read = readReceipt(values.receipt);
        if (read) await onCheck(read.sequence, read.hash);
      })}
    >
      <Textarea bound={form.bind("receipt")} rows={4} hint={t("receipts.pasteHint")} />
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="receipt-file">
          {t("receipts.openFile")}
        </label>
        <input
          id="receipt-file"
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="govuk-file-upload"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file && file.size < 10_000) {
              void file.text().then((text) => form.setValue("receipt", text));
            }
          }}
        />
      </div>
      <SubmitButton busy={busy}>{t("receipts.check")}</SubmitButton>
    </FormShell>
  );
}

/** What the check found, in plain words; focused when it appears. */
export function CheckResult({ check }: { check: ReceiptCheck }) {
  const { t } = useI18n();
  const box = useFocusOnMount<HTMLDivElement>();
  const good = check.result === "MATCHES";
  const vars = { sequence: check.sequence, length: check.length, broken: check.brokenAtSequence ?? "?" };
  const text: Record<ReceiptResult, string> = {
    MATCHES: t("receipts.MATCHES", vars),
    DIFFERS: t("receipts.DIFFERS", vars),
    UNKNOWN_SEQUENCE: t("receipts.UNKNOWN_SEQUENCE", vars),
    CHAIN_BROKEN: t("receipts.CHAIN_BROKEN", vars),
  };
  return (
    <div
      ref={box}
      tabIndex={-1}
      role={good ? "status" : "alert"}
      className={`govuk-notification-banner${good ? " govuk-notification-banner--success" : ""}`}
      data-testid="receipt-result"
      data-result={check.result}
    >
      <div className="govuk-notification-banner__header">
        <h4 className="govuk-notification-banner__title">{t("receipts.resultTitle")}</h4>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{good ? t("receipts.matchesTitle") : t("receipts.problemTitle")}</p>
        <p className="govuk-body">{text[check.result]}</p>
        {!good && <p className="govuk-body">{t("receipts.whatToDo")}</p>}
      </div>
    </div>
  );
}

/** The live check: the server holds the receipt against the chain as it is now. */
export function useVerifyReceipt(caseId: string) {
  const client = useClient();
  return async (sequence: number, headHash: string): Promise<ReceiptCheck> => {
    const answer = await client
      .query(VerifyReceiptDocument, { caseId, sequence, headHash }, { requestPolicy: "network-only" })
      .toPromise();
    const found = answer.data?.verifyReceipt;
    if (!found) throw answer.error ?? new Error("no answer");
    return found;
  };
}
