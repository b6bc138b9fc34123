// The forms for what a provider, an organisation and a neutral do on a case, keyed by the
// server's CaseAction like PANELS in actions.tsx: each shows only when the server lists its
// action in `availableActions` (the transition table decides, never a copy of it here).
//
// Every form is on design/forms.tsx (error summary, inline errors naming the field and limit,
// character counts, drafts for free text). A step that cannot be undone (declining, closing,
// refusing to take part, deciding an objection or a review) goes through CheckPage with its
// effect in plain words, then a Confirmation; any other step ends with a SuccessBanner.
// Both are shown by StaffActionPanels (or the page that passes `onSuccess`), above the forms,
// so they stay when the form itself goes away with the stage.
import { useState } from "react";
import type { ComponentType, ReactNode } from "react";
import { useMutation, useQuery, type AnyVariables, type TypedDocumentNode } from "urql";
import { ClockTable } from "../../components/Clocks";
import { Loading, RequestError, useDescribeUserError, type UserErrorLike } from "../../components/Status";
import {
  AmountInput,
  Checkbox,
  FormShell,
  Radios,
  Select,
  SubmitButton,
  Textarea,
  TextInput,
  useForm,
  type FieldError,
} from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { CheckPage, Confirmation, Explained, SuccessBanner, type CheckRow } from "../../design/patterns";
import {
  AcceptCaseDocument,
  AppointNeutralDocument,
  CaseRosterDocument,
  CloseCaseDocument,
  CompleteFileDocument,
  DeclareImpartialityDocument,
  DecideObjectionDocument,
  DecideReviewDocument,
  DeclineCaseDocument,
  DiscloseCircumstanceDocument,
  ExtendClockDocument,
  RecordImplementationDocument,
  RecuseDocument,
  RefuseParticipationDocument,
  RemoveNeutralDocument,
  SubmitResponseDocument,
  type CaseAction,
  type CaseStage,
  type ClockFieldsFragment,
  type ClockKind,
  type ClosureReason,
  type DeclineGround,
  type RootCause,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";

/** What a staff form needs of a case: the case page's data and the queue's summaries both fit. */
export interface StaffItem {
  id: string;
  reference?: string;
  /** The stage the forms are shown for: sent as `expectedStage`, so an action on a page that
   * went stale is refused with STAGE_CHANGED instead of applying to a stage nobody saw. */
  stage: CaseStage;
  availableActions: readonly CaseAction[];
  clocks: readonly ClockFieldsFragment[];
  /** What the provider may close with now (the case page loads it; the queues close nothing). */
  closureReasons?: readonly ClosureReason[];
  /** When the implementation went to the provider to decide, and why. */
  escalatedAt?: string | null;
  escalationNote?: string;
}

/** What a form reports when its step is done: a banner, or a confirmation for a step that
 * cannot be undone. */
export interface StaffDone {
  title: string;
  /** What happens next, in plain words. */
  next: string;
  confirmation?: boolean;
  reference?: string;
}

export interface StaffActionProps {
  item: StaffItem;
  onDone(): void;
  onSuccess(done: StaffDone): void;
}

export const DECLINE_GROUNDS: DeclineGround[] = [
  "NOT_RAISED_WITH_ORGANISATION",
  "FRIVOLOUS_OR_VEXATIOUS",
  "ALREADY_DECIDED_ELSEWHERE",
  "OUT_OF_SCOPE",
  "TIME_BARRED",
  "VALUE_OUTSIDE_LIMITS",
  "SERIOUSLY_IMPAIRS_OPERATION",
];

const ROOT_CAUSES: RootCause[] = [
  "PRODUCT_DEFECT",
  "SERVICE_FAILURE",
  "BILLING_ERROR",
  "DELIVERY",
  "CONTRACT_TERMS",
  "COMMUNICATION",
  "STAFF_CONDUCT",
  "POLICY",
  "NO_FAULT_FOUND",
  "OTHER",
];

export const STAFF_PANELS: Partial<Record<CaseAction, ComponentType<StaffActionProps>>> = {
  ACCEPT: AcceptForm,
  DECLINE: DeclineForm,
  APPOINT_NEUTRAL: AppointNeutralForm,
  DECLARE_IMPARTIALITY: ImpartialityForm,
  DECIDE_OBJECTION: DecideObjectionForm,
  DISCLOSE_CIRCUMSTANCE: DiscloseForm,
  RECUSE: RecuseForm,
  REMOVE_NEUTRAL: RemoveNeutralForm,
  COMPLETE_FILE: CompleteFileForm,
  SUBMIT_RESPONSE: SubmitResponseForm,
  REFUSE_PARTICIPATION: RefuseParticipationForm,
  EXTEND_CLOCK: ExtendClockForm,
  DECIDE_REVIEW: DecideReviewForm,
  RECORD_IMPLEMENTATION: RecordImplementationForm,
  CLOSE: CloseCaseForm,
};

/** The banner or confirmation after a staff step (focus moves to it). */
export function StaffDoneNotice({ done }: { done: StaffDone }) {
  const { t } = useI18n();
  if (done.confirmation) {
    return (
      <Confirmation title={done.title} reference={done.reference} receiptMailed={false}>
        <p className="govuk-body">{done.next}</p>
        <p className="govuk-body">{t("staffDone.partiesTold")}</p>
      </Confirmation>
    );
  }
  return (
    <SuccessBanner title={done.title}>
      <p className="govuk-body">{done.next}</p>
    </SuccessBanner>
  );
}

/** The staff forms for the actions the server offers now, in its order; with no `onSuccess`,
 * the banner or confirmation shows here, above them. */
export function StaffActionPanels({
  item,
  onDone,
  only,
  onSuccess,
}: {
  item: StaffItem;
  onDone(): void;
  only?: readonly CaseAction[];
  onSuccess?(done: StaffDone): void;
}) {
  const [done, setDone] = useState<(StaffDone & { at: number }) | null>(null);
  const report = onSuccess ?? ((next: StaffDone) => setDone({ ...next, at: Date.now() }));
  const panels = item.availableActions.flatMap((action) => {
    if (only && !only.includes(action)) return [];
    const Panel = STAFF_PANELS[action];
    return Panel ? [<Panel key={action} item={item} onDone={onDone} onSuccess={report} />] : [];
  });
  return (
    <>
      {done && <StaffDoneNotice key={done.at} done={done} />}
      {panels}
    </>
  );
}

/** One case mutation: the payload's userErrors returned to the form; the case refreshed on
 * success, or when it had moved on meanwhile (STAGE_CHANGED). */
function useStaffMutation<Data extends Record<string, unknown>, Vars extends AnyVariables>(
  document: TypedDocumentNode<Data, Vars>,
  onDone: () => void,
) {
  const [state, execute] = useMutation<Data, Vars>(document);
  async function run(variables: Vars): Promise<{ ok: boolean; userErrors: readonly UserErrorLike[]; failed: boolean }> {
    const result = await execute(variables);
    const payload = result.data
      ? (Object.values(result.data)[0] as { userErrors: readonly UserErrorLike[] } | null)
      : null;
    const userErrors = payload?.userErrors ?? [];
    const ok = !result.error && payload !== null && userErrors.length === 0;
    if (ok || userErrors.some((e) => e.code === "STAGE_CHANGED")) onDone();
    return { ok, userErrors, failed: !payload };
  }
  return { run, error: state.error, busy: state.fetching };
}

function StaffSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="parley-section parley-staff-action" data-testid={`staff-${id}`}>
      <h2 id={`${id}-heading`} className="govuk-heading-m">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A form's send: the server's refusals onto its fields, a failed request as one summary line. */
function useSend() {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  return (
    form: { fromUserErrors: (e: readonly UserErrorLike[], d: (x: UserErrorLike) => string) => FieldError[] },
    answer: { ok: boolean; userErrors: readonly UserErrorLike[]; failed: boolean },
  ): FieldError[] => {
    if (answer.ok) return [];
    if (answer.failed) return [{ field: "", message: t("staffForm.notSent") }];
    return form.fromUserErrors(answer.userErrors, describe);
  };
}

/** The provider takes the dispute on. */
function AcceptForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t } = useI18n();
  const action = useStaffMutation(AcceptCaseDocument, onDone);
  const send = useSend();
  const form = useForm({
    id: `accept-${item.id}`,
    fields: {
      complex: { label: t("intake.complex"), initial: false as boolean },
      note: { label: t("intake.note"), initial: "", maxLength: LIMITS.text },
    },
  });
  return (
    <StaffSection id={`accept-${item.id}`} title={t("intake.acceptTitle")}>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await action.run({
            caseId: item.id,
            expectedStage: item.stage,
            isComplex: values.complex === true,
            note: (values.note as string) || null,
          });
          if (answer.ok) onSuccess({ title: t("intake.accepted", { reference: item.reference ?? "" }), next: t("intake.acceptedNext") });
          return send(form, answer);
        })}
      >
        <Checkbox bound={form.bind("complex")} hint={t("intake.complexHint")} />
        <Textarea bound={form.bind("note")} rows={2} />
        <RequestError error={action.error} />
        <SubmitButton busy={action.busy}>{t("intake.accept")}</SubmitButton>
      </FormShell>
    </StaffSection>
  );
}

/** The check step of a form: while `pending`, the CheckPage shows instead of the form. */
function useCheckStep<V>() {
  const [pending, setPending] = useState<V | null>(null);
  return { pending, hold: (values: V) => (setPending(values), []), back: () => setPending(null) };
}

/** Declining on a ground from the fixed list, with reasons: checked, then confirmed. */
function DeclineForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t, label } = useI18n();
  const action = useStaffMutation(DeclineCaseDocument, onDone);
  const send = useSend();
  const form = useForm({
    id: `decline-${item.id}`,
    draft: true,
    fields: {
      ground: {
        label: t("intake.ground"),
        initial: "",
        required: true,
        requiredMessage: t("intake.groundMissing"),
      },
      reasons: { label: t("form.reasons"), initial: "", required: true, maxLength: LIMITS.text },
    },
  });
  const step = useCheckStep<typeof form.values>();
  if (step.pending) {
    const values = step.pending;
    return (
      <StaffSection id={`decline-${item.id}`} title={t("intake.declineTitle")}>
        <CheckPage
          title={t("intake.declineCheck")}
          caption={item.reference}
          rows={[
            { key: t("intake.ground"), value: label("declineGround", values.ground as string) },
            { key: t("form.reasons"), value: <span className="parley-prose">{values.reasons as string}</span> },
          ]}
          effect={t("intake.declineEffect")}
          confirmLabel={t("intake.declineConfirm")}
          busy={action.busy}
          onBack={step.back}
          onConfirm={async () => {
            const answer = await action.run({
              caseId: item.id,
              expectedStage: item.stage,
              ground: values.ground as DeclineGround,
              reasons: values.reasons as string,
            });
            step.back();
            form.setErrors(send(form, answer));
            if (answer.ok) {
              form.reset();
              onSuccess({
                title: t("intake.declined"),
                reference: item.reference,
                next: t("intake.declinedNext"),
                confirmation: true,
              });
            }
          }}
        />
      </StaffSection>
    );
  }
  return (
    <StaffSection id={`decline-${item.id}`} title={t("intake.declineTitle")}>
      <FormShell form={form} onSubmit={form.onSubmit(async (values) => step.hold(values))}>
        <Select
          bound={form.bind("ground")}
          options={DECLINE_GROUNDS.map((g) => ({ value: g, label: label("declineGround", g) }))}
        />
        <Textarea bound={form.bind("reasons")} hint={t("intake.reasonsHint")} rows={3} />
        <RequestError error={action.error} />
        <SubmitButton>{t("intake.decline")}</SubmitButton>
      </FormShell>
    </StaffSection>
  );
}

/** Appointing a neutral from the provider's roster; the server refuses one outside their
 * mandate (NEUTRAL_NOT_AVAILABLE), so the roster is shown whole, with what it says. */
function AppointNeutralForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t, label, date } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: CaseRosterDocument, variables: { id: item.id } });
  const action = useStaffMutation(AppointNeutralDocument, onDone);
  const send = useSend();
  const form = useForm({
    id: `appoint-${item.id}`,
    fields: {
      neutralId: {
        label: t("appoint.choose"),
        initial: "",
        required: true,
        requiredMessage: t("appoint.missing"),
        serverNames: ["neutral_id", "neutralId"],
      },
    },
  });
  const roster = data?.case?.provider?.roster.edges.map((edge) => edge.node) ?? [];
  return (
    <StaffSection id={`appoint-${item.id}`} title={t("appoint.title")}>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && roster.length === 0 && <p className="govuk-body">{t("appoint.emptyRoster")}</p>}
      {roster.length > 0 && (
        <FormShell
          form={form}
          onSubmit={form.onSubmit(async (values) => {
            const answer = await action.run({
              caseId: item.id,
              expectedStage: item.stage,
              neutralId: values.neutralId as string,
            });
            if (answer.ok) {
              const chosen = roster.find((n) => n.userId === values.neutralId);
              onSuccess({ title: t("appoint.done", { name: chosen?.displayName ?? "" }), next: t("appoint.doneNext") });
            }
            return send(form, answer);
          })}
        >
          <Radios
            bound={form.bind("neutralId")}
            hint={t("appoint.hint")}
            options={roster.map((neutral) => ({
              value: neutral.userId,
              label: neutral.title ? `${neutral.displayName} · ${neutral.title}` : neutral.displayName,
              hint: (
                <>
                  {neutral.methods.length > 0
                    ? neutral.methods.map((m) => label("method", m)).join(", ")
                    : t("appoint.allMethods")}
                  {neutral.languages.length > 0 && ` · ${neutral.languages.join(", ")}`}
                  {neutral.mandateEndsOn && ` · ${t("appoint.mandateEnds", { date: date(neutral.mandateEndsOn) })}`}
                  {!neutral.acceptingCases && ` · ${t("appoint.notAccepting")}`}
                  {neutral.standingDisclosures && (
                    <>
                      <br />
                      {t("appoint.disclosures", { text: neutral.standingDisclosures })}
                    </>
                  )}
                </>
              ),
            }))}
          />
          <RequestError error={action.error} />
          <SubmitButton busy={action.busy}>{t("appoint.submit")}</SubmitButton>
        </FormShell>
      )}
    </StaffSection>
  );
}

/** The neutral's declaration before seeing the file: impartial, or a conflict disclosed; the
 * parties may then object within the window. */
function ImpartialityForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t } = useI18n();
  const action = useStaffMutation(DeclareImpartialityDocument, onDone);
  const send = useSend();
  const form = useForm({
    id: `impartiality-${item.id}`,
    draft: true,
    fields: {
      impartial: { label: t("impartiality.question"), initial: "yes", required: true },
      disclosures: { label: t("impartiality.disclosures"), initial: "", maxLength: LIMITS.text },
    },
    validate: (values) =>
      values.impartial === "no" && !String(values.disclosures).trim()
        ? [{ field: "disclosures", message: t("impartiality.disclosuresMissing") }]
        : [],
  });
  return (
    <StaffSection id="impartiality" title={t("impartiality.title")}>
      <p className="govuk-body">{t("impartiality.intro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await action.run({
            caseId: item.id,
            expectedStage: item.stage,
            impartial: values.impartial === "yes",
            disclosures: (values.disclosures as string) || null,
          });
          if (answer.ok) onSuccess({ title: t("impartiality.done"), next: t("impartiality.doneNext") });
          return send(form, answer);
        })}
      >
        <Radios
          bound={form.bind("impartial")}
          options={[
            { value: "yes", label: t("impartiality.impartial") },
            { value: "no", label: t("impartiality.conflict") },
          ]}
        />
        <Textarea bound={form.bind("disclosures")} hint={t("impartiality.disclosuresHint")} rows={3} />
        <RequestError error={action.error} />
        <SubmitButton busy={action.busy}>{t("impartiality.submit")}</SubmitButton>
      </FormShell>
    </StaffSection>
  );
}

/** Deciding an objection to the neutral: checked, then confirmed (upholding removes them). */
function DecideObjectionForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t } = useI18n();
  const action = useStaffMutation(DecideObjectionDocument, onDone);
  const send = useSend();
  const form = useForm({
    id: `decide-objection-${item.id}`,
    draft: true,
    fields: {
      decision: { label: t("decideObjection.question"), initial: "", required: true },
      reasons: { label: t("form.reasons"), initial: "", required: true, maxLength: LIMITS.text },
    },
  });
  const step = useCheckStep<typeof form.values>();
  const options = [
    { value: "uphold", label: t("decideObjection.uphold") },
    { value: "reject", label: t("decideObjection.reject") },
  ];
  if (step.pending) {
    const values = step.pending;
    const upheld = values.decision === "uphold";
    return (
      <StaffSection id="decide-objection" title={t("decideObjection.title")}>
        <CheckPage
          title={t("decideObjection.check")}
          rows={[
            { key: t("decideObjection.question"), value: upheld ? t("decideObjection.uphold") : t("decideObjection.reject") },
            { key: t("form.reasons"), value: <span className="parley-prose">{values.reasons as string}</span> },
          ]}
          effect={upheld ? t("decideObjection.effectUphold") : t("decideObjection.effectReject")}
          confirmLabel={t("decideObjection.submit")}
          busy={action.busy}
          onBack={step.back}
          onConfirm={async () => {
            const answer = await action.run({
              caseId: item.id,
              expectedStage: item.stage,
              upheld,
              reasons: values.reasons as string,
            });
            step.back();
            form.setErrors(send(form, answer));
            if (answer.ok) {
              form.reset();
              onSuccess({
                title: t("decideObjection.done"),
                reference: item.reference,
                next: upheld ? t("decideObjection.effectUphold") : t("decideObjection.effectReject"),
                confirmation: true,
              });
            }
          }}
        />
      </StaffSection>
    );
  }
  return (
    <StaffSection id="decide-objection" title={t("decideObjection.title")}>
      <p className="govuk-body">{t("decideObjection.intro")}</p>
      <FormShell form={form} onSubmit={form.onSubmit(async (values) => step.hold(values))}>
        <Radios bound={form.bind("decision")} options={options} />
        <Textarea bound={form.bind("reasons")} rows={3} />
        <RequestError error={action.error} />
        <SubmitButton>{t("staffForm.continue")}</SubmitButton>
      </FormShell>
    </StaffSection>
  );
}

/** The provider declares the papers complete: the time for the outcome starts. */
function CompleteFileForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t } = useI18n();
  const action = useStaffMutation(CompleteFileDocument, onDone);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const send = useSend();
  return (
    <StaffSection id="complete-file" title={t("completeFile.title")}>
      <p className="govuk-body">{t("completeFile.intro")}</p>
      {errors.length > 0 && (
        <div className="govuk-error-summary" role="alert">
          <h3 className="govuk-error-summary__title">{t("form.errorSummaryTitle")}</h3>
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <RequestError error={action.error} />
      <button
        type="button"
        className="govuk-button"
        disabled={action.busy}
        onClick={async () => {
          const answer = await action.run({ caseId: item.id, expectedStage: item.stage });
          setErrors(send({ fromUserErrors: (list, d) => list.map((e) => ({ field: "", message: d(e) })) }, answer));
          if (answer.ok) onSuccess({ title: t("completeFile.done"), next: t("completeFile.doneNext") });
        }}
      >
        {t("completeFile.submit")}
      </button>
    </StaffSection>
  );
}

/** A form with one free-text field, sent as it is (with a banner after). */
function TextStepForm({
  id,
  item,
  title,
  intro,
  field,
  hint,
  submitLabel,
  done,
  run,
  busy,
  error,
}: {
  id: string;
  item: StaffItem;
  title: string;
  intro: string;
  field: string;
  hint?: string;
  submitLabel: string;
  done(): void;
  run(text: string): Promise<{ ok: boolean; userErrors: readonly UserErrorLike[]; failed: boolean }>;
  busy: boolean;
  error: Parameters<typeof RequestError>[0]["error"];
}) {
  const send = useSend();
  const form = useForm({
    id: `${id}-${item.id}`,
    draft: true,
    fields: { text: { label: field, initial: "", required: true, maxLength: LIMITS.text } },
  });
  return (
    <StaffSection id={id} title={title}>
      <p className="govuk-body">{intro}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await run(values.text);
          if (answer.ok) {
            form.reset();
            done();
          }
          return send(form, answer);
        })}
      >
        <Textarea bound={form.bind("text")} hint={hint} rows={5} />
        <RequestError error={error} />
        <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
      </FormShell>
    </StaffSection>
  );
}

/** The organisation states its position. */
function SubmitResponseForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t } = useI18n();
  const action = useStaffMutation(SubmitResponseDocument, onDone);
  return (
    <TextStepForm
      id="submit-response"
      item={item}
      title={t("respond.title")}
      intro={t("respond.intro")}
      field={t("respond.position")}
      hint={t("respond.positionHint")}
      submitLabel={t("respond.submit")}
      busy={action.busy}
      error={action.error}
      run={(position) => action.run({ caseId: item.id, expectedStage: item.stage, position })}
      done={() => onSuccess({ title: t("respond.done"), next: t("respond.doneNext") })}
    />
  );
}

/** A step with reasons that cannot be undone, folded until opened: the reasons, then the check
 * page with what the step means, then a confirmation. */
function CheckedReasonsForm({
  id,
  action,
  item,
  title,
  intro,
  check,
  effect,
  submitLabel,
  busy,
  error,
  run,
  done,
}: {
  id: string;
  /** Its summary is where the case page's links to this action lead (`anchorFor`). */
  action: CaseAction;
  item: StaffItem;
  title: string;
  intro: string;
  check: string;
  effect: string;
  submitLabel: string;
  busy: boolean;
  error: Parameters<typeof RequestError>[0]["error"];
  run(reasons: string): Promise<{ ok: boolean; userErrors: readonly UserErrorLike[]; failed: boolean }>;
  done(): void;
}) {
  const { t } = useI18n();
  const send = useSend();
  const form = useForm({
    id: `${id}-${item.id}`,
    draft: true,
    fields: { reasons: { label: t("form.reasons"), initial: "", required: true, maxLength: LIMITS.text } },
  });
  const step = useCheckStep<typeof form.values>();
  const body = step.pending ? (
    <CheckPage
      title={check}
      caption={item.reference}
      rows={[{ key: t("form.reasons"), value: <span className="parley-prose">{step.pending.reasons}</span> }]}
      effect={effect}
      confirmLabel={submitLabel}
      busy={busy}
      onBack={step.back}
      onConfirm={async () => {
        const answer = await run(step.pending!.reasons as string);
        step.back();
        form.setErrors(send(form, answer));
        if (answer.ok) {
          form.reset();
          done();
        }
      }}
    />
  ) : (
    <>
      <p className="govuk-body">{intro}</p>
      <FormShell form={form} onSubmit={form.onSubmit(async (values) => step.hold(values))}>
        <Textarea bound={form.bind("reasons")} rows={3} />
        <RequestError error={error} />
        <SubmitButton>{t("staffForm.continue")}</SubmitButton>
      </FormShell>
    </>
  );
  return (
    <details
      className="govuk-details"
      data-testid={`staff-${id}`}
      open={step.pending !== null || form.errors.length > 0 || undefined}
    >
      <summary className="govuk-details__summary" id={`action-${action}-heading`}>
        <span className="govuk-details__summary-text">{title}</span>
      </summary>
      <div className="govuk-details__text">{body}</div>
    </details>
  );
}

/** The organisation refuses to take part: checked, then confirmed (the case ends). */
function RefuseParticipationForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t } = useI18n();
  const action = useStaffMutation(RefuseParticipationDocument, onDone);
  return (
    <CheckedReasonsForm
      id="refuse"
      action="REFUSE_PARTICIPATION"
      item={item}
      title={t("refuse.title")}
      intro={t("refuse.intro")}
      check={t("refuse.check")}
      effect={t("refuse.effect")}
      submitLabel={t("refuse.submit")}
      busy={action.busy}
      error={action.error}
      run={(reasons) => action.run({ caseId: item.id, expectedStage: item.stage, reasons })}
      done={() =>
        onSuccess({ title: t("refuse.done"), reference: item.reference, next: t("refuse.doneNext"), confirmation: true })
      }
    />
  );
}

/** ISO 10003 4.7: the neutral withdraws from the case, with reasons, before an outcome; the
 * provider appoints someone else. */
function RecuseForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t } = useI18n();
  const action = useStaffMutation(RecuseDocument, onDone);
  return (
    <CheckedReasonsForm
      id="recuse"
      action="RECUSE"
      item={item}
      title={t("recuse.title")}
      intro={t("recuse.intro")}
      check={t("recuse.check")}
      effect={t("recuse.effect")}
      submitLabel={t("recuse.submit")}
      busy={action.busy}
      error={action.error}
      run={(reasons) => action.run({ caseId: item.id, expectedStage: item.stage, reasons })}
      done={() =>
        onSuccess({ title: t("recuse.done"), reference: item.reference, next: t("recuse.doneNext"), confirmation: true })
      }
    />
  );
}

/** The provider removes the neutral, with reasons, to appoint a replacement. */
function RemoveNeutralForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t } = useI18n();
  const action = useStaffMutation(RemoveNeutralDocument, onDone);
  return (
    <CheckedReasonsForm
      id="remove-neutral"
      action="REMOVE_NEUTRAL"
      item={item}
      title={t("removeNeutral.title")}
      intro={t("removeNeutral.intro")}
      check={t("removeNeutral.check")}
      effect={t("removeNeutral.effect")}
      submitLabel={t("removeNeutral.submit")}
      busy={action.busy}
      error={action.error}
      run={(reasons) => action.run({ caseId: item.id, expectedStage: item.stage, reasons })}
      done={() =>
        onSuccess({
          title: t("removeNeutral.done"),
          reference: item.reference,
          next: t("removeNeutral.doneNext"),
          confirmation: true,
        })
      }
    />
  );
}

/** A confirmed neutral discloses a circumstance that arose later: the sides may object again. */
function DiscloseForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t } = useI18n();
  const action = useStaffMutation(DiscloseCircumstanceDocument, onDone);
  return (
    <TextStepForm
      id="disclose"
      item={item}
      title={t("disclose.title")}
      intro={t("disclose.intro")}
      field={t("disclose.field")}
      hint={t("disclose.hint")}
      submitLabel={t("disclose.submit")}
      busy={action.busy}
      error={action.error}
      run={(disclosures) => action.run({ caseId: item.id, expectedStage: item.stage, disclosures })}
      done={() => onSuccess({ title: t("disclose.done"), next: t("disclose.doneNext") })}
    />
  );
}

/** Extending a running clock with a reasoned notice; the server says how often and how long. */
function ExtendClockForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t, label } = useI18n();
  const running = item.clocks.filter((clock) => clock.status === "RUNNING");
  const action = useStaffMutation(ExtendClockDocument, onDone);
  const send = useSend();
  const form = useForm({
    id: `extend-${item.id}`,
    draft: true,
    fields: {
      clock: { label: t("extend.clock"), initial: "", serverNames: ["clock"] },
      days: { label: t("extend.days"), initial: "14", required: true },
      reason: { label: t("extend.reason"), initial: "", required: true, maxLength: LIMITS.text },
    },
    validate: (values) => {
      const days = String(values.days).trim().normalize("NFKC");
      return /^\d{1,3}$/.test(days) && Number(days) >= 1 && Number(days) <= 365
        ? []
        : [{ field: "days", message: t("extend.daysRange", { field: t("extend.days"), min: 1, max: 365 }) }];
    },
  });
  if (running.length === 0) return null;
  // The clocks running change as the case moves: fall back to the first one running.
  const chosen = running.some((c) => c.kind === form.values.clock) ? (form.values.clock as ClockKind) : running[0].kind;
  return (
    <StaffSection id="extend-clock" title={t("extend.title")}>
      <p className="govuk-body">{t("extend.intro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const days = Number(String(values.days).normalize("NFKC"));
          const answer = await action.run({
            caseId: item.id,
            expectedStage: item.stage,
            clock: chosen,
            days,
            reason: values.reason as string,
          });
          if (answer.ok) {
            form.reset();
            onSuccess({
              title: t("extend.done", { what: label("clock", chosen), days }),
              next: t("extend.doneNext"),
            });
          }
          return send(form, answer);
        })}
      >
        {running.length > 1 ? (
          <Select
            bound={{ ...form.bind("clock"), value: chosen }}
            options={running.map((c) => ({ value: c.kind, label: label("clock", c.kind) }))}
          />
        ) : (
          <p className="govuk-body">{t("extend.only", { what: label("clock", chosen) })}</p>
        )}
        <TextInput bound={form.bind("days")} hint={t("extend.daysHint")} inputMode="numeric" width="4" />
        <Textarea bound={form.bind("reason")} hint={t("extend.reasonHint")} rows={3} />
        <Explained summary={t("extend.clocksSummary")}>
          <ClockTable clocks={running} />
        </Explained>
        <RequestError error={action.error} />
        <SubmitButton busy={action.busy}>{t("extend.submit")}</SubmitButton>
      </FormShell>
    </StaffSection>
  );
}

/** A binding decision's review: kept as it is, or changed with a new one. Checked, then
 * confirmed (the review is final). */
function DecideReviewForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t, number } = useI18n();
  const action = useStaffMutation(DecideReviewDocument, onDone);
  const send = useSend();
  const form = useForm({
    id: `decide-review-${item.id}`,
    draft: true,
    fields: {
      decision: { label: t("review.question"), initial: "", required: true },
      reasons: { label: t("form.reasons"), initial: "", required: true, maxLength: LIMITS.text },
      summary: { label: t("review.newDecision"), initial: "", maxLength: LIMITS.text },
      amount: { label: t("issueOutcome.amount"), initial: "", kind: "amount" },
    },
    validate: (values) =>
      values.decision === "vary" && !String(values.summary).trim()
        ? [{ field: "summary", message: t("form.errorEnter", { field: t("review.newDecision") }) }]
        : [],
  });
  const step = useCheckStep<typeof form.values>();
  if (step.pending) {
    const values = step.pending;
    const varied = values.decision === "vary";
    const rows: CheckRow[] = [
      { key: t("review.question"), value: varied ? t("review.vary") : t("review.uphold") },
      { key: t("form.reasons"), value: <span className="parley-prose">{values.reasons as string}</span> },
    ];
    if (varied) {
      rows.push({ key: t("review.newDecision"), value: <span className="parley-prose">{values.summary as string}</span> });
      if (values.amount) rows.push({ key: t("issueOutcome.amount"), value: number(Number(values.amount), { minimumFractionDigits: 2 }) });
    }
    return (
      <StaffSection id="decide-review" title={t("review.decideTitle")}>
        <CheckPage
          title={t("review.check")}
          caption={item.reference}
          rows={rows}
          effect={varied ? t("review.effectVary") : t("review.effectUphold")}
          confirmLabel={t("review.decideSubmit")}
          busy={action.busy}
          onBack={step.back}
          onConfirm={async () => {
            const answer = await action.run({
              caseId: item.id,
              expectedStage: item.stage,
              varied,
              reasons: values.reasons as string,
              summary: varied ? (values.summary as string) : null,
              amount: varied && values.amount ? (values.amount as string) : null,
            });
            step.back();
            form.setErrors(send(form, answer));
            if (answer.ok) {
              form.reset();
              onSuccess({
                title: t("review.done"),
                reference: item.reference,
                next: varied ? t("review.effectVary") : t("review.effectUphold"),
                confirmation: true,
              });
            }
          }}
        />
      </StaffSection>
    );
  }
  return (
    <StaffSection id="decide-review" title={t("review.decideTitle")}>
      <p className="govuk-body">{t("review.decideIntro")}</p>
      <FormShell form={form} onSubmit={form.onSubmit(async (values) => step.hold(values))}>
        <Radios
          bound={form.bind("decision")}
          options={[
            { value: "uphold", label: t("review.uphold") },
            { value: "vary", label: t("review.vary") },
          ]}
        />
        <Textarea bound={form.bind("reasons")} rows={4} />
        {form.values.decision === "vary" && (
          <>
            <Textarea bound={form.bind("summary")} rows={3} />
            <AmountInput bound={form.bind("amount")} />
          </>
        )}
        <RequestError error={action.error} />
        <SubmitButton>{t("staffForm.continue")}</SubmitButton>
      </FormShell>
    </StaffSection>
  );
}

/** How the organisation carried the outcome out, with evidence. */
function RecordImplementationForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t } = useI18n();
  const action = useStaffMutation(RecordImplementationDocument, onDone);
  return (
    <TextStepForm
      id="record-implementation"
      item={item}
      title={t("implement.title")}
      intro={t("implement.intro")}
      field={t("implement.evidence")}
      hint={t("implement.evidenceHint")}
      submitLabel={t("implement.submit")}
      busy={action.busy}
      error={action.error}
      run={(evidence) => action.run({ caseId: item.id, expectedStage: item.stage, evidence })}
      done={() => onSuccess({ title: t("implement.done"), next: t("implement.doneNext") })}
    />
  );
}

/** Closing with a reason, and the root cause for the organisation's records: checked, then
 * confirmed (a closed case cannot be reopened). */
function CloseCaseForm({ item, onDone, onSuccess }: StaffActionProps) {
  const { t, label } = useI18n();
  const action = useStaffMutation(CloseCaseDocument, onDone);
  const send = useSend();
  const form = useForm({
    id: `close-${item.id}`,
    draft: true,
    fields: {
      reason: { label: t("closeCase.reason"), initial: "", required: true, requiredMessage: t("closeCase.reasonMissing") },
      rootCause: { label: t("closeCase.rootCause"), initial: "", serverNames: ["root_cause", "rootCause"] },
      note: { label: t("closeCase.note"), initial: "", required: true, maxLength: LIMITS.text },
    },
  });
  const step = useCheckStep<typeof form.values>();
  const reasons = item.closureReasons ?? [];
  const escalated = Boolean(item.escalatedAt);
  const body = step.pending ? (
    <CheckPage
      title={t("closeCase.check")}
      caption={item.reference}
      rows={[
        { key: t("closeCase.reason"), value: label("closure", step.pending.reason as string) },
        {
          key: t("closeCase.rootCause"),
          value: step.pending.rootCause ? label("rootCause", step.pending.rootCause as string) : "—",
        },
        { key: t("closeCase.note"), value: <span className="parley-prose">{step.pending.note as string}</span> },
      ]}
      effect={t("closeCase.effect")}
      confirmLabel={t("closeCase.submit")}
      busy={action.busy}
      onBack={step.back}
      onConfirm={async () => {
        const values = step.pending!;
        const answer = await action.run({
          caseId: item.id,
          expectedStage: item.stage,
          reason: values.reason as ClosureReason,
          note: values.note as string,
          rootCause: (values.rootCause as RootCause) || null,
        });
        step.back();
        form.setErrors(send(form, answer));
        if (answer.ok) {
          form.reset();
          onSuccess({ title: t("closeCase.done"), reference: item.reference, next: t("closeCase.doneNext"), confirmation: true });
        }
      }}
    />
  ) : (
    <>
      {escalated && (
        <p className="govuk-body parley-prose" data-testid="escalation">
          {t("closeCase.escalated", { note: item.escalationNote || "—" })}
        </p>
      )}
      <p className="govuk-body">{t("closeCase.intro")}</p>
      <FormShell form={form} onSubmit={form.onSubmit(async (values) => step.hold(values))}>
        <Select
          bound={form.bind("reason")}
          options={reasons.map((r) => ({ value: r, label: label("closure", r) }))}
        />
        <Select
          bound={form.bind("rootCause")}
          hint={t("closeCase.rootCauseHint")}
          options={ROOT_CAUSES.map((r) => ({ value: r, label: label("rootCause", r) }))}
        />
        <Textarea bound={form.bind("note")} rows={3} />
        <RequestError error={action.error} />
        <SubmitButton>{t("staffForm.continue")}</SubmitButton>
      </FormShell>
    </>
  );
  return (
    <details
      className="govuk-details"
      open={escalated || step.pending !== null || form.errors.length > 0 || undefined}
    >
      <summary className="govuk-details__summary" id="action-CLOSE-heading">
        <span className="govuk-details__summary-text">{t("closeCase.title")}</span>
      </summary>
      <div className="govuk-details__text">{body}</div>
    </details>
  );
}
