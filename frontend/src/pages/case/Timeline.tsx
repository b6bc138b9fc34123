import { useEffect, useRef, useState } from "react";
import { useClient, useQuery, useSubscription } from "urql";
import { Loading, RequestError } from "../../components/Status";
import {
  CaseEventsDocument,
  CaseTimelineDocument,
  VerifyTimelineDocument,
  type ClockFieldsFragment,
  type ClockKind,
  type TimelineEventFieldsFragment,
  type VerifyTimelineQuery,
} from "../../gql/graphql";
import { useI18n, type MessageKey } from "../../i18n";
import { Explained } from "../../design/patterns";
import { isWindow } from "./duties";

type Event = TimelineEventFieldsFragment;

/** The case's hash-chained timeline, live: the stored events, then `caseEvents` from the
 * last one on (no gap, no duplicate), each arrival re-verifying the chain and refreshing the
 * case (`onEvent`). */
export function Timeline({
  caseId,
  onEvent,
  clocks = [],
  known,
}: {
  caseId: string;
  onEvent(): void;
  /** The case's clocks: a clock for a right reads "may ... until", a duty "must ... by". */
  clocks?: readonly ClockFieldsFragment[];
  /** The last event the rest of the page was loaded with: a later one already in the first
   * load (it happened while the page was loading) refreshes the page too. */
  known?: number;
}) {
  const { t, label, date } = useI18n();
  const say = useSentence(clocks);
  const client = useClient();
  const [{ data, fetching, error }] = useQuery({
    query: CaseTimelineDocument,
    variables: { id: caseId, first: 100 },
    requestPolicy: "network-only",
  });
  const [events, setEvents] = useState<Event[]>([]);
  const [after, setAfter] = useState<number | null>(null);
  const [verification, setVerification] = useState<VerifyTimelineQuery["verifyTimeline"] | null>(
    null,
  );
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  useEffect(() => {
    // A case gone from view (null) shows no events; the page itself says "not found".
    if (!data?.case) return;
    const stored = data.case.timeline.edges.map((edge) => edge.node);
    setEvents(stored);
    setVerification(data.verifyTimeline);
    // Subscribe once, from what was loaded: the server replays anything after it.
    setAfter((old) => old ?? stored.at(-1)?.sequence ?? 0);
  }, [data]);

  useSubscription(
    {
      query: CaseEventsDocument,
      variables: { caseId, afterSequence: after },
      pause: after === null,
    },
    (_previous: unknown, response) => {
      const event = response.caseEvents;
      setEvents((old) =>
        old.some((known) => known.sequence === event.sequence)
          ? old
          : [...old, event].sort((a, b) => a.sequence - b.sequence),
      );
      return response;
    },
  );

  // A new event: check the chain again and bring the rest of the page up to date.
  const last = events.at(-1)?.sequence ?? 0;
  const seen = useRef(0);
  const knownRef = useRef(known);
  knownRef.current = known;
  useEffect(() => {
    if (!data || last === 0) return;
    if (seen.current === 0) seen.current = Math.min(last, knownRef.current ?? last);
    if (last <= seen.current) return;
    seen.current = last;
    onEventRef.current();
    void client
      .query(VerifyTimelineDocument, { caseId }, { requestPolicy: "network-only" })
      .toPromise()
      .then((result) => result.data && setVerification(result.data.verifyTimeline));
  }, [last, data, client, caseId]);

  const newestFirst = [...events].reverse();
  return (
    <section aria-labelledby="timeline-heading" className="parley-section">
      <h2 id="timeline-heading" className="govuk-heading-m">
        {t("timeline.title")}
      </h2>
      {verification && (
        <div role="status" data-testid="timeline-verification">
          <p className={`govuk-body${verification.ok ? "" : " govuk-error-message"}`}>
            {verification.ok
              ? t("timeline.verified", { count: verification.length })
              : t("timeline.broken", { sequence: verification.firstBrokenSequence ?? "?" })}
          </p>
          {verification.brokenEvent && (
            <p className="govuk-body" data-testid="timeline-broken-event">
              {t("chain.brokenEvent", {
                sequence: verification.brokenEvent.sequence,
                what: verification.brokenEvent.kind
                  ? label("event", verification.brokenEvent.kind)
                  : t("chain.noEvent"),
                why: label("chain.reason", verification.brokenEvent.reason),
              })}
            </p>
          )}
          <Explained summary={t(verification.ok ? "timeline.howWeKnow" : "timeline.howWeCheck")}>
            <p className="govuk-body">{t("timeline.howWeKnowText")}</p>
            <p className="govuk-body parley-hash">{t("timeline.fingerprint", { hash: verification.headHash })}</p>
          </Explained>
        </div>
      )}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      <ol className="govuk-list parley-timeline" aria-live="polite" data-testid="timeline">
        {newestFirst.map((event) => (
          <li key={event.sequence}>
            <span className="govuk-body-s parley-muted">{date(event.occurredAt)}</span>{" "}
            <span>{say(event)}</span>
            {event.automated && (
              <span className="govuk-body-s" data-testid="timeline-automated">
                {" "}
                {t("automated.timelineMark", { rule: label("automatedRule", event.automated.rule) })}
              </span>
            )}
            {event.visibility !== "ALL_PARTIES" && (
              <span className="govuk-body-s"> ({label("visibility", event.visibility)})</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

/** What a sentence names of an event's payload: the fields the fragment selects on the union
 * members that have them (the others have none of them). */
type Parts = Partial<{
  amount: string | null;
  currency: string;
  filename: string;
  clock: ClockKind;
  responsible: string;
  dueAt: string;
  previousDueAt: string;
  reason: string | null;
  hold: string;
}>;

/** One event as a sentence that names who, and the document, amount or time limit. */
function useSentence(clocks: readonly ClockFieldsFragment[]) {
  const { t, label, date, money } = useI18n();
  return (event: Event): string => {
    const payload = event.payload as Parts;
    const who = label("actor", event.actorRole);
    const amount = text(payload.amount) && text(payload.currency) ? money(String(payload.amount), String(payload.currency)) : null;
    const kind = payload.clock;
    const vars = {
      who,
      amount: amount ?? "",
      file: text(payload.filename) ?? "",
      // Negotiation has no neutral: its outcome clock is the parties' time to settle.
      what: kind === "OUTCOME" && payload.responsible === "PARTIES" ? t("clockWhat.settle") : kind ? label("clockWhat", kind) : "",
      party: label("party", payload.responsible ?? ""),
      due: date(text(payload.dueAt)),
      previous: date(text(payload.previousDueAt)),
      reason: text(payload.reason) ?? "",
      hold: payload.hold ? label("clockHold", payload.hold) : "",
    };
    // Messages are keyed by the stored kind (`case_accepted`); the schema's value is upper case.
    const stored = event.kind.toLowerCase();
    let key = `timelineSay.${stored}`;
    if (event.kind === "CLOCK_STARTED" && kind && isWindow(clocks, kind)) key = "timelineSay.window_started";
    if ((event.kind === "OUTCOME_ISSUED" || event.kind === "OFFER_ACCEPTED") && !amount) key += "_noAmount";
    const sentence = t(key as MessageKey, vars);
    return sentence === key ? `${who}: ${label("event", stored)}` : sentence;
  };
}
