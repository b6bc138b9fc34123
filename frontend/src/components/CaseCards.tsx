import { Link } from "wouter";
import type { CaseSummaryFragment } from "../gql/graphql";
import { useI18n } from "../i18n";
import { WhoMustAct } from "./Clocks";

/** Cases as cards: reference, stage, parties, unread messages, whose turn, running clocks. */
export function CaseCards({ cases }: { cases: readonly CaseSummaryFragment[] }) {
  const { t, label, date, money } = useI18n();
  return (
    <ul className="cards">
      {cases.map((item) => (
        <li key={item.id} className="card">
          <h2>
            <Link href={`/cases/${encodeURIComponent(item.id)}`}>
              {item.reference}: {item.subject}
            </Link>
          </h2>
          <p>
            <span className="badge">{label("stage", item.stage)}</span>{" "}
            {label("method", item.method)} · {item.organisation?.name} · {item.provider?.name}
            {item.claimedAmount &&
              ` · ${money(item.claimedAmount.amount, item.claimedAmount.currency)}`}
          </p>
          <p className="muted">{t("disputes.opened", { date: date(item.createdAt) })}</p>
          {item.unreadMessageCount > 0 && (
            <p>{t("disputes.unread", { count: item.unreadMessageCount })}</p>
          )}
          {item.availableActions.length > 0 && <p className="your-turn">{t("disputes.yourTurn")}</p>}
          <WhoMustAct clocks={item.clocks} />
        </li>
      ))}
    </ul>
  );
}
