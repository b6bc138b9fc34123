import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Redirect } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { RequestError, useDescribeUserError } from "../../components/Status";
import { AmountInput, FormShell, Radios, Select, SubmitButton, Textarea, TextInput, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { EligibleProvidersDocument, ReferComplaintDocument, type Currency, type ResolutionMethod } from "../../gql/graphql";
import { apiLocale, useI18n, type MessageKey } from "../../i18n";
import { MethodExplained } from "../case/methods";
import { useIdempotencyKey } from "../../lib/idempotency";

const ALL_METHODS: ResolutionMethod[] = [
  "NEGOTIATION",
  "MEDIATION",
  "CONCILIATION",
  "OMBUDSMAN_RECOMMENDATION",
  "EXPERT_OPINION",
  "ARBITRATION_BINDING",
  "ARBITRATION_NON_BINDING",
];

/** A complaint the organisation did not resolve goes to an independent dispute resolution
 * service; each method is explained where it is chosen (who decides, binding or not, cost).
 * The page the answer's mail links to (`/complaints/:id/escalate`). */
export function Escalate({ id }: { id: string }) {
  const { t } = useI18n();
  const complaintId = decodeURIComponent(id);
  const [opened, setOpened] = useState<string | null>(null);
  if (opened) return <Redirect to={`/cases/${encodeURIComponent(opened)}`} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("escalate.title")} />
        <p className="govuk-body">{t("escalate.intro")}</p>
        <EscalationForm key={complaintId} complaintId={complaintId} onReferred={(dispute) => setOpened(dispute.id)} />
      </div>
    </div>
  );
}

/** The referral itself (ISO 10003 7.2): the complainant's page above, and the organisation's
 * staff on the complaint's page (REFER), where `reasonHint` speaks to them. */
export function EscalationForm({
  complaintId,
  onReferred,
  reasonHint,
}: {
  complaintId: string;
  onReferred(dispute: { id: string; reference: string }): void;
  reasonHint?: string;
}) {
  const { t, label, locale } = useI18n();
  // Only the providers the complaint may go to (the organisation's links), by the server's one rule.
  const [{ data }] = useQuery({
    query: EligibleProvidersDocument,
    variables: { id: complaintId, language: apiLocale(locale) },
  });
  const [result, refer] = useMutation(ReferComplaintDocument);
  const describe = useDescribeUserError();
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const form = useForm({
    id: `escalate-${complaintId}`,
    draft: true,
    fields: {
      providerId: {
        label: t("escalate.provider"),
        initial: "",
        required: true,
        requiredMessage: t("escalate.providerMissing"),
        serverNames: ["provider_id", "providerId"],
      },
      method: { label: t("escalate.method"), initial: "", required: true, requiredMessage: t("escalate.methodMissing") },
      unresolvedReason: {
        label: t("escalate.reason"),
        initial: "",
        required: true,
        maxLength: LIMITS.text,
        serverNames: ["unresolved_reason", "unresolvedReason"],
      },
      claimedAmount: {
        label: t("escalate.amount"),
        initial: "",
        kind: "amount",
        serverNames: ["claimed_amount", "claimedAmount", "amount"],
      },
      currency: { label: t("escalate.currency"), initial: "EUR", required: true },
    },
    validate: (values) =>
      /^[A-Za-z]{3}$/.test(String(values.currency).trim())
        ? []
        : [{ field: "currency", message: t("form.errorCurrency", { field: t("escalate.currency") }) }],
  });
  const providers = data?.complaint?.eligibleProviders ?? [];
  const provider = providers.find((p) => p.id === form.values.providerId);
  // A provider that publishes no methods runs any of them.
  const methods = provider?.profile?.methods.length ? provider.profile.methods : ALL_METHODS;
  const chosen = methods.find((m) => m === form.values.method);

  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await refer({
          complaintId,
          providerId: String(values.providerId),
          method: values.method as ResolutionMethod,
          unresolvedReason: String(values.unresolvedReason),
          claimedAmount: values.claimedAmount ? String(values.claimedAmount) : null,
          currency: values.claimedAmount ? (String(values.currency).toUpperCase() as Currency) : null,
          idempotencyKey,
        });
        const payload = answer.data?.referComplaint;
        if (payload?.case) {
          onReferred(payload.case);
          return [];
        }
        if (payload) {
          // Refused: the corrected form is another request, with a key of its own.
          renewKey();
          return form.fromUserErrors(payload.userErrors, describe);
        }
        return [{ field: "", message: t("form.notSent") }];
      })}
    >
      <Select
        bound={form.bind("providerId")}
        hint={t("escalate.providerHint")}
        options={providers.map((p) => ({ value: p.id, label: `${p.name} (${p.country})` }))}
      />
      <Radios
        bound={form.bind("method")}
        hint={t("escalate.methodHint")}
        options={methods.map((m) => ({
          value: m,
          label: label("method", m),
          hint: t(`methodInfo.${m}.short` as MessageKey),
        }))}
      />
      {chosen && (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">{t("case.howMethodWorks", { method: label("method", chosen) })}</h2>
          <MethodExplained
            method={chosen}
            fees={provider?.profile?.texts.fees}
            legalEffect={provider?.profile?.texts.legalEffect}
          />
        </div>
      )}
      <Textarea bound={form.bind("unresolvedReason")} hint={reasonHint ?? t("escalate.reasonHint")} rows={4} />
      <AmountInput bound={form.bind("claimedAmount")} />
      <TextInput bound={form.bind("currency")} width="3" spellCheck={false} hint={t("form.currencyHint")} />
      <RequestError error={result.error} />
      <SubmitButton busy={result.fetching}>{t("escalate.submit")}</SubmitButton>
    </FormShell>
  );
}
