import { Link } from "wouter";
import type { CaseSummaryFragment } from "../gql/graphql";
import { Tag } from "../design/patterns";
import { useI18n } from "../i18n";
import { dutiesOf, whoMustAct } from "../pages/case/duties";
import { WhoMustAct } from "./Clocks";

/** Cases as cards: reference, stage, parties, unread messages, your turn (duties only), who
 * must act by when. */
export function CaseCards({ cases }: { cases: readonly CaseSummaryFragment[] }) {
  const { t, label, date, money } = useI18n();
  return (
    <ul className="parley-cards">
      {cases.map((item) => {
        const duties = dutiesOf(item);
        return (
          <li key={item.id} className="parley-card card">
            <h2 className="govuk-heading-s">
              <Link href={`/cases/${encodeURIComponent(item.id)}`} className="govuk-link">
                {item.reference}: {item.subject}
              </Link>
            </h2>
            <p className="govuk-body">
              <Tag colour="blue">{label("stage", item.stage)}</Tag> {label("method", item.method)} ·{" "}
              {item.organisation?.name} · {item.provider?.name}
              {item.claimedAmount && ` · ${money(item.claimedAmount.amount, item.claimedAmount.currency)}`}
            </p>
            <p className="govuk-body-s">{t("disputes.opened", { date: date(item.createdAt) })}</p>
            {item.unreadMessageCount > 0 && (
              <p className="govuk-body">{t("disputes.unread", { count: item.unreadMessageCount })}</p>
            )}
            {duties.length > 0 && (
              <p className="govuk-body" data-testid="your-turn">
                <Tag colour="orange">{t("case.yourTurn")}</Tag> {label("duty", duties[0])}
              </p>
            )}
            <WhoMustAct clocks={item.clocks} duties={whoMustAct(item)} />
          </li>
        );
      })}
    </ul>
  );
}
