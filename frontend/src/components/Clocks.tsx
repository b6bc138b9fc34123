import type { ClockFieldsFragment } from "../gql/graphql";
import { SummaryList, Tag } from "../design/patterns";
import { useI18n } from "../i18n";
import { isWindow, type DueDuty } from "../pages/case/duties";

export function isOverdue(clock: ClockFieldsFragment, now = Date.now()): boolean {
  return clock.status === "RUNNING" && new Date(clock.dueAt).getTime() < now;
}

/** Duty clocks still running, soonest first (windows for a right are nobody's duty). */
function dutiesFromClocks(clocks: readonly ClockFieldsFragment[]): DueDuty[] {
  const now = Date.now();
  return clocks
    .filter((clock) => clock.status === "RUNNING" && !isWindow(clocks, clock.kind))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map((clock) => ({ party: clock.responsible, clock: clock.kind, dueAt: clock.dueAt, overdue: isOverdue(clock, now) }));
}

/** Who must act, and by when: duties only, as a summary list (party: what, by a date). Pass
 * `duties` (pages/case/duties.ts whoMustAct) where the case is at hand; `clocks` otherwise. */
export function WhoMustAct({
  clocks,
  duties,
}: {
  clocks: readonly ClockFieldsFragment[];
  duties?: readonly DueDuty[];
}) {
  const { t, label, date } = useI18n();
  const owed = duties ?? dutiesFromClocks(clocks);
  if (owed.length === 0) return <p className="govuk-body">{t("clocks.noneRunning")}</p>;
  return (
    <SummaryList
      rows={owed.map((duty) => ({
        key: `${label("party", duty.party)}: ${label("clockWhat", duty.clock)}`,
        value: (
          <>
            {t("clocks.by", { due: date(duty.dueAt) })}{" "}
            {duty.overdue && <Tag colour="red">{t("clocks.overdue")}</Tag>}
          </>
        ),
      }))}
    />
  );
}

/** Every clock of the case, for the record: a summary list, one row per clock (stacks on a
 * phone; no table to scroll). */
export function ClockTable({ clocks }: { clocks: readonly ClockFieldsFragment[] }) {
  const { t, label, date, number } = useI18n();
  if (clocks.length === 0) return null;
  return (
    <SummaryList
      rows={clocks.map((clock) => ({
        key: `${label("clock", clock.kind)} (${label("party", clock.responsible)})`,
        value: (
          <>
            {clock.status === "RUNNING"
              ? isWindow(clocks, clock.kind)
                ? t("clocks.until", { due: date(clock.dueAt) })
                : t("clocks.by", { due: date(clock.dueAt) })
              : `${label("clockStatus", clock.status)} ${date(clock.endedAt ?? clock.dueAt)}`}{" "}
            <span className="govuk-body-s">
              ({number(clock.days)} {label("calendar", clock.calendar)}
              {clock.extensions > 0 && `, ${t("clocks.extended", { count: clock.extensions })}`})
            </span>{" "}
            {isOverdue(clock) && !isWindow(clocks, clock.kind) && <Tag colour="red">{t("clocks.overdue")}</Tag>}
          </>
        ),
      }))}
    />
  );
}
