// The forms for actions that stand on their own (consent, the reply to the organisation's
// position, objection, confirmation or a report that the outcome was not carried out,
// withdrawal, issuing an outcome), keyed by the server's CaseAction. Offers and outcomes have
// theirs next to what they answer (Offers.tsx, OutcomePanel.tsx). To add a form for another
// action, write a component taking ActionProps and add it to PANELS.
//
// Every form is on design/forms.tsx (error summary, inline errors, drafts); a step that cannot
// be undone (duties.ts `isIrreversible`) shows design/patterns.tsx CheckPage first, and the
// case page shows the Confirmation after it (`onDone({ receipt: true, ... })`).
import { useState } from "react";
import type { ComponentType, ReactNode } from "react";
import { RequestError, useDescribeUserError, type UserErrorLike } from "../../components/Status";
import {
  AmountInput,
  Checkbox,
  ErrorSummary,
  FormShell,
  SubmitButton,
  Textarea,
  TextInput,
  KEEP,
  useForm,
  type FieldError,
} from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { CheckPage, Explained } from "../../design/patterns";
import {
  ConfirmImplementationDocument,
  GiveConsentDocument,
  IssueOutcomeDocument,
  ObjectToNeutralDocument,
  ReportNotImplementedDocument,
  SubmitReplyDocument,
  WithdrawCaseDocument,
  type CaseAction,
  type Currency,
} from "../../gql/graphql";
import { apiLocale, useI18n } from "../../i18n";
import type { CaseData } from "./CasePage";
import { isIrreversible } from "./duties";
import { MethodExplained, ShownText } from "./methods";
import { useAction, type Done } from "./useAction";

export type { Done } from "./useAction";

export interface ActionProps {
  item: CaseData;
  /** After an action: refresh the case; with `done`, the page shows a success banner or, for
   * a step that cannot be undone (`receipt`), the confirmation. */
  onDone(done?: Done): void;
}

export const PANELS: Partial<Record<CaseAction, ComponentType<ActionProps>>> = {
  GIVE_CONSENT: ConsentForm,
  SUBMIT_REPLY: ReplyForm,
  OBJECT_TO_NEUTRAL: ObjectionForm,
  CONFIRM_IMPLEMENTATION: ConfirmImplementationForm,
  REPORT_NOT_IMPLEMENTED: NotImplementedForm,
  ISSUE_OUTCOME: IssueOutcomeForm,
  WITHDRAW: WithdrawForm,
};

/** After "Go back and change": focus the form's heading again, once it is back on the page. */
export function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Where the form for an action is on the case page (the "your next step" button's target). */
export function anchorFor(action: CaseAction): string {
  if (["ACCEPT_OUTCOME", "REJECT_OUTCOME", "REQUEST_REVIEW"].includes(action)) return "outcome-heading";
  if (["ACCEPT_OFFER", "REJECT_OFFER", "MAKE_OFFER", "WITHDRAW_OFFER"].includes(action)) return "offers-heading";
  // Issue 20, 3: taken through the review's decision form (AutomatedDecisions.tsx).
  if (action === "REVERSE_AUTOMATED_DECISION") return "automated-heading";
  return `action-${action}-heading`;
}

/** The forms of the given actions, in that order. */
export function ActionPanels({ item, onDone, only }: ActionProps & { only?: readonly CaseAction[] }) {
  const panels = (only ?? item.availableActions).flatMap((action) => {
    const Panel = PANELS[action];
    return Panel ? [<Panel key={action} item={item} onDone={onDone} />] : [];
  });
  return <>{panels}</>;
}

export function ActionSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="parley-section" id={id}>
      <h2 id={`${id}-heading`} className="govuk-heading-m" tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A step's server answer as form errors: its userErrors on their fields, a failed request in
 * the summary (what was typed stays: the draft is kept until the step is sent). */
function useStepErrors() {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  return (
    ok: boolean,
    errors: readonly UserErrorLike[],
    fromUserErrors: (e: readonly UserErrorLike[], d: (error: UserErrorLike) => string) => FieldError[],
  ): FieldError[] => {
    if (ok) return [];
    if (errors.length > 0) return fromUserErrors(errors, describe);
    return [{ field: "", message: t("form.notSent") }];
  };
}

/** ISO 10003 7.3: informed consent, knowing the legal effect and the right to withdraw. */
function ConsentForm({ item, onDone }: ActionProps) {
  const { t, label, locale } = useI18n();
  const action = useAction(GiveConsentDocument, onDone);
  const stepErrors = useStepErrors();
  const [checking, setChecking] = useState(false);
  const [stepError, setStepError] = useState<FieldError[]>([]);
  const form = useForm({
    id: "consent",
    fields: {
      legal: { label: t("consent.legalEffect"), initial: false, required: true },
      withdraw: { label: t("consent.rightToWithdraw"), initial: false, required: true },
      bound: { label: t("consent.toBeBound"), initial: false, required: item.binding },
    },
  });
  const method = label("method", item.method);
  // Issue 15: the text shown here is the one the consent records; its digest says so.
  const shown = item.consentText;
  async function send() {
    const ok = await action.run(
      {
        caseId: item.id,
        expectedStage: item.stage,
        understandsLegalEffect: (form.values.legal as boolean) === true,
        understandsRightToWithdraw: (form.values.withdraw as boolean) === true,
        consentsToBeBound: item.binding && (form.values.bound as boolean) === true,
        legalEffectDigest: shown.digest,
        language: apiLocale(locale),
      },
      { title: t("consent.done"), next: t("consent.doneNext"), receipt: true },
    );
    setStepError(stepErrors(ok, action.lastErrors(), form.fromUserErrors));
  }
  if (checking) {
    return (
      <section className="parley-section" aria-label={t("consent.title")}>
        <CheckPage
          title={t("consent.checkTitle")}
          rows={[
            { key: t("check.method"), value: method },
            { key: t("consent.bindingRow"), value: item.binding ? t("form.yes") : t("form.no") },
          ]}
          effect={
            <>
              <ShownText value={shown} testId="consent-text-check" />
              <p className="govuk-body">{t("consent.effectWithdraw")}</p>
            </>
          }
          confirmLabel={t("consent.submit")}
          busy={action.busy}
          onConfirm={() => void send()}
          onBack={() => {
            setChecking(false);
            focusSoon("action-GIVE_CONSENT-heading");
          }}
        >
          <ErrorSummary errors={stepError} fieldId={form.fieldId} />
          <RequestError error={action.error} />
        </CheckPage>
      </section>
    );
  }
  return (
    <ActionSection id="action-GIVE_CONSENT" title={t("consent.title")}>
      <p className="govuk-body">{t("consent.intro", { method })}</p>
      <MethodExplained method={item.method} fees={item.provider?.profile?.texts.fees} legalEffect={null} />
      <h3 className="govuk-heading-s">{t("consent.legalEffectTitle")}</h3>
      <ShownText value={shown} testId="consent-text" />
      <FormShell form={form} onSubmit={form.onSubmit(async () => setChecking(true))}>
        <Checkbox bound={form.bind("legal")} />
        <Checkbox bound={form.bind("withdraw")} />
        {item.binding && <Checkbox bound={form.bind("bound")} />}
        <SubmitButton>{t("form.continue")}</SubmitButton>
      </FormShell>
    </ActionSection>
  );
}

/** A form with one reasons field (with a draft), and, for a step that cannot be undone, the
 * check page before it is sent. */
export function ReasonForm({
  id,
  title,
  intro,
  field,
  hint,
  submitLabel,
  required,
  busy,
  onSubmit,
  check,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  field: string;
  hint?: string;
  submitLabel: string;
  required: boolean;
  busy: boolean;
  /** Sends; returns the errors (none: sent), or whether it was sent (false: the errors show
   * in `children`, and the text stays). */
  onSubmit(text: string): Promise<FieldError[] | boolean>;
  /** A step that cannot be undone: the check page's title and what it means. */
  check?: { title: string; effect: ReactNode; rowKey?: string };
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [checking, setChecking] = useState<string | null>(null);
  const [stepError, setStepError] = useState<FieldError[]>([]);
  const form = useForm({
    id,
    draft: true,
    fields: { text: { label: field, initial: "", required, maxLength: LIMITS.text, serverNames: ["reasons", "reason", "note", "text"] } },
  });
  if (check && checking !== null) {
    return (
      <section className="parley-section" aria-label={title}>
        <CheckPage
          title={check.title}
          rows={[{ key: check.rowKey ?? field, value: <span className="parley-prose">{checking || "—"}</span> }]}
          effect={check.effect}
          confirmLabel={submitLabel}
          busy={busy}
          onConfirm={async () => {
            const answer = await onSubmit(checking);
            const errors = answer === true ? [] : answer === false ? [] : answer;
            setStepError(errors);
            if (answer === true || (answer !== false && answer.length === 0)) form.reset();
          }}
          onBack={() => {
            setChecking(null);
            focusSoon(`${id}-heading`);
          }}
        >
          <ErrorSummary errors={stepError} fieldId={form.fieldId} />
          {children}
        </CheckPage>
      </section>
    );
  }
  return (
    <ActionSection id={id} title={title}>
      {typeof intro === "string" ? <p className="govuk-body">{intro}</p> : intro}
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          if (check) {
            setChecking(String(values.text));
            // The draft stays until the step is confirmed and sent.
            return KEEP;
          }
          const answer = await onSubmit(String(values.text));
          if (answer === false) return KEEP;
          // Sent: the form is empty again (a repeatable step, such as a note, stays on the page).
          if (answer === true || answer.length === 0) {
            form.reset();
            return [];
          }
          return answer;
        })}
      >
        <Textarea bound={form.bind("text")} hint={hint} rows={4} />
        {children}
        <SubmitButton busy={busy}>{check ? t("form.continue") : submitLabel}</SubmitButton>
      </FormShell>
    </ActionSection>
  );
}

/** Runs an action for ReasonForm: its errors as form errors. */
export function useReasonStep<V>(action: {
  run(variables: V, done?: Done): Promise<boolean>;
  lastErrors(): readonly UserErrorLike[];
}) {
  const stepErrors = useStepErrors();
  return async (variables: V, done: Done): Promise<FieldError[]> => {
    const ok = await action.run(variables, done);
    return stepErrors(ok, action.lastErrors(), (errors, describe) =>
      errors.map((error) => ({ field: "text", message: describe(error) })),
    );
  };
}

function ObjectionForm({ item, onDone }: ActionProps) {
  const { t } = useI18n();
  const action = useAction(ObjectToNeutralDocument, onDone);
  const step = useReasonStep(action);
  const declaration = item.neutralAppointment?.declaration;
  return (
    <ReasonForm
      id="action-OBJECT_TO_NEUTRAL"
      title={t("objection.title")}
      intro={
        <>
          <p className="govuk-body">
            {declaration
              ? t("objection.intro", { disclosures: declaration.disclosures || t("objection.noDisclosures") })
              : t("objection.introNoDeclaration")}
          </p>
          <Explained summary={t("words.neutral")}>{t("words.neutralExplained")}</Explained>
        </>
      }
      field={t("form.reasons")}
      submitLabel={t("objection.submit")}
      required
      busy={action.busy}
      onSubmit={(reasons) =>
        step({ caseId: item.id, expectedStage: item.stage, reasons }, { title: t("objection.done") })
      }
    >
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** ISO 10003 7.6: the complainant confirms the outcome was carried out. */
function ConfirmImplementationForm({ item, onDone }: ActionProps) {
  const { t } = useI18n();
  const action = useAction(ConfirmImplementationDocument, onDone);
  const step = useReasonStep(action);
  return (
    <ReasonForm
      id="action-CONFIRM_IMPLEMENTATION"
      title={t("implementation.title")}
      intro={t("implementation.intro", { evidence: item.implementationEvidence || "—" })}
      field={t("form.note")}
      submitLabel={t("implementation.submit")}
      required={false}
      busy={action.busy}
      check={
        isIrreversible(item, "CONFIRM_IMPLEMENTATION")
          ? { title: t("implementation.checkTitle"), effect: <p className="govuk-body">{t("implementation.effect")}</p> }
          : undefined
      }
      onSubmit={(note) =>
        step(
          { caseId: item.id, expectedStage: item.stage, note: note || null },
          { title: t("implementation.done"), next: t("implementation.doneNext"), receipt: true },
        )
      }
    >
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** DOMAIN.md, fairness: the complainant answers the organisation's position, within a window
 * as long as the organisation had to respond. */
function ReplyForm({ item, onDone }: ActionProps) {
  const { t } = useI18n();
  const action = useAction(SubmitReplyDocument, onDone);
  const step = useReasonStep(action);
  return (
    <ReasonForm
      id="action-SUBMIT_REPLY"
      title={t("reply.title")}
      intro={
        <p className="govuk-body parley-prose">{t("reply.intro", { position: item.organisationPosition || "—" })}</p>
      }
      field={t("reply.field")}
      hint={t("reply.hint")}
      submitLabel={t("reply.submit")}
      required
      busy={action.busy}
      onSubmit={(reply) =>
        step({ caseId: item.id, expectedStage: item.stage, reply }, { title: t("reply.done"), next: t("reply.doneNext") })
      }
    >
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** ISO 10003 7.6: the complainant reports, with reasons, that the outcome was not carried out
 * as the organisation recorded it; the provider then decides. */
function NotImplementedForm({ item, onDone }: ActionProps) {
  const { t } = useI18n();
  const action = useAction(ReportNotImplementedDocument, onDone);
  const step = useReasonStep(action);
  return (
    <ReasonForm
      id="action-REPORT_NOT_IMPLEMENTED"
      title={t("notImplemented.title")}
      intro={t("notImplemented.intro", { evidence: item.implementationEvidence || "—" })}
      field={t("form.reasons")}
      submitLabel={t("notImplemented.submit")}
      required
      busy={action.busy}
      check={
        isIrreversible(item, "REPORT_NOT_IMPLEMENTED")
          ? { title: t("notImplemented.checkTitle"), effect: <p className="govuk-body">{t("notImplemented.effect")}</p> }
          : undefined
      }
      onSubmit={(reasons) =>
        step(
          { caseId: item.id, expectedStage: item.stage, reasons },
          { title: t("notImplemented.done"), next: t("notImplemented.doneNext"), receipt: true },
        )
      }
    >
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** ISO 10003 4.6: the complainant may withdraw at any stage; the organisation where the
 * case's scheme allows it, with reasons. */
function WithdrawForm({ item, onDone }: ActionProps) {
  const { t } = useI18n();
  const action = useAction(WithdrawCaseDocument, onDone);
  const step = useReasonStep(action);
  const organisation = item.viewerRoles.includes("ORGANISATION");
  return (
    <ReasonForm
      id="action-WITHDRAW"
      title={t("withdraw.title")}
      intro={organisation ? t("withdraw.introOrganisation") : t("withdraw.intro")}
      field={organisation ? t("form.reasons") : t("form.reason")}
      submitLabel={t("withdraw.submit")}
      required={organisation}
      busy={action.busy}
      check={{
        title: t("withdraw.checkTitle"),
        effect: organisation ? (
          <p className="govuk-body">{t("withdraw.effectOrganisation")}</p>
        ) : (
          <>
            <p className="govuk-body">{t("withdraw.effect")}</p>
            <p className="govuk-body">
              {item.binding ? t("withdraw.effectBinding") : t("withdraw.effectCourts")}
            </p>
          </>
        ),
      }}
      onSubmit={(reason) =>
        step(
          { caseId: item.id, expectedStage: item.stage, reason: reason || null },
          { title: t("withdraw.done"), next: t("withdraw.doneNext"), receipt: true },
        )
      }
    >
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** The independent person's proposed settlement, recommendation or award, with reasons. */
function IssueOutcomeForm({ item, onDone }: ActionProps) {
  const { t, label, money } = useI18n();
  const action = useAction(IssueOutcomeDocument, onDone);
  const stepErrors = useStepErrors();
  const [checking, setChecking] = useState(false);
  const [stepError, setStepError] = useState<FieldError[]>([]);
  const form = useForm({
    id: "issue-outcome",
    draft: true,
    fields: {
      summary: { label: t("issueOutcome.summary"), initial: "", required: true, maxLength: LIMITS.text },
      reasons: { label: t("form.reasons"), initial: "", required: true, maxLength: LIMITS.text },
      amount: { label: t("outcome.amountField"), initial: "", kind: "amount" },
      currency: { label: t("escalate.currency"), initial: item.claimedAmount?.currency ?? "EUR", required: true },
    },
    validate: (values) =>
      /^[A-Za-z]{3}$/.test(String(values.currency).trim())
        ? []
        : [{ field: "currency", message: t("form.errorCurrency", { field: t("escalate.currency") }) }],
  });
  const binding = item.binding;
  async function send() {
    // The form's values as the API takes them (amount canonical) come from a dry submit.
    const values = form.output();
    const ok = await action.run(
      {
        caseId: item.id,
        expectedStage: item.stage,
        summary: String(values.summary),
        reasons: String(values.reasons),
        amount: values.amount ? String(values.amount) : null,
        currency: values.amount ? (String(values.currency).toUpperCase() as Currency) : null,
      },
      { title: t("issueOutcome.done"), next: t("issueOutcome.doneNext"), receipt: true },
    );
    const errors = stepErrors(ok, action.lastErrors(), form.fromUserErrors);
    setStepError(errors);
    if (ok) form.reset();
    else if (errors.some((error) => error.field)) {
      form.setErrors(errors);
      setChecking(false);
    }
  }
  if (checking) {
    const values = form.output();
    return (
      <section className="parley-section" aria-label={t("issueOutcome.title")}>
        <CheckPage
          title={t("issueOutcome.checkTitle")}
          rows={[
            { key: t("issueOutcome.summary"), value: <span className="parley-prose">{String(values.summary)}</span> },
            { key: t("form.reasons"), value: <span className="parley-prose">{String(values.reasons)}</span> },
            {
              key: t("outcome.amountField"),
              value: values.amount ? money(String(values.amount), String(values.currency).toUpperCase()) : "—",
            },
          ]}
          effect={
            <p className="govuk-body">
              {binding
                ? t("issueOutcome.effectBinding", { method: label("method", item.method) })
                : t("issueOutcome.effectNotBinding", { method: label("method", item.method) })}
            </p>
          }
          confirmLabel={t("issueOutcome.submit")}
          busy={action.busy}
          onConfirm={() => void send()}
          onBack={() => {
            setChecking(false);
            focusSoon("action-ISSUE_OUTCOME-heading");
          }}
        >
          <ErrorSummary errors={stepError} fieldId={form.fieldId} />
          <RequestError error={action.error} />
        </CheckPage>
      </section>
    );
  }
  return (
    <ActionSection id="action-ISSUE_OUTCOME" title={t("issueOutcome.title")}>
      <p className="govuk-body">{t("issueOutcome.intro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async () => {
          setChecking(true);
          return KEEP;
        })}
      >
        <Textarea bound={form.bind("summary")} rows={3} />
        <Textarea bound={form.bind("reasons")} rows={5} />
        <AmountInput bound={form.bind("amount")} />
        <TextInput bound={form.bind("currency")} width="3" spellCheck={false} hint={t("form.currencyHint")} />
        <SubmitButton>{t("form.continue")}</SubmitButton>
      </FormShell>
    </ActionSection>
  );
}
