import { useMemo, useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { Redirect } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { RequestError, UserErrors } from "../../components/Status";
import { ProvidersDocument, ReferComplaintDocument, type ResolutionMethod } from "../../gql/graphql";
import { useI18n } from "../../i18n";

const ALL_METHODS: ResolutionMethod[] = [
  "NEGOTIATION",
  "MEDIATION",
  "CONCILIATION",
  "OMBUDSMAN_RECOMMENDATION",
  "EXPERT_OPINION",
  "ARBITRATION_BINDING",
  "ARBITRATION_NON_BINDING",
];

/** ISO 10003 7.2: a complaint the organisation did not resolve goes to a provider. */
export function Escalate({ id }: { id: string }) {
  const { t, label } = useI18n();
  const complaintId = decodeURIComponent(id);
  const [{ data }] = useQuery({ query: ProvidersDocument });
  const [result, refer] = useMutation(ReferComplaintDocument);
  const [providerId, setProviderId] = useState("");
  const [method, setMethod] = useState<ResolutionMethod | "">("");
  const [unresolvedReason, setReason] = useState("");
  const [claimedAmount, setAmount] = useState("");
  const [currency, setCurrency] = useState("EUR");
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const providers = data?.providers.edges.map((edge) => edge.node) ?? [];
  const provider = providers.find((p) => p.id === providerId);
  const opened = result.data?.referComplaint.case;
  // A provider that publishes no methods runs any of them.
  const methods = provider?.profile?.methods.length ? provider.profile.methods : ALL_METHODS;

  if (opened) return <Redirect to={`/cases/${encodeURIComponent(opened.id)}`} />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!method) return;
    await refer({
      complaintId,
      providerId,
      method,
      unresolvedReason,
      claimedAmount: claimedAmount || null,
      currency: claimedAmount ? currency : null,
      idempotencyKey,
    });
  }

  return (
    <section className="narrow">
      <PageTitle text={t("escalate.title")} />
      <p>{t("escalate.intro")}</p>
      <form onSubmit={submit} className="stack">
        <label>
          {t("escalate.provider")}
          <select required value={providerId} onChange={(e) => setProviderId(e.target.value)}>
            <option value="">{t("form.choose")}</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.country})
              </option>
            ))}
          </select>
        </label>
        {provider?.profile && (
          <dl className="facts">
            <dt>{t("escalate.fees")}</dt>
            <dd>{provider.profile.fees || "—"}</dd>
            <dt>{t("escalate.legalEffect")}</dt>
            <dd>{provider.profile.legalEffect || "—"}</dd>
          </dl>
        )}
        <label>
          {t("escalate.method")}
          <select required value={method} onChange={(e) => setMethod(e.target.value as ResolutionMethod)}>
            <option value="">{t("form.choose")}</option>
            {methods.map((m) => (
              <option key={m} value={m}>
                {label("method", m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("escalate.reason")}
          <textarea required rows={4} value={unresolvedReason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="row">
          <label>
            {t("escalate.amount")}
            <input inputMode="decimal" pattern="[0-9]+([.][0-9]{1,2})?" value={claimedAmount} onChange={(e) => setAmount(e.target.value)} />
          </label>
          <label>
            {t("escalate.currency")}
            <input maxLength={3} pattern="[A-Z]{3}" value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          </label>
        </div>
        <UserErrors errors={result.data?.referComplaint.userErrors} />
        <RequestError error={result.error} />
        <button type="submit" disabled={result.fetching}>
          {t("escalate.submit")}
        </button>
      </form>
    </section>
  );
}
