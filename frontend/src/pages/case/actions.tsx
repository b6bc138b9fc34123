// The forms for actions that stand on their own (consent, objection, confirmation,
// withdrawal), keyed by the server's CaseAction. Offers and outcomes have theirs next to what
// they answer (Offers.tsx, OutcomePanel.tsx). To add a form for another action (a neutral's,
// an organisation's), write a component taking ActionProps and add it to PANELS.
import { useState } from "react";
import type { ComponentType, FormEvent } from "react";
import { RequestError, UserErrors } from "../../components/Status";
import {
  ConfirmImplementationDocument,
  GiveConsentDocument,
  IssueOutcomeDocument,
  ObjectToNeutralDocument,
  WithdrawCaseDocument,
  type CaseAction,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import type { CaseData } from "./CasePage";
import { useAction } from "./useAction";

export interface ActionProps {
  item: CaseData;
  onDone(): void;
}

export const PANELS: Partial<Record<CaseAction, ComponentType<ActionProps>>> = {
  GIVE_CONSENT: ConsentForm,
  OBJECT_TO_NEUTRAL: ObjectionForm,
  CONFIRM_IMPLEMENTATION: ConfirmImplementationForm,
  ISSUE_OUTCOME: IssueOutcomeForm,
  WITHDRAW: WithdrawForm,
};

export function ActionPanels({ item, onDone }: ActionProps) {
  const panels = item.availableActions.flatMap((action) => {
    const Panel = PANELS[action];
    return Panel ? [<Panel key={action} item={item} onDone={onDone} />] : [];
  });
  return <>{panels}</>;
}

export function ActionSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="panel action-panel">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/** ISO 10003 7.3: informed consent, knowing the legal effect and the right to withdraw. */
function ConsentForm({ item, onDone }: ActionProps) {
  const { t, label } = useI18n();
  const [legal, setLegal] = useState(false);
  const [withdraw, setWithdraw] = useState(false);
  const [bound, setBound] = useState(false);
  const action = useAction(GiveConsentDocument, onDone);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run({
      caseId: item.id, expectedStage: item.stage,
      understandsLegalEffect: legal,
      understandsRightToWithdraw: withdraw,
      consentsToBeBound: bound,
    });
  }
  return (
    <ActionSection id="consent" title={t("consent.title")}>
      <p>{t("consent.intro", { method: label("method", item.method) })}</p>
      {item.provider?.profile?.legalEffect && (
        <blockquote>{item.provider.profile.legalEffect}</blockquote>
      )}
      <form onSubmit={submit} className="stack">
        <label className="check">
          <input type="checkbox" required checked={legal} onChange={(e) => setLegal(e.target.checked)} />
          {t("consent.legalEffect")}
        </label>
        <label className="check">
          <input type="checkbox" required checked={withdraw} onChange={(e) => setWithdraw(e.target.checked)} />
          {t("consent.rightToWithdraw")}
        </label>
        {item.binding && (
          <label className="check">
            <input type="checkbox" required checked={bound} onChange={(e) => setBound(e.target.checked)} />
            {t("consent.toBeBound")}
          </label>
        )}
        <UserErrors errors={action.errors} />
        <RequestError error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t("consent.submit")}
        </button>
      </form>
    </ActionSection>
  );
}

/** A form with one reasons field: objecting to the neutral, withdrawing, confirming. */
function ReasonForm({
  id,
  title,
  intro,
  field,
  submitLabel,
  required,
  busy,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  field: string;
  submitLabel: string;
  required: boolean;
  busy: boolean;
  onSubmit(text: string): Promise<boolean>;
  children?: React.ReactNode;
}) {
  const [text, setText] = useState("");
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onSubmit(text)) setText("");
  }
  return (
    <ActionSection id={id} title={title}>
      <p>{intro}</p>
      <form onSubmit={submit} className="stack">
        <label>
          {field}
          <textarea rows={3} required={required} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {children}
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </ActionSection>
  );
}

function ObjectionForm({ item, onDone }: ActionProps) {
  const { t } = useI18n();
  const action = useAction(ObjectToNeutralDocument, onDone);
  const declaration = item.neutralAppointment?.declaration;
  return (
    <ReasonForm
      id="objection"
      title={t("objection.title")}
      intro={
        declaration
          ? t("objection.intro", { disclosures: declaration.disclosures || t("objection.noDisclosures") })
          : t("objection.introNoDeclaration")
      }
      field={t("form.reasons")}
      submitLabel={t("objection.submit")}
      required
      busy={action.busy}
      onSubmit={(reasons) => action.run({ caseId: item.id, expectedStage: item.stage, reasons })}
    >
      <UserErrors errors={action.errors} />
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** ISO 10003 7.6: the complainant confirms the outcome was carried out. */
function ConfirmImplementationForm({ item, onDone }: ActionProps) {
  const { t } = useI18n();
  const action = useAction(ConfirmImplementationDocument, onDone);
  return (
    <ReasonForm
      id="confirm-implementation"
      title={t("implementation.title")}
      intro={t("implementation.intro", { evidence: item.implementationEvidence || "—" })}
      field={t("form.noteOptional")}
      submitLabel={t("implementation.submit")}
      required={false}
      busy={action.busy}
      onSubmit={(note) => action.run({ caseId: item.id, expectedStage: item.stage, note: note || null })}
    >
      <UserErrors errors={action.errors} />
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** ISO 10003 4.6: a party may withdraw at any stage. */
function WithdrawForm({ item, onDone }: ActionProps) {
  const { t } = useI18n();
  const action = useAction(WithdrawCaseDocument, onDone);
  return (
    <details className="panel">
      <summary>{t("withdraw.title")}</summary>
      <ReasonForm
        id="withdraw"
        title={t("withdraw.title")}
        intro={t("withdraw.intro")}
        field={t("form.reasonOptional")}
        submitLabel={t("withdraw.submit")}
        required={false}
        busy={action.busy}
        onSubmit={(reason) => action.run({ caseId: item.id, expectedStage: item.stage, reason: reason || null })}
      >
        <UserErrors errors={action.errors} />
        <RequestError error={action.error} />
      </ReasonForm>
    </details>
  );
}

/** The neutral's proposed settlement, recommendation or award, with reasons (ISO 10003 7.5). */
function IssueOutcomeForm({ item, onDone }: ActionProps) {
  const { t } = useI18n();
  const [summary, setSummary] = useState("");
  const [reasons, setReasons] = useState("");
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState(item.claimedAmount?.currency ?? "EUR");
  const action = useAction(IssueOutcomeDocument, onDone);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run({
      caseId: item.id, expectedStage: item.stage,
      summary,
      reasons,
      amount: amount || null,
      currency: amount ? currency : null,
    });
  }
  return (
    <ActionSection id="issue-outcome" title={t("issueOutcome.title")}>
      <p>{t("issueOutcome.intro")}</p>
      <form onSubmit={submit} className="stack">
        <label>
          {t("issueOutcome.summary")}
          <textarea required rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <label>
          {t("form.reasons")}
          <textarea required rows={5} value={reasons} onChange={(e) => setReasons(e.target.value)} />
        </label>
        <div className="row">
          <label>
            {t("issueOutcome.amount")}
            <input
              inputMode="decimal"
              pattern="[0-9]+([.][0-9]{1,2})?"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </label>
          <label>
            {t("escalate.currency")}
            <input
              maxLength={3}
              pattern="[A-Z]{3}"
              value={currency}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            />
          </label>
        </div>
        <UserErrors errors={action.errors} />
        <RequestError error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t("issueOutcome.submit")}
        </button>
      </form>
    </ActionSection>
  );
}

export { ReasonForm };
