import { useEffect, useRef, useState } from "react";
import { useClient, useQuery, useSubscription } from "urql";
import { Loading, RequestError } from "../../components/Status";
import {
  CaseEventsDocument,
  CaseTimelineDocument,
  VerifyTimelineDocument,
  type TimelineEventFieldsFragment,
  type VerifyTimelineQuery,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";

type Event = TimelineEventFieldsFragment;

/** The case's hash-chained timeline, live: the stored events, then `caseEvents` from the
 * last one on (no gap, no duplicate), each arrival re-verifying the chain and refreshing the
 * case (`onEvent`). */
export function Timeline({ caseId, onEvent }: { caseId: string; onEvent(): void }) {
  const { t, label, dateTime } = useI18n();
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
    if (!data) return;
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
  useEffect(() => {
    if (!data || last === 0) return;
    if (seen.current === 0) {
      seen.current = last;
      return;
    }
    if (last <= seen.current) return;
    seen.current = last;
    onEventRef.current();
    void client
      .query(VerifyTimelineDocument, { caseId }, { requestPolicy: "network-only" })
      .toPromise()
      .then((result) => result.data && setVerification(result.data.verifyTimeline));
  }, [last, data, client, caseId]);

  return (
    <section aria-labelledby="timeline-heading" className="panel">
      <h2 id="timeline-heading">{t("timeline.title")}</h2>
      {verification && (
        <p
          className={verification.ok ? "verified" : "error"}
          role="status"
          data-testid="timeline-verification"
        >
          {verification.ok
            ? t("timeline.verified", {
                count: verification.length,
                hash: verification.headHash.slice(0, 12),
              })
            : t("timeline.broken", { sequence: verification.firstBrokenSequence ?? "?" })}
        </p>
      )}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      <ol className="timeline" aria-live="polite" data-testid="timeline">
        {events.map((event) => (
          <li key={event.sequence}>
            <span className="seq" aria-label={t("timeline.sequence")}>
              #{event.sequence}
            </span>{" "}
            <strong>{label("event", event.kind)}</strong>
            {typeof event.payload.clock === "string" &&
              ` (${label("clock", event.payload.clock.toUpperCase())})`}{" "}
            <span className="muted">
              {label("role", event.actorRole)} · {dateTime(event.occurredAt)}
              {event.visibility !== "ALL_PARTIES" && ` · ${label("visibility", event.visibility)}`}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
