import { useState } from "react";
import { Link, useLocation } from "wouter";
import { useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { Explained, ScrollRegion, Tag } from "../../design/patterns";
import {
  OrganisationCaseGroupsDocument,
  OrganisationComplaintsDocument,
  type ComplaintStatus,
  type ResponsibleParty,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { CaseFilterBar, FilterCheckbox, useCaseFilter } from "../CaseList";
import { useStaffCases, waitsOnViewer } from "../due";
import { StaffCaseCards } from "../StaffCaseCards";

const STATUSES: ComplaintStatus[] = ["RECEIVED", "ACKNOWLEDGED", "ASSESSED", "RESPONDED", "REFERRED", "CLOSED"];
const OURS: readonly ResponsibleParty[] = ["ORGANISATION"];

type Kind = "disputes" | "complaints";
const PATHS: Record<Kind, string> = { disputes: "/organisation/inbox", complaints: "/organisation/complaints" };

/** An organisation's disputes (`/organisation/inbox`) and complaints (`/organisation/complaints`).
 * Disputes: soonest due first, each saying whose delay it is (ours or the provider's, the
 * complainant's...), with the overdue filter and badge from one function (pages/due.ts).
 * Responding and implementing happen on the case page; complaints are handled on their own
 * page (ComplaintPage), and recorded from a phone call, a letter, an e-mail or a visit on
 * RecordComplaint. */
export function Inbox({ kind = "disputes" }: { kind?: Kind }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <>
      <PageTitle text={t("inbox.title")} />
      <div className="govuk-button-group parley-switch" role="group" aria-label={t("inbox.show")}>
        {(["disputes", "complaints"] as const).map((k) => (
          <button
            key={k}
            type="button"
            className={`govuk-button${kind === k ? "" : " govuk-button--secondary"}`}
            aria-pressed={kind === k}
            onClick={() => navigate(PATHS[k])}
          >
            {t(k === "disputes" ? "inbox.disputes" : "inbox.complaints")}
          </button>
        ))}
      </div>
      {kind === "disputes" ? <DisputeInbox /> : <ComplaintInbox />}
    </>
  );
}

/** The complaints list is the same page, opened on its other half. */
export function ComplaintList() {
  return <Inbox kind="complaints" />;
}

function DisputeInbox() {
  const { t } = useI18n();
  const [filter, setFilter] = useCaseFilter();
  const [mine, setMine] = useState(false);
  const { cases: all, data, fetching, error } = useStaffCases(filter);
  const cases = all.filter((item) => !mine || waitsOnViewer(item));
  return (
    <>
      <p className="govuk-body">{t("inbox.intro")}</p>
      <Explained summary={t("inbox.delaysSummary")}>
        <p className="govuk-body">{t("inbox.delaysText")}</p>
      </Explained>
      <CaseFilterBar id="inbox" value={filter} onChange={setFilter}>
        <FilterCheckbox id="inbox-mine" label={t("inbox.yourTurnOnly")} checked={mine} onChange={setMine} />
      </CaseFilterBar>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && (
        <p className="govuk-body" role="status">
          {t("inbox.count", { count: cases.length })}
        </p>
      )}
      {data && cases.length === 0 && <p className="govuk-body">{t("cases.none")}</p>}
      <StaffCaseCards cases={cases} ours={OURS} />
      <CaseGroups />
    </>
  );
}

/** Issue 20: the groups of related cases the provider runs with the complainants' consent,
 * with their reference and how many cases are in each. */
function CaseGroups() {
  const { t, dateTime } = useI18n();
  const [{ data, error }] = useQuery({ query: OrganisationCaseGroupsDocument, requestPolicy: "cache-and-network" });
  if (!data) return <RequestError error={error} />;
  const groups = data.caseGroups.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="inbox-groups-heading" className="parley-section" data-testid="inbox-groups">
      <h2 id="inbox-groups-heading" className="govuk-heading-m">
        {t("inboxGroups.title")}
      </h2>
      {groups.length === 0 ? (
        <p className="govuk-body">{t("inboxGroups.none")}</p>
      ) : (
        <ScrollRegion label={t("inboxGroups.title")}>
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("inboxGroups.reference")}</th>
                <th scope="col" className="govuk-table__header">{t("inboxGroups.lead")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("inboxGroups.members")}</th>
                <th scope="col" className="govuk-table__header">{t("inboxGroups.stage")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {groups.map((group) => (
                <tr className="govuk-table__row" key={group.id} data-testid="inbox-group">
                  <td className="govuk-table__cell">{group.reference}</td>
                  <td className="govuk-table__cell">
                    {group.leadCase ? (
                      <Link className="govuk-link" href={`/cases/${encodeURIComponent(group.leadCase.id)}`}>
                        {group.leadCase.reference}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{group.memberCount}</td>
                  <td className="govuk-table__cell">
                    {group.outcomeProposedAt
                      ? t("group.outcomeProposed", { date: dateTime(group.outcomeProposedAt) })
                      : group.formedAt
                        ? t("group.formed", { date: dateTime(group.formedAt) })
                        : t("group.asking")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** The organisation's complaints (ISO 10002 7.2-7.9), newest first, each with its status and
 * the next deadline of its clocks (red when we are late); filtered by the server. */
function ComplaintInbox() {
  const { t, label, date, dateTime } = useI18n();
  const [status, setStatus] = useState<ComplaintStatus | "">("");
  const [overdue, setOverdue] = useState(false);
  const [{ data, fetching, error }] = useQuery({
    query: OrganisationComplaintsDocument,
    variables: { first: 100, status: status || null, overdue: overdue ? true : null },
    requestPolicy: "cache-and-network",
  });
  const complaints = data?.complaints.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <p className="govuk-body">{t("complaintList.intro")}</p>
      <p className="govuk-body">
        <Link href="/organisation/complaints/new" className="govuk-button govuk-!-margin-bottom-0" role="button">
          {t("complaintList.record")}
        </Link>
      </p>
      <form className="parley-filters" role="search" aria-label={t("cases.filters")} onSubmit={(e) => e.preventDefault()} noValidate>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="complaints-status">
            {t("inbox.status")}
          </label>
          <select
            id="complaints-status"
            className="govuk-select"
            value={status}
            onChange={(e) => setStatus(e.target.value as ComplaintStatus | "")}
          >
            <option value="">{t("inbox.anyStatus")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {label("complaintStatus", s)}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <FilterCheckbox id="complaints-overdue" label={t("cases.overdueOnly")} checked={overdue} onChange={setOverdue} />
          </div>
        </div>
      </form>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && (
        <p className="govuk-body" role="status">
          {t("inbox.count", { count: complaints.length })}
        </p>
      )}
      {data && complaints.length === 0 && <p className="govuk-body">{t("complaintList.none")}</p>}
      {complaints.length > 0 && (
        <ScrollRegion label={t("inbox.complaintsCaption")}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("inbox.complaintsCaption")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("inbox.reference")}</th>
                <th scope="col" className="govuk-table__header">{t("complaintList.statusDue")}</th>
                <th scope="col" className="govuk-table__header">{t("inbox.subject")}</th>
                <th scope="col" className="govuk-table__header">{t("inbox.received")}</th>
                <th scope="col" className="govuk-table__header">{t("inbox.dispute")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {complaints.map((c) => (
                <tr key={c.id} className="govuk-table__row" data-testid="complaint-row" data-reference={c.reference}>
                  <td className="govuk-table__cell">
                    <Link href={`/organisation/complaints/${encodeURIComponent(c.id)}`} className="govuk-link">
                      {c.reference}
                    </Link>
                  </td>
                  {/* Status and deadline first: what a phone shows before it scrolls. */}
                  <td className="govuk-table__cell">
                    <Tag colour="grey">{label("complaintStatus", c.status)}</Tag>
                    <br />
                    <span className="govuk-body-s">
                      {c.nextDue ? t("clocks.by", { due: date(c.nextDue) }) : t("complaintList.noDeadline")}
                    </span>{" "}
                    {c.overdue && (
                      <Tag colour="red" testId="overdue-tag">
                        {t("clocks.overdue")}
                      </Tag>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {c.subject}
                    {c.complainant && <span className="govuk-body-s"> · {c.complainant.displayName}</span>}
                  </td>
                  <td className="govuk-table__cell">
                    {dateTime(c.receivedAt)} · {label("complaintChannel", c.channel)}
                  </td>
                  <td className="govuk-table__cell">
                    {c.dispute ? (
                      <Link href={`/cases/${encodeURIComponent(c.dispute.id)}`} className="govuk-link">
                        {c.dispute.reference}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
