import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, Radios, SubmitButton, Textarea, TextInput, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { SummaryList, Tag } from "../../design/patterns";
import {
  CaseFeesDocument,
  DecideFeeWaiverDocument,
  RecordFeePaymentDocument,
  RequestFeeWaiverDocument,
  StartFeePaymentDocument,
  type CaseFeesQuery,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { download } from "../../lib/upload";
import type { Done } from "./actions";
import { useAction } from "./useAction";

type Invoice = NonNullable<CaseFeesQuery["caseFees"]>["invoices"][number];
type Waiver = Invoice["waivers"][number];

const STATUS_COLOUR = { DUE: "orange", PAID: "green", WAIVED: "green" } as const;

/** A case's fees (issue 20): each invoice with its status, its PDF, and what the viewer may
 * do about it. Who may ask, pay, decide or record comes from the server (`viewerMay...`,
 * `viewerIsFeeStaff`), never from a copy of the rules here. Nothing shows for a case its
 * scheme charged nothing, or for a viewer the fees are not for (a neutral). */
export function Fees({ caseId, onDone }: { caseId: string; onDone(done?: Done): void }) {
  const { t, label } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: CaseFeesDocument, variables: { caseId }, requestPolicy: "cache-and-network" });
  const invoices = data?.caseFees?.invoices ?? [];
  if (error) return <RequestError error={error} />;
  if (invoices.length === 0) return null;
  const changed = (done?: Done) => {
    refetch({ requestPolicy: "network-only" });
    onDone(done);
  };
  // The stage the schedule names, which may be ahead of the case's (a case referred waits at
  // acceptance): said by name, not "this stage".
  const holding = invoices.find((invoice) => invoice.status === "DUE" && invoice.holdsAt)?.holdsAt;
  return (
    <section aria-labelledby="fees-heading" className="parley-section" data-testid="fees">
      <h2 id="fees-heading" className="govuk-heading-m">
        {t("fees.title")}
      </h2>
      {holding && (
        <p className="govuk-inset-text" data-testid="fees-holding">
          {t("fees.holding", { stage: label("stage", holding) })}
        </p>
      )}
      <ol className="parley-cards">
        {invoices.map((invoice) => (
          <InvoiceCard key={invoice.id} invoice={invoice} onDone={changed} />
        ))}
      </ol>
    </section>
  );
}

function InvoiceCard({ invoice, onDone }: { invoice: Invoice; onDone(done?: Done): void }) {
  const { t, label, date, money } = useI18n();
  const [failed, setFailed] = useState<Error | null>(null);
  const pending = invoice.waivers.find((waiver) => waiver.status === "PENDING");
  return (
    <li className="parley-card" data-testid={`invoice-${invoice.payer.toLowerCase()}`}>
      <h3 className="govuk-heading-s">
        {t("fees.invoice", { number: invoice.number })}{" "}
        <Tag colour={STATUS_COLOUR[invoice.status]} testId="invoice-status">
          {label("feeStatus", invoice.status)}
        </Tag>
      </h3>
      <SummaryList
        rows={[
          { key: t("fees.payer"), value: label("feePayer", invoice.payer) },
          { key: t("fees.amount"), value: money(invoice.amount.amount, invoice.amount.currency) },
          { key: t("fees.issued"), value: date(invoice.issuedAt) },
          ...(invoice.settledAt ? [{ key: t("fees.settled"), value: date(invoice.settledAt) }] : []),
          ...(invoice.holdsAt && invoice.status === "DUE"
            ? [{ key: t("fees.holdsAt"), value: label("stage", invoice.holdsAt) }]
            : []),
          ...invoice.payments.map((payment) => ({
            key: t("fees.payment"),
            value: `${label("feeAdapter", payment.adapter)} · ${payment.reference} · ${date(payment.recordedAt)}`,
          })),
        ]}
      />
      {invoice.payments.map(
        (payment) =>
          payment.overpaid && (
            <div key={payment.id} className="govuk-warning-text" data-testid="overpaid">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t("fees.warning")}</span>
                {t("fees.overpaid", {
                  amount: money(payment.overpaid.amount, payment.overpaid.currency),
                  date: date(payment.recordedAt),
                })}
              </strong>
            </div>
          ),
      )}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => {
          setFailed(null);
          download(invoice.downloadLink.url, `${invoice.number}.pdf`).catch((caught: Error) => setFailed(caught));
        }}
      >
        {t("fees.download", { number: invoice.number })}
      </button>
      <RequestError error={failed} />
      {invoice.waivers.map((waiver) => (
        <WaiverRecord key={waiver.id} waiver={waiver} />
      ))}
      {invoice.viewerMayPay && <PayByCard invoice={invoice} />}
      {invoice.viewerMayRequestWaiver && <WaiverForm invoice={invoice} onDone={onDone} />}
      {invoice.viewerIsFeeStaff && pending && <DecideForm waiver={pending} onDone={onDone} />}
      {invoice.viewerIsFeeStaff && invoice.status === "DUE" && <RecordPaymentForm invoice={invoice} onDone={onDone} />}
    </li>
  );
}

function WaiverRecord({ waiver }: { waiver: Waiver }) {
  const { t, label, date } = useI18n();
  return (
    <div className="govuk-inset-text" data-testid="waiver">
      <p className="govuk-body govuk-!-margin-bottom-1">
        {t("fees.waiverAsked", { date: date(waiver.requestedAt) })}{" "}
        <Tag colour={waiver.status === "GRANTED" ? "green" : waiver.status === "REFUSED" ? "red" : "blue"} testId="waiver-status">
          {label("waiverStatus", waiver.status)}
        </Tag>
      </p>
      <p className="govuk-body parley-prose govuk-!-margin-bottom-1">{waiver.reasons}</p>
      {waiver.decidedAt && (
        <p className="govuk-body parley-prose govuk-!-margin-bottom-0">
          {t("fees.decisionReasons", { date: date(waiver.decidedAt), reasons: waiver.decisionReasons })}
        </p>
      )}
    </div>
  );
}

function WaiverForm({ invoice, onDone }: { invoice: Invoice; onDone(done?: Done): void }) {
  const { t } = useI18n();
  const action = useAction(RequestFeeWaiverDocument, onDone);
  const describe = useDescribeUserError();
  const form = useForm({
    id: `waiver-${invoice.number}`,
    draft: true,
    fields: { reasons: { label: t("fees.waiverReasons"), initial: "", required: true, maxLength: LIMITS.text } },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const ok = await action.run(
          { input: { invoiceId: invoice.id, reasons: String(values.reasons) } },
          { title: t("fees.waiverSent"), next: t("fees.waiverSentNext") },
        );
        if (ok) return [];
        const refused = action.lastErrors();
        return refused.length ? form.fromUserErrors(refused, describe) : [{ field: "", message: t("form.notSent") }];
      })}
    >
      <h4 className="govuk-heading-s">{t("fees.askWaiver")}</h4>
      <Textarea bound={form.bind("reasons")} rows={4} hint={t("fees.waiverHint")} />
      <RequestError error={action.error} />
      <SubmitButton busy={action.busy}>{t("fees.askWaiverButton")}</SubmitButton>
    </FormShell>
  );
}

function DecideForm({ waiver, onDone }: { waiver: Waiver; onDone(done?: Done): void }) {
  const { t } = useI18n();
  const action = useAction(DecideFeeWaiverDocument, onDone);
  const describe = useDescribeUserError();
  const form = useForm({
    id: `decide-${waiver.id}`,
    fields: {
      decision: { label: t("fees.decision"), initial: "", required: true, requiredMessage: t("fees.decisionRequired") },
      reasons: { label: t("fees.decisionReasonsLabel"), initial: "", required: true, maxLength: LIMITS.text },
    },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const grant = values.decision === "GRANT";
        const ok = await action.run(
          { input: { waiverId: waiver.id, grant, reasons: String(values.reasons) } },
          { title: grant ? t("fees.granted") : t("fees.refused") },
        );
        if (ok) return [];
        const refused = action.lastErrors();
        return refused.length ? form.fromUserErrors(refused, describe) : [{ field: "", message: t("form.notSent") }];
      })}
    >
      <h4 className="govuk-heading-s">{t("fees.decideWaiver")}</h4>
      <Radios
        bound={form.bind("decision")}
        inline
        options={[
          { value: "GRANT", label: t("fees.grant") },
          { value: "REFUSE", label: t("fees.refuse") },
        ]}
      />
      <Textarea bound={form.bind("reasons")} rows={3} />
      <RequestError error={action.error} />
      <SubmitButton busy={action.busy}>{t("fees.decideButton")}</SubmitButton>
    </FormShell>
  );
}

function RecordPaymentForm({ invoice, onDone }: { invoice: Invoice; onDone(done?: Done): void }) {
  const { t, money } = useI18n();
  const action = useAction(RecordFeePaymentDocument, onDone);
  const describe = useDescribeUserError();
  const form = useForm({
    id: `payment-${invoice.number}`,
    fields: { reference: { label: t("fees.paymentReference"), initial: "", required: true, maxLength: 200 } },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const ok = await action.run(
          { input: { invoiceId: invoice.id, reference: String(values.reference) } },
          { title: t("fees.paymentRecorded", { number: invoice.number }) },
        );
        if (ok) return [];
        const refused = action.lastErrors();
        return refused.length ? form.fromUserErrors(refused, describe) : [{ field: "", message: t("form.notSent") }];
      })}
    >
      <h4 className="govuk-heading-s">{t("fees.recordPayment", { amount: money(invoice.amount.amount, invoice.amount.currency) })}</h4>
      <TextInput bound={form.bind("reference")} hint={t("fees.paymentReferenceHint")} />
      <RequestError error={action.error} />
      <SubmitButton busy={action.busy}>{t("fees.recordPaymentButton")}</SubmitButton>
    </FormShell>
  );
}

/** Paying by card: the processor's page opens; the invoice shows paid once the processor's
 * signed callback has reached the portal. */
function PayByCard({ invoice }: { invoice: Invoice }) {
  const { t } = useI18n();
  const [state, start] = useMutation(StartFeePaymentDocument);
  const describe = useDescribeUserError();
  const refused = state.data?.startFeePayment.userErrors ?? [];
  return (
    <>
      <button
        type="button"
        className="govuk-button"
        disabled={state.fetching}
        onClick={async () => {
          const result = await start({ input: { invoiceId: invoice.id } });
          const checkout = result.data?.startFeePayment.checkout;
          if (checkout) location.assign(checkout.url);
        }}
      >
        {t("fees.payByCard")}
      </button>
      {refused.length > 0 && (
        <p className="govuk-error-message" role="alert">
          {refused.map(describe).join(" ")}
        </p>
      )}
      <RequestError error={state.error} />
    </>
  );
}
