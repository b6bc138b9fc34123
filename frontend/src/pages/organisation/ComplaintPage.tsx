import { useCallback, useEffect, useRef, useState } from "react";
import type { ComponentType, ReactNode } from "react";
import { Link } from "wouter";
import { useQuery, type AnyVariables, type TypedDocumentNode } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, UserErrors, useDescribeUserError } from "../../components/Status";
import { ErrorSummary, FormShell, KEEP, Radios, SubmitButton, Textarea, useForm, type FieldError } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { CheckPage, Confirmation, SuccessBanner, SummaryList, Tag } from "../../design/patterns";
import {
  AcknowledgeComplaintDocument,
  AddComplaintNoteDocument,
  AssessComplaintDocument,
  CloseComplaintDocument,
  HandledComplaintDocument,
  RespondToComplaintDocument,
  VerifyComplaintDocument,
  type ComplaintAction,
  type ComplaintDecision,
  type HandledComplaintFieldsFragment,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { ActionSection, focusSoon, ReasonForm, useReasonStep } from "../case/actions";
import { useAction, type Done } from "../case/useAction";
import { EscalationForm } from "../consumer/Escalate";
import { NotFound } from "../NotFound";

type Complaint = HandledComplaintFieldsFragment;

interface PanelProps {
  complaint: Complaint;
  /** After a step: refetch the complaint; with `done`, a success banner or (`receipt`: a step
   * that cannot be undone) the confirmation. */
  onDone(done?: Done): void;
}

/** A form per step of the complaint transition table (ISO 10002 7.4-7.9); a form shows only
 * when the server lists its action in `availableActions`, so the rules live in the table alone. */
const PANELS: Partial<Record<ComplaintAction, ComponentType<PanelProps>>> = {
  ACKNOWLEDGE: AcknowledgeForm,
  ASSESS: AssessForm,
  ADD_NOTE: NoteForm,
  RESPOND: RespondForm,
  CLOSE: CloseForm,
  REFER: ReferForm,
};

const DECISIONS: ComplaintDecision[] = ["UPHELD", "PARTLY_UPHELD", "NOT_UPHELD"];

/** A refusal that means the complaint moved on meanwhile (another agent acted first): the page
 * is reloaded, so the forms shown are the ones for where it stands now. */
const STALE = ["ACTION_NOT_AVAILABLE"];

/** One complaint as the organisation's staff handle it: what it says, who must act by when,
 * the forms for the steps the viewer may take now, and every step taken (who, in which role,
 * when, what they wrote). Keyed by the complaint: no banner follows to another one's page. */
export function ComplaintPage({ id }: { id: string }) {
  const complaintId = decodeURIComponent(id);
  return <ComplaintView key={complaintId} complaintId={complaintId} />;
}

function ComplaintView({ complaintId }: { complaintId: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: HandledComplaintDocument,
    variables: { id: complaintId },
    requestPolicy: "cache-and-network",
  });
  const [done, setDone] = useState<{ done: Done; count: number } | null>(null);
  const onDone = useCallback(
    (what?: Done) => {
      refetch({ requestPolicy: "network-only" });
      if (what) setDone((old) => ({ done: what, count: (old?.count ?? 0) + 1 }));
    },
    [refetch],
  );
  const complaint = data?.complaint;
  // A complaint that does not exist and one the viewer may not see are alike: null, no error.
  if (data && !complaint) return <NotFound />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link href="/organisation/complaints" className="govuk-back-link">
          {t("complaintPage.back")}
        </Link>
        <PageTitle text={complaint?.subject ?? t("complaintPage.title")} caption={complaint?.reference} />
        {done &&
          (done.done.receipt ? (
            <Confirmation key={done.count} title={done.done.title} reference={complaint?.reference} receiptMailed={false}>
              <p className="govuk-body">{done.done.next}</p>
            </Confirmation>
          ) : (
            <SuccessBanner key={done.count} title={done.done.title}>
              {done.done.next && <p className="govuk-body">{done.done.next}</p>}
            </SuccessBanner>
          ))}
        {fetching && !data && <Loading />}
        <RequestError error={error} />
        {complaint && <Body complaint={complaint} onDone={onDone} />}
      </div>
    </div>
  );
}

function Body({ complaint, onDone }: PanelProps) {
  const { t, label, dateTime } = useI18n();
  const panels = complaint.availableActions.flatMap((action) => {
    const Panel = PANELS[action];
    return Panel ? [<Panel key={action} complaint={complaint} onDone={onDone} />] : [];
  });
  return (
    <>
      <SummaryList
        rows={[
          {
            key: t("inbox.status"),
            value: (
              <>
                <Tag colour="grey" testId="complaint-status">
                  {label("complaintStatus", complaint.status)}
                </Tag>{" "}
                {complaint.overdue && (
                  <Tag colour="red" testId="overdue-tag">
                    {t("clocks.overdue")}
                  </Tag>
                )}
              </>
            ),
          },
          ...(complaint.decision
            ? [{ key: t("complaintPage.decision"), value: label("complaintDecision", complaint.decision) }]
            : []),
          { key: t("complaintPage.complainant"), value: complaint.complainant?.displayName ?? "—" },
          {
            key: t("complaintPage.confirmed"),
            value: complaint.confirmedAt ? dateTime(complaint.confirmedAt) : t("complaintPage.notConfirmed"),
          },
          { key: t("complaintPage.channel"), value: label("complaintChannel", complaint.channel) },
          ...(complaint.recordedBy
            ? [{ key: t("complaintPage.recordedBy"), value: complaint.recordedBy.displayName }]
            : []),
          { key: t("inbox.received"), value: dateTime(complaint.receivedAt) },
          { key: t("complaintPage.description"), value: <span className="parley-prose">{complaint.description}</span> },
          { key: t("complaintPage.remedy"), value: <span className="parley-prose">{complaint.remedySought || "—"}</span> },
        ]}
      />
      {complaint.dispute && (
        <p className="govuk-body">
          <Link href={`/cases/${encodeURIComponent(complaint.dispute.id)}`} className="govuk-link">
            {t("complaintPage.dispute", { reference: complaint.dispute.reference })}
          </Link>
        </p>
      )}
      <Clocks complaint={complaint} />
      {panels.length > 0 ? panels : <p className="govuk-body">{t("complaintPage.nothingToDo")}</p>}
      <Steps complaint={complaint} />
    </>
  );
}

/** Who must act by when: the complaint's clocks (ISO 10002 7.4, 7.7), late ones tagged. */
function Clocks({ complaint }: { complaint: Complaint }) {
  const { t, label, date } = useI18n();
  return (
    <section aria-labelledby="complaint-clocks-heading" className="parley-section" data-testid="complaint-clocks">
      <h2 id="complaint-clocks-heading" className="govuk-heading-m">
        {t("complaintPage.clocksHeading")}
      </h2>
      {complaint.clocks.length === 0 ? (
        <p className="govuk-body">{t("clocks.noneRunning")}</p>
      ) : (
        <SummaryList
          rows={complaint.clocks.map((clock) => ({
            key: label("complaintClock", clock.kind),
            value: (
              <>
                {clock.status === "RUNNING"
                  ? t("clocks.by", { due: date(clock.dueAt) })
                  : t("complaintPage.clockEnded", {
                      status: label("clockStatus", clock.status),
                      ended: date(clock.endedAt ?? clock.dueAt),
                      due: date(clock.dueAt),
                    })}{" "}
                {clock.overdue && <Tag colour="red">{t("clocks.overdue")}</Tag>}
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}

/** Every step, oldest first: what was done, by whom and in which role, when, and its text. */
function Steps({ complaint }: { complaint: Complaint }) {
  const { t, label, dateTime } = useI18n();
  return (
    <section aria-labelledby="complaint-steps-heading" className="parley-section">
      <h2 id="complaint-steps-heading" className="govuk-heading-m">
        {t("complaintPage.stepsHeading")}
      </h2>
      {complaint.steps.length === 0 ? (
        <p className="govuk-body">{t("complaintPage.noSteps")}</p>
      ) : (
        <ol className="govuk-list parley-steps" data-testid="complaint-steps">
          {complaint.steps.map((step, index) => (
            <li key={index} data-action={step.action}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                {step.decision
                  ? t("complaintPage.stepDecision", {
                      step: label("complaintStep", step.action),
                      decision: label("complaintDecision", step.decision),
                    })
                  : label("complaintStep", step.action)}
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {t("complaintPage.stepBy", {
                  when: dateTime(step.at),
                  who: step.actorName ?? label("complaintRole", step.actorRole),
                  role: label("complaintRole", step.actorRole),
                })}
              </p>
              {step.automatedRule && (
                <p className="govuk-body-s govuk-!-margin-bottom-1" data-testid="complaint-step-automated">
                  {t("complaintPage.stepAutomated", { rule: label("complaintStep", step.automatedRule) })}
                </p>
              )}
              {step.text && <p className="govuk-body parley-prose">{step.text}</p>}
            </li>
          ))}
        </ol>
      )}
      <StepsCheck complaint={complaint} />
    </section>
  );
}

/** Issue 19: the steps form a hash chain; say whether it still holds, and if not, which step
 * no longer does and why. Checked again whenever the steps change. */
function StepsCheck({ complaint }: { complaint: Complaint }) {
  const { t, label } = useI18n();
  const [{ data }, recheck] = useQuery({
    query: VerifyComplaintDocument,
    variables: { id: complaint.id },
    requestPolicy: "network-only",
  });
  const steps = complaint.steps.length;
  const checked = useRef(steps);
  useEffect(() => {
    if (checked.current === steps) return;
    checked.current = steps;
    recheck({ requestPolicy: "network-only" });
  }, [steps, recheck]);
  const check = data?.verifyComplaint;
  if (!check) return null;
  const broken = check.brokenStep;
  return (
    <p
      role="status"
      data-testid="complaint-chain"
      className={`govuk-body-s${check.ok ? "" : " govuk-error-message"}`}
    >
      {broken
        ? t("chain.brokenStep", {
            sequence: broken.sequence,
            what: broken.action ? label("complaintStep", broken.action) : t("chain.noEvent"),
            why: label("chain.stepReason", broken.reason),
          })
        : t("chain.stepsVerified", { count: check.length })}
    </p>
  );
}

/** ISO 10002 7.4: receipt acknowledged; the complainant is told by mail. */
function AcknowledgeForm({ complaint, onDone }: PanelProps) {
  const { t } = useI18n();
  const action = useAction(AcknowledgeComplaintDocument, onDone, STALE);
  return (
    <ActionSection id="complaint-ACKNOWLEDGE" title={t("complaintPage.acknowledgeHeading")}>
      <p className="govuk-body">{t("complaintPage.acknowledgeIntro")}</p>
      <UserErrors errors={action.errors} />
      <RequestError error={action.error} />
      <button
        type="button"
        className="govuk-button"
        disabled={action.busy}
        aria-disabled={action.busy || undefined}
        onClick={() => void action.run({ complaintId: complaint.id }, { title: t("complaintPage.acknowledged") })}
      >
        {t("complaintPage.acknowledge")}
      </button>
    </ActionSection>
  );
}

/** A step that records one text: the form (ReasonForm, with its draft and, for a step that
 * cannot be undone, its check page) and the mutation that sends it. */
function TextStep<Data extends Record<string, unknown>, Vars extends AnyVariables>({
  complaint,
  onDone,
  action: name,
  document,
  variables,
  words,
  check,
}: PanelProps & {
  action: ComplaintAction;
  document: TypedDocumentNode<Data, Vars>;
  variables(text: string): Vars;
  words: { title: string; intro: string; field: string; hint: string; submit: string; done: string };
  check?: { title: string; effect: ReactNode };
}) {
  const action = useAction(document, onDone, STALE);
  const step = useReasonStep(action);
  return (
    <ReasonForm
      id={`complaint-${name}-${complaint.id}`}
      title={words.title}
      intro={words.intro}
      field={words.field}
      hint={words.hint}
      submitLabel={words.submit}
      required
      busy={action.busy}
      check={check}
      onSubmit={(text) => step(variables(text), { title: words.done })}
    >
      <RequestError error={action.error} />
    </ReasonForm>
  );
}

/** ISO 10002 7.5: the initial assessment (severity, urgency, who looks into it). */
function AssessForm({ complaint, onDone }: PanelProps) {
  const { t } = useI18n();
  return (
    <TextStep
      complaint={complaint}
      onDone={onDone}
      action="ASSESS"
      document={AssessComplaintDocument}
      variables={(assessment) => ({ complaintId: complaint.id, assessment })}
      words={{
        title: t("complaintPage.assessHeading"),
        intro: t("complaintPage.assessIntro"),
        field: t("complaintPage.assessment"),
        hint: t("complaintPage.assessmentHint"),
        submit: t("complaintPage.assess"),
        done: t("complaintPage.assessed"),
      }}
    />
  );
}

/** ISO 10002 7.6: investigation notes, as many as the work needs; the status stays. */
function NoteForm({ complaint, onDone }: PanelProps) {
  const { t } = useI18n();
  return (
    <TextStep
      complaint={complaint}
      onDone={onDone}
      action="ADD_NOTE"
      document={AddComplaintNoteDocument}
      variables={(note) => ({ complaintId: complaint.id, note })}
      words={{
        title: t("complaintPage.noteHeading"),
        intro: t("complaintPage.noteIntro"),
        field: t("complaintPage.note"),
        hint: t("complaintPage.noteHint"),
        submit: t("complaintPage.addNote"),
        done: t("complaintPage.noteAdded"),
      }}
    />
  );
}

/** ISO 10002 7.7: the decision and the answer, mailed to the complainant, so it is checked
 * before it is sent; a complaint not upheld in full is mailed with the way to dispute
 * resolution (EU ADR Art. 13). */
function RespondForm({ complaint, onDone }: PanelProps) {
  const { t, label } = useI18n();
  const action = useAction(RespondToComplaintDocument, onDone, STALE);
  const describe = useDescribeUserError();
  const [checking, setChecking] = useState(false);
  const [stepError, setStepError] = useState<FieldError[]>([]);
  const form = useForm({
    id: `complaint-respond-${complaint.id}`,
    draft: true,
    fields: {
      decision: {
        label: t("complaintPage.decisionQuestion"),
        initial: "",
        required: true,
        requiredMessage: t("complaintPage.decisionMissing"),
      },
      response: {
        label: t("complaintPage.responseLabel"),
        initial: "",
        required: true,
        maxLength: LIMITS.text,
      },
    },
  });
  async function send() {
    const values = form.output();
    const ok = await action.run(
      { complaintId: complaint.id, decision: values.decision as ComplaintDecision, response: String(values.response) },
      { title: t("complaintPage.responded"), next: t("complaintPage.respondedNext"), receipt: true },
    );
    if (ok) {
      form.reset();
      return;
    }
    const errors = action.lastErrors();
    const found = errors.length > 0 ? form.fromUserErrors(errors, describe) : [{ field: "", message: t("form.notSent") }];
    setStepError(found);
    // A refusal about a field goes back to the form, where it can be changed.
    if (found.some((error) => error.field)) {
      form.setErrors(found);
      setChecking(false);
    }
  }
  if (checking) {
    const values = form.output();
    const decision = values.decision as ComplaintDecision;
    return (
      <section className="parley-section" aria-label={t("complaintPage.respondHeading")}>
        <CheckPage
          title={t("complaintPage.respondCheckTitle")}
          rows={[
            { key: t("complaintPage.decision"), value: label("complaintDecision", decision) },
            { key: t("complaintPage.responseLabel"), value: <span className="parley-prose">{String(values.response)}</span> },
          ]}
          effect={
            <>
              <p className="govuk-body">{t("complaintPage.respondEffect")}</p>
              {decision !== "UPHELD" && <p className="govuk-body">{t("complaintPage.respondEffectRoute")}</p>}
            </>
          }
          confirmLabel={t("complaintPage.respond")}
          busy={action.busy}
          onConfirm={() => void send()}
          onBack={() => {
            setChecking(false);
            focusSoon("complaint-RESPOND-heading");
          }}
        >
          <ErrorSummary errors={stepError} fieldId={form.fieldId} />
          <RequestError error={action.error} />
        </CheckPage>
      </section>
    );
  }
  return (
    <ActionSection id="complaint-RESPOND" title={t("complaintPage.respondHeading")}>
      <p className="govuk-body">{t("complaintPage.respondIntro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async () => {
          setStepError([]);
          setChecking(true);
          // The draft stays until the answer is confirmed and sent.
          return KEEP;
        })}
      >
        <Radios
          bound={form.bind("decision")}
          options={DECISIONS.map((decision) => ({
            value: decision,
            label: label("complaintDecision", decision),
            hint: label("complaintDecisionHint", decision),
          }))}
        />
        <Textarea bound={form.bind("response")} hint={t("complaintPage.responseHint")} rows={8} />
        <SubmitButton>{t("form.continue")}</SubmitButton>
      </FormShell>
    </ActionSection>
  );
}

/** ISO 10002 7.9: closing, with what was done in the end; it cannot be undone. */
function CloseForm({ complaint, onDone }: PanelProps) {
  const { t } = useI18n();
  return (
    <TextStep
      complaint={complaint}
      onDone={onDone}
      action="CLOSE"
      document={CloseComplaintDocument}
      variables={(note) => ({ complaintId: complaint.id, note })}
      words={{
        title: t("complaintPage.closeHeading"),
        intro: t("complaintPage.closeIntro"),
        field: t("complaintPage.closureNote"),
        hint: t("complaintPage.closureNoteHint"),
        submit: t("complaintPage.close"),
        done: t("complaintPage.closed"),
      }}
      check={{ title: t("complaintPage.closeCheckTitle"), effect: <p className="govuk-body">{t("complaintPage.closeEffect")}</p> }}
    />
  );
}

/** ISO 10003 7.2: the organisation takes a complaint it could not resolve to one of its
 * providers (once the complainant has confirmed it: the server's table decides). */
function ReferForm({ complaint, onDone }: PanelProps) {
  const { t } = useI18n();
  // Folded: most complainants refer their complaint themselves, and the form is long.
  return (
    <details className="govuk-details parley-section" id="complaint-REFER">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t("complaintPage.referHeading")}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{t("complaintPage.referIntro")}</p>
        <EscalationForm
          complaintId={complaint.id}
          reasonHint={t("complaintPage.referReasonHint")}
          onReferred={(dispute) =>
            onDone({ title: t("complaintPage.referred", { reference: dispute.reference }), next: t("complaintPage.referredNext") })
          }
        />
      </div>
    </details>
  );
}
