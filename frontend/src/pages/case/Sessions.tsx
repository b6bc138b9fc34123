import { useState } from "react";
import { useQuery } from "urql";
import { Loading, RequestError } from "../../components/Status";
import { SuccessBanner, SummaryList, Tag } from "../../design/patterns";
import { CaseSessionsDocument, type CaseSessionFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { browserZone, inZone } from "../../lib/zones";
import { AnswerForms, ProposeSessionForm, RunForms } from "./SessionForms";

export type CaseSession = CaseSessionFieldsFragment;

/** Sessions and hearings (issue 20): each with its times in the viewer's own time zone (their
 * account's, as in their mail and its invitation), where, the agenda and each side's answer;
 * the forms the server says the viewer may use (`viewerSide`, `viewerMayRun`,
 * `viewerSessionScopes`), never a copy of the rules here. */
export function Sessions({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CaseSessionsDocument,
    variables: { id: caseId },
    requestPolicy: "cache-and-network",
  });
  const zone = data?.viewer?.user?.timeZone ?? browserZone();
  const sessions = data?.case?.sessions ?? [];
  // A formed group this case is a member of: a session may be proposed to all its cases.
  const membership = data?.case?.groupMembership;
  const group = membership?.consent === "GIVEN" && membership.group.formedAt ? membership.group : null;
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <section aria-labelledby="sessions-heading" className="parley-section" data-testid="sessions">
      <h2 id="sessions-heading" className="govuk-visually-hidden">
        {t("sessions.title")}
      </h2>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      <p className="govuk-body-s" data-testid="sessions-zone">
        {t("sessions.yourZone", { zone })}
      </p>
      {data && sessions.length === 0 && <p className="govuk-body">{t("sessions.none")}</p>}
      <ol className="govuk-list">
        {sessions.map((session) => (
          <SessionItem key={session.id} session={session} zone={zone} onDone={reload} />
        ))}
      </ol>
      {data?.case && data.case.viewerSessionScopes.length > 0 && (
        <ProposeSessionForm
          caseId={caseId}
          group={group}
          scopes={data.case.viewerSessionScopes}
          zone={zone}
          onDone={reload}
        />
      )}
    </section>
  );
}

const STATUS_COLOUR = { PROPOSED: "yellow", SCHEDULED: "green", CANCELLED: "grey", HELD: "blue" } as const;

function SessionItem({ session, zone, onDone }: { session: CaseSession; zone: string; onDone(): void }) {
  const { t, label, locale } = useI18n();
  const when = (iso: string) => inZone(iso, locale, zone);
  // A sent answer says so and takes focus (the form stays until every side has answered).
  const [answered, setAnswered] = useState(0);
  const slotAt = (n: number) => session.slots.find((slot) => slot.number === n);
  const rows = [
    session.startsAt
      ? { key: t("sessions.when"), value: <span data-testid="session-when">{when(session.startsAt)}</span> }
      : {
          key: t("sessions.slots"),
          value: (
            <ol className="govuk-list govuk-list--number govuk-!-margin-bottom-0">
              {session.slots.map((slot) => (
                <li key={slot.number}>{when(slot.startsAt)}</li>
              ))}
            </ol>
          ),
        },
    ...(session.group
      ? [
          {
            key: t("sessions.group"),
            value: <span data-testid="session-group">{t("sessions.groupValue", { reference: session.group.reference })}</span>,
          },
        ]
      : []),
    { key: t("sessions.duration"), value: t("sessions.minutes", { minutes: session.durationMinutes }) },
    ...(session.place ? [{ key: t("sessions.place"), value: session.place }] : []),
    ...(session.link
      ? [
          {
            key: t("sessions.link"),
            value: /^https?:/.test(session.link) ? (
              <a className="govuk-link" href={session.link} rel="noopener noreferrer" target="_blank">
                {session.link}
              </a>
            ) : (
              session.link
            ),
          },
        ]
      : []),
    { key: t("sessions.agenda"), value: <span className="parley-prose">{session.agenda}</span> },
    ...session.answers.map((answer) => ({
      key: t("sessions.answerOf", { side: label("side", answer.side) }),
      value:
        answer.slotNumber !== null && answer.slotNumber !== undefined
          ? t("sessions.picked", {
              n: answer.slotNumber,
              when: when(slotAt(answer.slotNumber)?.startsAt ?? ""),
            })
          : t("sessions.declined", { reason: answer.reason ?? "" }),
    })),
    ...(session.cancelReason ? [{ key: t("sessions.cancelReason"), value: session.cancelReason }] : []),
    ...(session.attended
      ? [{ key: t("sessions.attended"), value: session.attended.map((a) => label("attendee", a)).join(", ") }]
      : []),
    ...(session.minute
      ? [{ key: t("sessions.minute"), value: <span className="parley-prose">{session.minute}</span> }]
      : []),
  ];
  return (
    <li className="govuk-!-margin-bottom-6" data-testid="session" data-status={session.status}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
        {label("sessionKind", session.kind)}{" "}
        <Tag colour={STATUS_COLOUR[session.status]} testId="session-status">
          {label("sessionStatus", session.status)}
        </Tag>
        {session.visibility !== "ALL_PARTIES" && (
          <span className="govuk-caption-s">{label("visibility", session.visibility)}</span>
        )}
      </h3>
      {answered > 0 && <SuccessBanner key={answered} title={t("sessions.answerSent")} />}
      <SummaryList rows={rows} />
      {session.status === "PROPOSED" && session.viewerSide && (
        <AnswerForms
          session={session}
          zone={zone}
          onDone={() => {
            setAnswered((n) => n + 1);
            onDone();
          }}
        />
      )}
      {session.viewerMayRun && <RunForms session={session} zone={zone} onDone={onDone} />}
    </li>
  );
}
