// A commitment's terms in words, for the commitments page and the management review.
import type { ClockCalendar, CommitmentKind } from "../../gql/graphql";
import { useI18n, type MessageKey } from "../../i18n";

/** "Within 10 working days", "A refund, Compensation", "en, zh-Hans": a commitment's terms. */
export function useTerms() {
  const { t } = useI18n();
  return (c: { kind: CommitmentKind; days?: number | null; calendar?: ClockCalendar | null; items: readonly string[] }) => {
    if (c.days !== null && c.days !== undefined)
      return t(c.calendar === "CALENDAR_DAYS" ? "commitments.withinCalendarDays" : "commitments.withinDays", {
        days: c.days,
      });
    if (c.kind === "REMEDIES")
      return c.items.map((item) => t(`commitments.remedy.${item.toUpperCase()}` as MessageKey)).join(", ");
    return c.items.join(", ");
  };
}
