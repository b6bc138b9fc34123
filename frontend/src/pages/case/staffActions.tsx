// The forms for what a provider, an organisation and a neutral do on a case, keyed by the
// server's CaseAction like PANELS in actions.tsx: each shows only when the server lists its
// action in `availableActions` (the transition table decides, never a copy of it here).
import { useState } from "react";
import type { ComponentType, FormEvent } from "react";
import { useQuery } from "urql";
import { ClockTable } from "../../components/Clocks";
import { Loading, RequestError, UserErrors } from "../../components/Status";
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
  ExtendClockDocument,
  RecordImplementationDocument,
  RefuseParticipationDocument,
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
import { ActionSection, ReasonForm } from "./actions";
import { useAction } from "./useAction";

/** What a staff form needs of a case: the case page's data and the queue's summaries both fit. */
export interface StaffItem {
  id: string;
  /** The stage the forms are shown for: sent as `expectedStage`, so an action on a page that
   * went stale is refused with STAGE_CHANGED instead of applying to a stage nobody saw. */
  stage: CaseStage;
  availableActions: readonly CaseAction[];
  clocks: readonly ClockFieldsFragment[];
}

export interface StaffActionProps {
  item: StaffItem;
  onDone(): void;
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

const CLOSURE_REASONS: ClosureReason[] = ["RESOLVED", "OUTCOME_REJECTED", "ORGANISATION_REFUSED", "DISCONTINUED"];

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
  COMPLETE_FILE: CompleteFileForm,
  SUBMIT_RESPONSE: SubmitResponseForm,
  REFUSE_PARTICIPATION: RefuseParticipationForm,
  EXTEND_CLOCK: ExtendClockForm,
  DECIDE_REVIEW: DecideReviewForm,
  RECORD_IMPLEMENTATION: RecordImplementationForm,
  CLOSE: CloseCaseForm,
};

/** The staff forms for the actions the server offers now, in its order. */
export function StaffActionPanels({ item, onDone, only }: StaffActionProps & { only?: readonly CaseAction[] }) {
  const panels = item.availableActions.flatMap((action) => {
    if (only && !only.includes(action)) return [];
    const Panel = STAFF_PANELS[action];
    return Panel ? [<Panel key={action} item={item} onDone={onDone} />] : [];
  });
  return <>{panels}</>;
}

/** ISO 10003 7.3: the provider takes the dispute on. */
function AcceptForm({ item, onDone }: StaffActionProps) {
  const { t } = useI18n();
  const [complex, setComplex] = useState(false);
  const [note, setNote] = useState("");
  const action = useAction(AcceptCaseDocument, onDone);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run({ caseId: item.id, expectedStage: item.stage, isComplex: complex, note: note || null });
  }
  return (
    <ActionSection id={`accept-${item.id}`} title={t("intake.acceptTitle")}>
      <form onSubmit={submit} className="stack">
        <label className="check">
          <input type="checkbox" checked={complex} onChange={(e) => setComplex(e.target.checked)} />
          {t("intake.complex")}
        </label>
        <label>
          {t("form.noteOptional")}
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <UserErrors errors={action.errors} />
        <RequestError error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t("intake.accept")}
        </button>
      </form>
    </ActionSection>
  );
}

/** Declining on a ground from the fixed list (ISO 10003 7.3, EU ADR Art. 5(4)), with reasons. */
function DeclineForm({ item, onDone }: StaffActionProps) {
  const { t, label } = useI18n();
  const [ground, setGround] = useState<DeclineGround | "">("");
  const [reasons, setReasons] = useState("");
  const action = useAction(DeclineCaseDocument, onDone);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ground) return;
    await action.run({ caseId: item.id, expectedStage: item.stage, ground, reasons });
  }
  return (
    <ActionSection id={`decline-${item.id}`} title={t("intake.declineTitle")}>
      <form onSubmit={submit} className="stack">
        <label>
          {t("intake.ground")}
          <select required value={ground} onChange={(e) => setGround(e.target.value as DeclineGround | "")}>
            <option value="">{t("form.choose")}</option>
            {DECLINE_GROUNDS.map((g) => (
              <option key={g} value={g}>
                {label("declineGround", g)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("form.reasons")}
          <textarea required rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />
        </label>
        <UserErrors errors={action.errors} />
        <RequestError error={action.error} />
        <button type="submit" className="secondary" disabled={action.busy}>
          {t("intake.decline")}
        </button>
      </form>
    </ActionSection>
  );
}

/** Appointing a neutral from the provider's roster; the server refuses one outside their
 * mandate (NEUTRAL_NOT_AVAILABLE), so the roster is shown whole, with what it says. */
function AppointNeutralForm({ item, onDone }: StaffActionProps) {
  const { t, label, date } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: CaseRosterDocument, variables: { id: item.id } });
  const [chosen, setChosen] = useState("");
  const action = useAction(AppointNeutralDocument, onDone);
  const roster = data?.case.provider?.roster.edges.map((edge) => edge.node) ?? [];
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen) await action.run({ caseId: item.id, expectedStage: item.stage, neutralId: chosen });
  }
  return (
    <ActionSection id={`appoint-${item.id}`} title={t("appoint.title")}>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && roster.length === 0 && <p>{t("appoint.emptyRoster")}</p>}
      {roster.length > 0 && (
        <form onSubmit={submit} className="stack">
          <fieldset>
            <legend>{t("appoint.choose")}</legend>
            {roster.map((neutral) => (
              <label key={neutral.userId} className="check roster-entry">
                <input
                  type="radio"
                  name={`neutral-${item.id}`}
                  value={neutral.userId}
                  checked={chosen === neutral.userId}
                  onChange={() => setChosen(neutral.userId)}
                />
                <span>
                  <strong>{neutral.displayName}</strong>
                  {neutral.title && ` · ${neutral.title}`}
                  <br />
                  <span className="muted">
                    {neutral.methods.length > 0
                      ? neutral.methods.map((m) => label("method", m)).join(", ")
                      : t("appoint.allMethods")}
                    {neutral.languages.length > 0 && ` · ${neutral.languages.join(", ")}`}
                    {neutral.mandateEndsOn && ` · ${t("appoint.mandateEnds", { date: date(neutral.mandateEndsOn) })}`}
                    {!neutral.acceptingCases && ` · ${t("appoint.notAccepting")}`}
                  </span>
                  {neutral.standingDisclosures && (
                    <>
                      <br />
                      {t("appoint.disclosures", { text: neutral.standingDisclosures })}
                    </>
                  )}
                </span>
              </label>
            ))}
          </fieldset>
          <UserErrors errors={action.errors} />
          <RequestError error={action.error} />
          <button type="submit" disabled={action.busy || !chosen}>
            {t("appoint.submit")}
          </button>
        </form>
      )}
    </ActionSection>
  );
}

/** The neutral's declaration before seeing the file (ISO 10003 6.3): impartial, or a conflict
 * disclosed; the parties may then object within the window. */
function ImpartialityForm({ item, onDone }: StaffActionProps) {
  const { t } = useI18n();
  const [impartial, setImpartial] = useState(true);
  const [disclosures, setDisclosures] = useState("");
  const action = useAction(DeclareImpartialityDocument, onDone);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run({ caseId: item.id, expectedStage: item.stage, impartial, disclosures: disclosures || null });
  }
  return (
    <ActionSection id="impartiality" title={t("impartiality.title")}>
      <p>{t("impartiality.intro")}</p>
      <form onSubmit={submit} className="stack">
        <fieldset>
          <legend>{t("impartiality.question")}</legend>
          <label className="check">
            <input type="radio" name="impartial" checked={impartial} onChange={() => setImpartial(true)} />
            {t("impartiality.impartial")}
          </label>
          <label className="check">
            <input type="radio" name="impartial" checked={!impartial} onChange={() => setImpartial(false)} />
            {t("impartiality.conflict")}
          </label>
        </fieldset>
        <label>
          {t("impartiality.disclosures")}
          <textarea
            rows={3}
            required={!impartial}
            value={disclosures}
            onChange={(e) => setDisclosures(e.target.value)}
          />
        </label>
        <UserErrors errors={action.errors} />
        <RequestError error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t("impartiality.submit")}
        </button>
      </form>
    </ActionSection>
  );
}

function DecideObjectionForm({ item, onDone }: StaffActionProps) {
  const { t } = useI18n();
  const [upheld, setUpheld] = useState(false);
  const action = useAction(DecideObjectionDocument, onDone);
  return (
    <ReasonForm
      id="decide-objection"
      title={t("decideObjection.title")}
      intro={t("decideObjection.intro")}
      field={t("form.reasons")}
      submitLabel={t("decideObjection.submit")}
      required
      busy={action.busy}
      onSubmit={(reasons) => action.run({ caseId: item.id, expectedStage: item.stage, upheld, reasons })}
    >
      <label className="check">
        <input type="checkbox" checked={upheld} onChange={(e) => setUpheld(e.target.checked)} />
        {t("decideObjection.upheld")}
      </label>
      <UserErrors errors={action.errors} />
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

function CompleteFileForm({ item, onDone }: StaffActionProps) {
  const { t } = useI18n();
  const action = useAction(CompleteFileDocument, onDone);
  return (
    <ActionSection id="complete-file" title={t("completeFile.title")}>
      <p>{t("completeFile.intro")}</p>
      <UserErrors errors={action.errors} />
      <RequestError error={action.error} />
      <button type="button" disabled={action.busy} onClick={() => void action.run({ caseId: item.id, expectedStage: item.stage })}>
        {t("completeFile.submit")}
      </button>
    </ActionSection>
  );
}

/** ISO 10003 7.4: the organisation states its position. */
function SubmitResponseForm({ item, onDone }: StaffActionProps) {
  const { t } = useI18n();
  const action = useAction(SubmitResponseDocument, onDone);
  return (
    <ReasonForm
      id="submit-response"
      title={t("respond.title")}
      intro={t("respond.intro")}
      field={t("respond.position")}
      submitLabel={t("respond.submit")}
      required
      busy={action.busy}
      onSubmit={(position) => action.run({ caseId: item.id, expectedStage: item.stage, position })}
    >
      <UserErrors errors={action.errors} />
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

function RefuseParticipationForm({ item, onDone }: StaffActionProps) {
  const { t } = useI18n();
  const action = useAction(RefuseParticipationDocument, onDone);
  return (
    <details className="panel">
      <summary>{t("refuse.title")}</summary>
      <ReasonForm
        id="refuse"
        title={t("refuse.title")}
        intro={t("refuse.intro")}
        field={t("form.reasons")}
        submitLabel={t("refuse.submit")}
        required
        busy={action.busy}
        onSubmit={(reasons) => action.run({ caseId: item.id, expectedStage: item.stage, reasons })}
      >
        <UserErrors errors={action.errors} />
        <RequestError error={action.error} />
      </ReasonForm>
    </details>
  );
}

/** Extending a running clock with a reasoned notice; the server says how often and how long. */
function ExtendClockForm({ item, onDone }: StaffActionProps) {
  const { t, label } = useI18n();
  const running = item.clocks.filter((clock) => clock.status === "RUNNING");
  const [chosen, setClock] = useState<ClockKind | "">("");
  // The clocks running change as the case moves: fall back to the first one running.
  const clock = running.some((c) => c.kind === chosen) ? chosen : (running[0]?.kind ?? "");
  const [days, setDays] = useState("14");
  const action = useAction(ExtendClockDocument, onDone);
  if (running.length === 0) return null;
  return (
    <ReasonForm
      id="extend-clock"
      title={t("extend.title")}
      intro={t("extend.intro")}
      field={t("extend.reason")}
      submitLabel={t("extend.submit")}
      required
      busy={action.busy}
      onSubmit={async (reason) =>
        clock !== "" && action.run({ caseId: item.id, expectedStage: item.stage, clock, days: Number(days), reason })
      }
    >
      <div className="row">
        <label>
          {t("extend.clock")}
          <select required value={clock} onChange={(e) => setClock(e.target.value as ClockKind)}>
            {running.map((c) => (
              <option key={c.kind} value={c.kind}>
                {label("clock", c.kind)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("extend.days")}
          <input type="number" min={1} max={365} required value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
      </div>
      <ClockTable clocks={running} />
      <UserErrors errors={action.errors} />
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** A binding award's review: upheld, or varied with a new award. */
function DecideReviewForm({ item, onDone }: StaffActionProps) {
  const { t } = useI18n();
  const [varied, setVaried] = useState(false);
  const [summary, setSummary] = useState("");
  const [amount, setAmount] = useState("");
  const action = useAction(DecideReviewDocument, onDone);
  return (
    <ReasonForm
      id="decide-review"
      title={t("review.decideTitle")}
      intro={t("review.decideIntro")}
      field={t("form.reasons")}
      submitLabel={t("review.decideSubmit")}
      required
      busy={action.busy}
      onSubmit={(reasons) =>
        action.run({
          caseId: item.id, expectedStage: item.stage,
          varied,
          reasons,
          summary: varied ? summary : null,
          amount: varied && amount ? amount : null,
        })
      }
    >
      <label className="check">
        <input type="checkbox" checked={varied} onChange={(e) => setVaried(e.target.checked)} />
        {t("review.varied")}
      </label>
      {varied && (
        <div className="row">
          <label>
            {t("issueOutcome.summary")}
            <textarea rows={2} required value={summary} onChange={(e) => setSummary(e.target.value)} />
          </label>
          <label>
            {t("issueOutcome.amount")}
            <input
              inputMode="decimal"
              pattern="[0-9]+([.][0-9]{1,2})?"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </label>
        </div>
      )}
      <UserErrors errors={action.errors} />
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** ISO 10003 7.6: how the organisation carried the outcome out, with evidence. */
function RecordImplementationForm({ item, onDone }: StaffActionProps) {
  const { t } = useI18n();
  const action = useAction(RecordImplementationDocument, onDone);
  return (
    <ReasonForm
      id="record-implementation"
      title={t("implement.title")}
      intro={t("implement.intro")}
      field={t("implement.evidence")}
      submitLabel={t("implement.submit")}
      required
      busy={action.busy}
      onSubmit={(evidence) => action.run({ caseId: item.id, expectedStage: item.stage, evidence })}
    >
      <UserErrors errors={action.errors} />
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** ISO 10003 7.7: closing with a reason, and the root cause for the organisation's records. */
function CloseCaseForm({ item, onDone }: StaffActionProps) {
  const { t, label } = useI18n();
  const [reason, setReason] = useState<ClosureReason>("RESOLVED");
  const [rootCause, setRootCause] = useState<RootCause | "">("");
  const action = useAction(CloseCaseDocument, onDone);
  return (
    <details className="panel">
      <summary>{t("closeCase.title")}</summary>
      <ReasonForm
        id="close-case"
        title={t("closeCase.title")}
        intro={t("closeCase.intro")}
        field={t("closeCase.note")}
        submitLabel={t("closeCase.submit")}
        required
        busy={action.busy}
        onSubmit={(note) => action.run({ caseId: item.id, expectedStage: item.stage, reason, note, rootCause: rootCause || null })}
      >
        <div className="row">
          <label>
            {t("closeCase.reason")}
            <select value={reason} onChange={(e) => setReason(e.target.value as ClosureReason)}>
              {CLOSURE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {label("closure", r)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("closeCase.rootCause")}
            <select value={rootCause} onChange={(e) => setRootCause(e.target.value as RootCause | "")}>
              <option value="">{t("form.choose")}</option>
              {ROOT_CAUSES.map((r) => (
                <option key={r} value={r}>
                  {label("rootCause", r)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <UserErrors errors={action.errors} />
        <RequestError error={action.error} />
      </ReasonForm>
    </details>
  );
}
