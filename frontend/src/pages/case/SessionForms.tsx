import { useState } from "react";
import { useMutation } from "urql";
import { RequestError, useDescribeUserError } from "../../components/Status";
import {
  Checkboxes,
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
import { SuccessBanner } from "../../design/patterns";
import {
  CancelSessionDocument,
  ConfirmSessionSlotDocument,
  DeclineSessionDocument,
  MoveSessionDocument,
  PickSessionSlotDocument,
  ProposeGroupSessionDocument,
  ProposeSessionDocument,
  RecordSessionMinuteDocument,
  type SessionAttendee,
  type SessionKind,
  type Visibility,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { inZone, zonedToIso } from "../../lib/zones";
import type { CaseSession } from "./Sessions";

type Answer = { userErrors: readonly { field?: readonly string[] | null; code: string; message: string }[] } | null | undefined;
const ATTENDEES: readonly SessionAttendee[] = ["COMPLAINANT", "ORGANISATION", "NEUTRAL", "PROVIDER"];
const SLOT_FIELDS = ["slot1", "slot2", "slot3"] as const;

/** What a sent form shows: the server's refusals on its fields, or nothing (done). */
function useSend() {
  const describe = useDescribeUserError();
  const { t } = useI18n();
  return (
    form: { fromUserErrors: ReturnType<typeof useForm>["fromUserErrors"] },
    payload: Answer,
    onDone: () => void,
  ): FieldError[] => {
    if (payload && payload.userErrors.length === 0) {
      onDone();
      return [];
    }
    if (payload) return form.fromUserErrors(payload.userErrors, describe);
    return [{ field: "", message: t("account.notSent") }];
  };
}

/** A party's answer: one of the slots, or none with reasons. */
export function AnswerForms({ session, zone, onDone }: { session: CaseSession; zone: string; onDone(): void }) {
  const { t, locale } = useI18n();
  const send = useSend();
  const [picked, pick] = useMutation(PickSessionSlotDocument);
  const [declined, decline] = useMutation(DeclineSessionDocument);
  const pickForm = useForm({
    id: `pick-${session.id}`,
    fields: {
      slotNumber: { label: t("sessions.whichSlot"), initial: "", required: true, requiredMessage: t("sessions.chooseSlot") },
    },
  });
  const declineForm = useForm({
    id: `decline-${session.id}`,
    fields: { reason: { label: t("sessions.declineReason"), initial: "", required: true, maxLength: LIMITS.text } },
  });
  return (
    <div data-testid="session-answer">
      <FormShell
        form={pickForm}
        onSubmit={pickForm.onSubmit(async (values) => {
          const answer = await pick({ input: { sessionId: session.id, slotNumber: Number(values.slotNumber) } });
          return send(pickForm, answer.data?.pickSessionSlot, onDone);
        })}
      >
        <Radios
          bound={pickForm.bind("slotNumber")}
          options={session.slots.map((slot) => ({
            value: String(slot.number),
            label: inZone(slot.startsAt, locale, zone),
          }))}
        />
        <RequestError error={picked.error} />
        <SubmitButton busy={picked.fetching}>{t("sessions.pick")}</SubmitButton>
      </FormShell>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{t("sessions.noneSuits")}</span>
        </summary>
        <div className="govuk-details__text">
          <FormShell
            form={declineForm}
            onSubmit={declineForm.onSubmit(async (values) => {
              const answer = await decline({ input: { sessionId: session.id, reason: values.reason } });
              return send(declineForm, answer.data?.declineSession, onDone);
            })}
          >
            <Textarea bound={declineForm.bind("reason")} rows={3} />
            <RequestError error={declined.error} />
            <SubmitButton busy={declined.fetching}>{t("sessions.decline")}</SubmitButton>
          </FormShell>
        </div>
      </details>
    </div>
  );
}

/** The neutral's (or the provider's) proposal: up to three times, in their own zone. */
export function ProposeSessionForm({
  caseId,
  group,
  scopes,
  zone,
  onDone,
}: {
  caseId: string;
  group: { id: string; reference: string } | null;
  scopes: readonly Visibility[];
  zone: string;
  onDone(): void;
}) {
  const { t, label } = useI18n();
  const send = useSend();
  const [sent, setSent] = useState(0);
  const [result, propose] = useMutation(ProposeSessionDocument);
  const [groupResult, proposeToGroup] = useMutation(ProposeGroupSessionDocument);
  const form = useForm({
    id: "propose-session",
    fields: {
      forWhom: { label: t("sessions.forWhom"), initial: "case", required: true },
      kind: { label: t("sessions.kind"), initial: "MEDIATION_MEETING", required: true },
      visibility: { label: t("sessions.with"), initial: scopes[0] ?? "ALL_PARTIES", required: true },
      slot1: { label: t("sessions.slotN", { n: 1 }), initial: "", required: true, serverNames: ["slots"] },
      slot2: { label: t("sessions.slotN", { n: 2 }), initial: "" },
      slot3: { label: t("sessions.slotN", { n: 3 }), initial: "" },
      durationMinutes: { label: t("sessions.duration"), initial: "60", required: true },
      place: { label: t("sessions.place"), initial: "" },
      link: { label: t("sessions.link"), initial: "" },
      agenda: { label: t("sessions.agenda"), initial: "", required: true, maxLength: LIMITS.text },
    },
    validate: (values) =>
      SLOT_FIELDS.filter((name) => values[name] && !zonedToIso(String(values[name]), zone)).map((name) => ({
        field: name,
        message: t("sessions.badTime"),
      })),
  });
  return (
    <section aria-labelledby="propose-session-heading" data-testid="propose-session">
      <h3 id="propose-session-heading" className="govuk-heading-m">
        {t("sessions.propose")}
      </h3>
      {sent > 0 && <SuccessBanner key={sent} title={t("sessions.proposed")} />}
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const slots = SLOT_FIELDS.map((name) => zonedToIso(String(values[name]), zone)).filter(
            (slot): slot is string => slot !== null,
          );
          const input = {
            kind: values.kind as SessionKind,
            visibility: values.visibility as Visibility,
            slots,
            durationMinutes: Number(values.durationMinutes),
            agenda: values.agenda,
            place: values.place || null,
            link: values.link || null,
          };
          const answer =
            group && values.forWhom === "group"
              ? (await proposeToGroup({ input: { ...input, groupId: group.id } })).data?.proposeGroupSession
              : (await propose({ input: { ...input, caseId } })).data?.proposeSession;
          return send(form, answer, () => {
            form.reset();
            setSent((n) => n + 1);
            onDone();
          });
        })}
      >
        {group && (
          <Radios
            bound={form.bind("forWhom")}
            hint={t("sessions.forGroupHint")}
            options={[
              { value: "case", label: t("sessions.forCase") },
              { value: "group", label: t("sessions.forGroup", { reference: group.reference }) },
            ]}
          />
        )}
        <Radios
          bound={form.bind("kind")}
          inline
          options={(["MEDIATION_MEETING", "HEARING"] as const).map((kind) => ({
            value: kind,
            label: label("sessionKind", kind),
          }))}
        />
        {scopes.length > 1 && (
          <Radios
            bound={form.bind("visibility")}
            options={scopes.map((scope) => ({ value: scope, label: label("visibility", scope) }))}
          />
        )}
        {SLOT_FIELDS.map((name) => (
          <TextInput key={name} bound={form.bind(name)} type="datetime-local" hint={t("sessions.slotHint", { zone })} />
        ))}
        <Select
          bound={form.bind("durationMinutes")}
          options={[30, 60, 90, 120, 180].map((minutes) => ({
            value: String(minutes),
            label: t("sessions.minutes", { minutes }),
          }))}
        />
        <TextInput bound={form.bind("place")} hint={t("sessions.placeHint")} />
        <TextInput bound={form.bind("link")} hint={t("sessions.linkHint")} spellCheck={false} />
        <Textarea bound={form.bind("agenda")} rows={4} />
        <RequestError error={result.error ?? groupResult.error} />
        <SubmitButton busy={result.fetching || groupResult.fetching}>{t("sessions.send")}</SubmitButton>
      </FormShell>
    </section>
  );
}

/** What the neutral or provider does with a session: confirm a slot, move, cancel, minute. */
export function RunForms({ session, zone, onDone }: { session: CaseSession; zone: string; onDone(): void }) {
  const { t } = useI18n();
  const ended = session.endsAt !== null && session.endsAt !== undefined && Date.parse(session.endsAt) <= Date.now();
  return (
    <div data-testid="session-run">
      {session.status === "PROPOSED" && <ConfirmForm session={session} zone={zone} onDone={onDone} />}
      {session.status === "SCHEDULED" && !ended && <MoveForm session={session} zone={zone} onDone={onDone} />}
      {session.status === "SCHEDULED" && ended && <MinuteForm session={session} onDone={onDone} />}
      {(session.status === "PROPOSED" || (session.status === "SCHEDULED" && !ended)) && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t("sessions.cancel")}</span>
          </summary>
          <div className="govuk-details__text">
            <CancelForm session={session} onDone={onDone} />
          </div>
        </details>
      )}
    </div>
  );
}

function ConfirmForm({ session, zone, onDone }: { session: CaseSession; zone: string; onDone(): void }) {
  const { t, locale } = useI18n();
  const send = useSend();
  const [result, confirm] = useMutation(ConfirmSessionSlotDocument);
  const form = useForm({
    id: `confirm-${session.id}`,
    fields: {
      slotNumber: { label: t("sessions.confirmSlot"), initial: "", required: true, requiredMessage: t("sessions.chooseSlot") },
    },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await confirm({ input: { sessionId: session.id, slotNumber: Number(values.slotNumber) } });
        return send(form, answer.data?.confirmSessionSlot, onDone);
      })}
    >
      <Radios
        bound={form.bind("slotNumber")}
        options={session.slots.map((slot) => ({ value: String(slot.number), label: inZone(slot.startsAt, locale, zone) }))}
      />
      <RequestError error={result.error} />
      <SubmitButton busy={result.fetching}>{t("sessions.schedule")}</SubmitButton>
    </FormShell>
  );
}

function MoveForm({ session, zone, onDone }: { session: CaseSession; zone: string; onDone(): void }) {
  const { t } = useI18n();
  const send = useSend();
  const [result, move] = useMutation(MoveSessionDocument);
  const form = useForm({
    id: `move-${session.id}`,
    fields: {
      startsAt: { label: t("sessions.newTime"), initial: "", required: true },
      reason: { label: t("sessions.moveReason"), initial: "", maxLength: LIMITS.text },
    },
    validate: (values) =>
      values.startsAt && !zonedToIso(String(values.startsAt), zone)
        ? [{ field: "startsAt", message: t("sessions.badTime") }]
        : [],
  });
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t("sessions.move")}</span>
      </summary>
      <div className="govuk-details__text">
        <FormShell
          form={form}
          onSubmit={form.onSubmit(async (values) => {
            const startsAt = zonedToIso(String(values.startsAt), zone) ?? "";
            const answer = await move({ input: { sessionId: session.id, startsAt, reason: values.reason || null } });
            return send(form, answer.data?.moveSession, onDone);
          })}
        >
          <TextInput bound={form.bind("startsAt")} type="datetime-local" hint={t("sessions.slotHint", { zone })} />
          <Textarea bound={form.bind("reason")} rows={2} />
          <RequestError error={result.error} />
          <SubmitButton busy={result.fetching}>{t("sessions.moveButton")}</SubmitButton>
        </FormShell>
      </div>
    </details>
  );
}

function CancelForm({ session, onDone }: { session: CaseSession; onDone(): void }) {
  const { t } = useI18n();
  const send = useSend();
  const [result, cancel] = useMutation(CancelSessionDocument);
  const form = useForm({
    id: `cancel-${session.id}`,
    fields: { reason: { label: t("sessions.cancelReason"), initial: "", required: true, maxLength: LIMITS.text } },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await cancel({ input: { sessionId: session.id, reason: values.reason } });
        return send(form, answer.data?.cancelSession, onDone);
      })}
    >
      <Textarea bound={form.bind("reason")} rows={2} />
      <RequestError error={result.error} />
      <SubmitButton busy={result.fetching} warning>
        {t("sessions.cancelButton")}
      </SubmitButton>
    </FormShell>
  );
}

function MinuteForm({ session, onDone }: { session: CaseSession; onDone(): void }) {
  const { t, label } = useI18n();
  const send = useSend();
  const [result, record] = useMutation(RecordSessionMinuteDocument);
  const form = useForm({
    id: `minute-${session.id}`,
    fields: {
      attended: { label: t("sessions.attended"), initial: "" },
      minute: { label: t("sessions.minute"), initial: "", required: true, maxLength: LIMITS.text },
    },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const attended = String(values.attended).split(" ").filter(Boolean) as SessionAttendee[];
        const answer = await record({ input: { sessionId: session.id, attended, minute: values.minute } });
        return send(form, answer.data?.recordSessionMinute, onDone);
      })}
    >
      <Checkboxes
        bound={form.bind("attended")}
        options={ATTENDEES.map((who) => ({ value: who, label: label("attendee", who) }))}
      />
      <Textarea bound={form.bind("minute")} rows={5} />
      <RequestError error={result.error} />
      <SubmitButton busy={result.fetching}>{t("sessions.recordMinute")}</SubmitButton>
    </FormShell>
  );
}
