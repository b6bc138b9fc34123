import { useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { ScrollRegion } from "../../design/patterns";
import { MyRecordReadsDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { ReadRoles, ReadRows } from "../audit/reads";

const PAGE = 50;

/** `/account/reads`: who has read the person's records (GDPR Art. 15): every read of the cases
 * they take part in, by role (the organisation, the provider, the neutral, an auditor), newest
 * first. Names stay with the auditors, who can trace any read to the person. */
export function RecordReads() {
  const { t } = useI18n();
  const [pages, setPages] = useState<(string | null)[]>([null]);
  return (
    <>
      <PageTitle text={t("accessLog.mine.title")} />
      <p className="govuk-body">{t("accessLog.mine.intro")}</p>
      <p className="govuk-body">{t("accessLog.mine.names")}</p>
      <ScrollRegion label={t("accessLog.mine.table")}>
        <table className="govuk-table" data-testid="my-record-reads">
          <caption className="govuk-visually-hidden">{t("accessLog.mine.table")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("accessLog.when")}</th>
              <th scope="col" className="govuk-table__header">{t("accessLog.who")}</th>
              <th scope="col" className="govuk-table__header">{t("accessLog.what")}</th>
            </tr>
          </thead>
          {pages.map((after, index) => (
            <Page
              key={after ?? "first"}
              after={after}
              last={index === pages.length - 1}
              onMore={(cursor) => setPages((old) => [...old, cursor])}
            />
          ))}
        </table>
      </ScrollRegion>
      <p className="govuk-body">
        <Link href="/account" className="govuk-link">
          {t("accessLog.mine.back")}
        </Link>
      </p>
    </>
  );
}

function Page({ after, last, onMore }: { after: string | null; last: boolean; onMore(cursor: string): void }) {
  const { t, dateTime, label } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: MyRecordReadsDocument,
    variables: { first: PAGE, after },
    requestPolicy: "cache-and-network",
  });
  const log = data?.viewer.accessLog;
  const reads = log?.edges.map((edge) => edge.node) ?? [];
  return (
    <ReadRows
      columns={3}
      fetching={fetching}
      loaded={Boolean(data)}
      error={error}
      empty={reads.length === 0 ? t("accessLog.mine.none") : null}
      firstPage={after === null}
      lastPage={last}
      next={log?.pageInfo.hasNextPage ? log.pageInfo.endCursor : null}
      onMore={onMore}
    >
      {reads.map((read) => (
        <tr className="govuk-table__row" key={read.id}>
          <td className="govuk-table__cell">{dateTime(read.at)}</td>
          <td className="govuk-table__cell">{read.byYou ? t("accessLog.mine.you") : <ReadRoles roles={read.roles} />}</td>
          <td className="govuk-table__cell">
            {label("accessLog.action", read.action)}
            <br />
            <span className="govuk-hint govuk-!-margin-bottom-0">
              {read.caseReference ? `${read.caseReference} · ` : ""}
              {label("accessLog.target", read.targetType)}
            </span>
          </td>
        </tr>
      ))}
    </ReadRows>
  );
}
