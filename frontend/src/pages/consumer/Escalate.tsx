import { useMemo } from "react";
import { useMutation, useQuery } from "urql";
import { Redirect } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { RequestError, useDescribeUserError } from "../../components/Status";
import { AmountInput, FormShell, Radios, Select, SubmitButton, Textarea, TextInput, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { ProvidersDocument, ReferComplaintDocument, type ResolutionMethod } from "../../gql/graphql";
import { apiLocale, useI18n, type MessageKey } from "../../i18n";
import { MethodExplained } from "../case/methods";

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
 * service; each method is explained where it is chosen (who decides, binding or not, cost). */
export function Escalate({ id }: { id: string }) {
  const complaintId = decodeURIComponent(id);
  return <EscalateForm key={complaintId} complaintId={complaintId} />;
}

function EscalateForm({ complaintId }: { complaintId: string }) {
  const { t, label, locale } = useI18n();
  const [{ data }] = useQuery({ query: ProvidersDocument, variables: { language: apiLocale(locale) } });
  const [result, refer] = useMutation(ReferComplaintDocument);
  const describe = useDescribeUserError();
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
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
  const providers = data?.providers.edges.map((edge) => edge.node) ?? [];
  const provider = providers.find((p) => p.id === form.values.providerId);
  const opened = result.data?.referComplaint.case;
  // A provider that publishes no methods runs any of them.
  const methods = provider?.profile?.methods.length ? provider.profile.methods : ALL_METHODS;
  const chosen = methods.find((m) => m === form.values.method);

  if (opened) return <Redirect to={`/cases/${encodeURIComponent(opened.id)}`} />;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("escalate.title")} />
        <p className="govuk-body">{t("escalate.intro")}</p>
        <FormShell
          form={form}
          onSubmit={form.onSubmit(async (values) => {
            const answer = await refer({
              complaintId,
              providerId: String(values.providerId),
              method: values.method as ResolutionMethod,
              unresolvedReason: String(values.unresolvedReason),
              claimedAmount: values.claimedAmount ? String(values.claimedAmount) : null,
              currency: values.claimedAmount ? String(values.currency).toUpperCase() : null,
              idempotencyKey,
            });
            const payload = answer.data?.referComplaint;
            if (payload?.case) return [];
            if (payload) return form.fromUserErrors(payload.userErrors, describe);
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
          <Textarea bound={form.bind("unresolvedReason")} hint={t("escalate.reasonHint")} rows={4} />
          <AmountInput bound={form.bind("claimedAmount")} />
          <TextInput bound={form.bind("currency")} width="3" spellCheck={false} hint={t("form.currencyHint")} />
          <RequestError error={result.error} />
          <SubmitButton busy={result.fetching}>{t("escalate.submit")}</SubmitButton>
        </FormShell>
      </div>
    </div>
  );
}
