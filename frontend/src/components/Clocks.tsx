import type { ClockExtensionFieldsFragment, ClockFieldsFragment } from "../gql/graphql";
import { SummaryList, Tag } from "../design/patterns";
import { useI18n } from "../i18n";
import { isWindow, type DueDuty } from "../pages/case/duties";

/** A paused clock (a hold on its case, such as fees not yet paid) stands still: never overdue. */
export function isOverdue(clock: ClockFieldsFragment, now = Date.now()): boolean {
  return clock.status === "RUNNING" && !clock.paused && new Date(clock.dueAt).getTime() < now;
}

/** Duty clocks still running, soonest first (windows for a right are nobody's duty; a paused
 * clock is nobody's turn until it resumes). */
function dutiesFromClocks(clocks: readonly ClockFieldsFragment[]): DueDuty[] {
  const now = Date.now();
  return clocks
    .filter((clock) => clock.status === "RUNNING" && !clock.paused && !isWindow(clocks, clock.kind))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map((clock) => ({ party: clock.responsible, clock: clock.kind, dueAt: clock.dueAt, overdue: isOverdue(clock, now) }));
}

/** A clock as the case page loads it: with its extensions (who, when, why), where selected. */
export type ClockWithExtensions = ClockFieldsFragment & {
  extensionNotices?: readonly ClockExtensionFieldsFragment[];
};

/** Each extension of a clock, as all parties read it: when, by whom, the due date before and
 * after, and the reasons given (DOMAIN.md "Clocks"; EU ADR Art. 8(e)). */
export function Extensions({ clock }: { clock: ClockWithExtensions }) {
  const { t, label, date } = useI18n();
  const notices = clock.extensionNotices ?? [];
  if (notices.length === 0) return null;
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" data-testid="clock-extensions">
      {notices.map((notice) => {
        const role = label("actor", notice.actorRole);
        return (
          <li key={notice.extendedAt}>
            {t("clocks.extensionNotice", {
              date: date(notice.extendedAt),
              who: notice.extendedBy ? `${notice.extendedBy.displayName} (${role})` : role,
              previous: date(notice.previousDueAt),
              due: date(notice.dueAt),
              reason: notice.reason,
            })}
          </li>
        );
      })}
    </ul>
  );
}

/** Who must act, and by when: duties only, as a summary list (party: what, by a date). Pass
 * `duties` (pages/case/duties.ts whoMustAct) where the case is at hand; `clocks` otherwise. A
 * duty whose clock was extended says so, with the reasons. */
export function WhoMustAct({
  clocks,
  duties,
}: {
  clocks: readonly ClockWithExtensions[];
  duties?: readonly DueDuty[];
}) {
  const { t, label, date } = useI18n();
  const owed = duties ?? dutiesFromClocks(clocks);
  if (owed.length === 0) {
    // A case held (for its fees) has its clocks paused: say so, and why, rather than "nothing due".
    const paused = clocks.find((clock) => clock.status === "RUNNING" && clock.paused);
    return (
      <p className="govuk-body" data-testid={paused ? "clocks-paused-note" : undefined}>
        {paused ? t("clocks.allPaused", { hold: label("clockHold", paused.pausedFor) }) : t("clocks.noneRunning")}
      </p>
    );
  }
  return (
    <SummaryList
      rows={owed.map((duty) => {
        const clock = clocks.find((c) => c.kind === duty.clock && c.status === "RUNNING");
        return {
          key: `${label("party", duty.party)}: ${label("clockWhat", duty.clock)}`,
          value: (
            <>
              {t("clocks.by", { due: date(duty.dueAt) })}{" "}
              {duty.overdue && <Tag colour="red">{t("clocks.overdue")}</Tag>}
              {clock && <Extensions clock={clock} />}
            </>
          ),
        };
      })}
    />
  );
}

/** A paused clock: since when, why, and the due date it had (resuming moves it by the time
 * held). */
function Paused({ clock }: { clock: ClockFieldsFragment }) {
  const { t, label, date } = useI18n();
  return (
    <>
      <Tag colour="grey" testId="clock-paused">
        {t("clocks.paused")}
      </Tag>{" "}
      <span className="govuk-body-s">
        {t("clocks.pausedSince", {
          since: date(clock.pausedSince),
          hold: label("clockHold", clock.pausedFor),
          due: date(clock.dueAt),
        })}
      </span>
    </>
  );
}

/** Every clock of the case, for the record: a summary list, one row per clock (stacks on a
 * phone; no table to scroll). A paused clock says so, and why. */
export function ClockTable({ clocks }: { clocks: readonly ClockWithExtensions[] }) {
  const { t, label, date, number } = useI18n();
  if (clocks.length === 0) return null;
  return (
    <SummaryList
      rows={clocks.map((clock) => ({
        key: `${label("clock", clock.kind)} (${label("party", clock.responsible)})`,
        value: (
          <>
            {clock.status === "RUNNING" && clock.paused ? (
              <Paused clock={clock} />
            ) : clock.status === "RUNNING"
              ? isWindow(clocks, clock.kind)
                ? t("clocks.until", { due: date(clock.dueAt) })
                : t("clocks.by", { due: date(clock.dueAt) })
              : `${label("clockStatus", clock.status)} ${date(clock.endedAt ?? clock.dueAt)}`}{" "}
            <span className="govuk-body-s">
              ({number(clock.days)} {label("calendar", clock.calendar)}
              {clock.extensions > 0 && `, ${t("clocks.extended", { count: clock.extensions })}`})
            </span>{" "}
            {isOverdue(clock) && !isWindow(clocks, clock.kind) && <Tag colour="red">{t("clocks.overdue")}</Tag>}
            <Extensions clock={clock} />
          </>
        ),
      }))}
    />
  );
}
