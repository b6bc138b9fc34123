import { useState } from "react";
import { Link } from "wouter";
import { useQuery } from "urql";
import { isOverdue, WhoMustAct } from "../../components/Clocks";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import {
  CasesDocument,
  OrganisationComplaintsDocument,
  type CaseStage,
  type ComplaintStatus,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";

const STAGES: CaseStage[] = [
  "REFERRED",
  "ACCEPTED",
  "AWAITING_RESPONSE",
  "FILE_REVIEW",
  "IN_RESOLUTION",
  "OUTCOME_PROPOSED",
  "UNDER_REVIEW",
  "IMPLEMENTATION",
  "CLOSED",
  "DECLINED",
  "WITHDRAWN",
];
const STATUSES: ComplaintStatus[] = ["RECEIVED", "ACKNOWLEDGED", "ASSESSED", "RESPONDED", "REFERRED", "CLOSED"];

type Kind = "disputes" | "complaints";

/** An organisation's complaints and disputes: filters, overdue markers from the clocks the
 * server reports, whose turn it is from `availableActions`. Responding and implementing happen
 * on the case page, where the server offers those actions. */
export function Inbox() {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>("disputes");
  return (
    <section>
      <PageTitle text={t("inbox.title")} />
      <div className="segmented" role="group" aria-label={t("inbox.show")}>
        {(["disputes", "complaints"] as const).map((k) => (
          <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(k === "disputes" ? "inbox.disputes" : "inbox.complaints")}
          </button>
        ))}
      </div>
      {kind === "disputes" ? <DisputeInbox /> : <ComplaintInbox />}
    </section>
  );
}

function DisputeInbox() {
  const { t, label, date, money } = useI18n();
  const [stage, setStage] = useState<CaseStage | "">("");
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const [search, setSearch] = useState("");
  const [{ data, fetching, error }] = useQuery({
    query: CasesDocument,
    variables: {
      first: 100,
      filter: { stage: stage || null, overdue: overdue || null, search: search.trim() || null },
    },
    requestPolicy: "cache-and-network",
  });
  const cases = (data?.cases.edges.map((edge) => edge.node) ?? []).filter(
    (item) => !mine || item.availableActions.length > 0,
  );
  return (
    <>
      <form className="row" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("cases.search")}
          <input type="search" maxLength={100} value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          {t("cases.stage")}
          <select value={stage} onChange={(e) => setStage(e.target.value as CaseStage | "")}>
            <option value="">{t("cases.anyStage")}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {label("stage", s)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          {t("cases.overdueOnly")}
        </label>
        <label className="check">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          {t("inbox.yourTurnOnly")}
        </label>
      </form>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      <p role="status">{data && t("inbox.count", { count: cases.length })}</p>
      <ul className="cards">
        {cases.map((item) => {
          const late = item.clocks.some((clock) => isOverdue(clock));
          return (
            <li key={item.id} className={late ? "card card-overdue" : "card"}>
              <h2>
                <Link href={`/cases/${encodeURIComponent(item.id)}`}>
                  {item.reference}: {item.subject}
                </Link>
              </h2>
              <p>
                <span className="badge">{label("stage", item.stage)}</span>
                {late && <span className="badge badge-danger">{t("clocks.overdue")}</span>}{" "}
                {label("method", item.method)} · {item.provider?.name}
                {item.claimedAmount && ` · ${money(item.claimedAmount.amount, item.claimedAmount.currency)}`}
              </p>
              <p className="muted">{t("disputes.opened", { date: date(item.createdAt) })}</p>
              {item.availableActions.length > 0 && (
                <p className="your-turn">
                  {t("case.youMay")} {item.availableActions.map((a) => label("action", a)).join(" · ")}
                </p>
              )}
              <WhoMustAct clocks={item.clocks} />
            </li>
          );
        })}
      </ul>
    </>
  );
}

function ComplaintInbox() {
  const { t, label, dateTime } = useI18n();
  const [status, setStatus] = useState<ComplaintStatus | "">("");
  const [{ data, fetching, error }] = useQuery({
    query: OrganisationComplaintsDocument,
    variables: { first: 100 },
    requestPolicy: "cache-and-network",
  });
  const complaints = (data?.complaints.edges.map((edge) => edge.node) ?? []).filter(
    (c) => !status || c.status === status,
  );
  return (
    <>
      <form className="row" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("inbox.status")}
          <select value={status} onChange={(e) => setStatus(e.target.value as ComplaintStatus | "")}>
            <option value="">{t("inbox.anyStatus")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {label("complaintStatus", s)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      <p role="status">{data && t("inbox.count", { count: complaints.length })}</p>
      <div className="table-wrap">
        <table>
          <caption>{t("inbox.complaintsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("inbox.reference")}</th>
              <th scope="col">{t("inbox.subject")}</th>
              <th scope="col">{t("inbox.status")}</th>
              <th scope="col">{t("inbox.received")}</th>
              <th scope="col">{t("inbox.dispute")}</th>
            </tr>
          </thead>
          <tbody>
            {complaints.map((c) => (
              <tr key={c.id}>
                <td>{c.reference}</td>
                <td>
                  {c.subject}
                  {c.complainant && <span className="muted"> · {c.complainant.displayName}</span>}
                </td>
                <td>{label("complaintStatus", c.status)}</td>
                <td>{dateTime(c.receivedAt)}</td>
                <td>
                  {c.dispute ? (
                    <Link href={`/cases/${encodeURIComponent(c.dispute.id)}`}>{c.dispute.reference}</Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
