// Cases as GOV.UK summary cards for staff lists: reference and subject, stage, parties, what the
// case waits on and whose delay it is (pages/due.ts: the same function as the filter), and
// whether the viewer has a step to take. Used by the inbox, the queue, the neutral's cases and
// the case list.
import type { ReactNode } from "react";
import { Link } from "wouter";
import { Tag } from "../design/patterns";
import type { CaseSummaryFragment, ResponsibleParty } from "../gql/graphql";
import { useI18n } from "../i18n";
import { caseDue, type CaseDue } from "./due";

/** Whose delay, and by when: a red tag for the viewer's own overdue duty, orange for someone
 * else's, plain text while it is not yet due. */
export function DueTag({ due, ours }: { due: CaseDue; ours?: readonly ResponsibleParty[] }) {
  const { t, label, date } = useI18n();
  const next = due.next;
  if (!next) return <span className="govuk-body-s parley-muted-text">{t("due.nothing")}</span>;
  const mine = ours?.includes(next.party) ?? false;
  const who = mine ? t("due.us") : label("waitingFor", next.party);
  if (next.overdue || due.overdue) {
    return (
      <span data-testid="due" data-overdue="true" data-party={next.party}>
        <Tag colour={mine ? "red" : "orange"} testId="overdue-tag">
          {mine ? t("due.overdueOurs") : label("delay", next.party)}
        </Tag>{" "}
        <span className="govuk-body-s">
          {t("due.wasDue", { what: label("clock", next.clock), date: date(next.dueAt), who })}
        </span>
      </span>
    );
  }
  return (
    <span data-testid="due" data-overdue="false" data-party={next.party} className="govuk-body-s">
      {t("due.dueBy", { what: label("clock", next.clock), date: date(next.dueAt), who })}
    </span>
  );
}

export function StaffCaseCards({
  cases,
  ours,
  headingLevel = 2,
  extra,
}: {
  cases: readonly CaseSummaryFragment[];
  /** The parties the viewer acts for: their delays are "ours". */
  ours?: readonly ResponsibleParty[];
  headingLevel?: 2 | 3;
  /** More for a card (forms in the queue). */
  extra?(item: CaseSummaryFragment): ReactNode;
}) {
  const { t, label, date, money } = useI18n();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="parley-cards" data-testid="staff-cases">
      {cases.map((item) => {
        const due = caseDue(item);
        return (
          <li
            key={item.id}
            className={`govuk-summary-card parley-staff-card${due.overdue ? " parley-staff-card--overdue" : ""}`}
            data-testid="staff-case"
            data-reference={item.reference}
          >
            <div className="govuk-summary-card__title-wrapper">
              <Heading className="govuk-summary-card__title">
                <Link href={`/cases/${encodeURIComponent(item.id)}`} className="govuk-link">
                  {item.reference}: {item.subject}
                </Link>
              </Heading>
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t("staffCases.waitingOn")}</dt>
                  <dd className="govuk-summary-list__value">
                    <DueTag due={due} ours={ours} />
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t("staffCases.stage")}</dt>
                  <dd className="govuk-summary-list__value">
                    <Tag colour="grey">{label("stage", item.stage)}</Tag> {label("method", item.method)}
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t("staffCases.parties")}</dt>
                  <dd className="govuk-summary-list__value">
                    {[item.organisation?.name, item.provider?.name].filter(Boolean).join(" · ")}
                    {item.claimedAmount &&
                      ` · ${t("staffCases.claimed", { amount: money(item.claimedAmount.amount, item.claimedAmount.currency) })}`}
                    <br />
                    <span className="govuk-body-s">{t("disputes.opened", { date: date(item.createdAt) })}</span>
                    {item.unreadMessageCount > 0 && (
                      <span className="govuk-body-s"> · {t("disputes.unread", { count: item.unreadMessageCount })}</span>
                    )}
                  </dd>
                </div>
                <Steps item={item} />
              </dl>
              {extra?.(item)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** Your turn (duties) and what you may also do (rights), by the transition table. */
function Steps({ item }: { item: CaseSummaryFragment }) {
  const { t, label } = useI18n();
  const row = (key: string, title: string, actions: readonly string[], testId: string) =>
    actions.length === 0 ? null : (
      <div className="govuk-summary-list__row" key={key} data-testid={testId}>
        <dt className="govuk-summary-list__key">{title}</dt>
        <dd className="govuk-summary-list__value">{actions.map((action) => label("action", action)).join(" · ")}</dd>
      </div>
    );
  return (
    <>
      {row("duties", t("staffCases.yourTurn"), item.viewerDuties, "steps-duties")}
      {row("rights", t("staffCases.youMayAlso"), item.viewerRights, "steps-rights")}
    </>
  );
}
