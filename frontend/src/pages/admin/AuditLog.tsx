import { useMemo, useState } from "react";
import { useQuery } from "urql";
import { Link, useSearch } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { ScrollRegion } from "../../design/patterns";
import { AdminAuditLogDocument, type AdminAuditLogQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { AdminMenu } from "./common";

type Entry = AdminAuditLogQuery["adminAuditLog"]["edges"][number]["node"];
const PAGE = 50;

/** Every change admins made, newest first, with what changed from what to what; optionally
 * one object's history (`?subject=<global id>`). */
export function AdminAuditLog() {
  const { t } = useI18n();
  const subject = new URLSearchParams(useSearch()).get("subject");
  const [pages, setPages] = useState<(string | null)[]>([null]);
  return (
    <>
      <PageTitle text={t("admin.audit.title")} caption={t("admin.caption")} />
      <AdminMenu current="audit" />
      <p className="govuk-body">{t("admin.audit.intro")}</p>
      {subject && (
        <p className="govuk-body">
          {t("admin.audit.oneSubject")}{" "}
          <Link href="/admin/audit" className="govuk-link">
            {t("admin.audit.everything")}
          </Link>
        </p>
      )}
      <ScrollRegion label={t("admin.audit.table")}>
        <table className="govuk-table" data-testid="audit-log">
          <caption className="govuk-visually-hidden">{t("admin.audit.table")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("admin.audit.when")}</th>
              <th scope="col" className="govuk-table__header">{t("admin.audit.who")}</th>
              <th scope="col" className="govuk-table__header">{t("admin.audit.what")}</th>
              <th scope="col" className="govuk-table__header">{t("admin.audit.changes")}</th>
            </tr>
          </thead>
          {pages.map((after, index) => (
            <Page
              key={after ?? "first"}
              after={after}
              subject={subject}
              last={index === pages.length - 1}
              onMore={(cursor) => setPages((old) => [...old, cursor])}
            />
          ))}
        </table>
      </ScrollRegion>
    </>
  );
}

function Page({
  after,
  subject,
  last,
  onMore,
}: {
  after: string | null;
  subject: string | null;
  last: boolean;
  onMore(cursor: string): void;
}) {
  const { t, dateTime, label } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: AdminAuditLogDocument,
    variables: { first: PAGE, after, subject },
    requestPolicy: "cache-and-network",
  });
  const entries = data?.adminAuditLog.edges.map((edge) => edge.node) ?? [];
  const more = data?.adminAuditLog.pageInfo;
  return (
    <tbody className="govuk-table__body">
      {fetching && !data && (
        <tr className="govuk-table__row">
          <td className="govuk-table__cell" colSpan={4}>
            <Loading />
          </td>
        </tr>
      )}
      {error && (
        <tr className="govuk-table__row">
          <td className="govuk-table__cell" colSpan={4}>
            <RequestError error={error} />
          </td>
        </tr>
      )}
      {data && entries.length === 0 && after === null && (
        <tr className="govuk-table__row">
          <td className="govuk-table__cell" colSpan={4}>
            {t("admin.audit.none")}
          </td>
        </tr>
      )}
      {entries.map((entry, index) => (
        <tr className="govuk-table__row" key={`${entry.at}-${entry.subjectId}-${index}`}>
          <td className="govuk-table__cell">{dateTime(entry.at)}</td>
          <td className="govuk-table__cell parley-admin-wrap">{entry.actorEmail}</td>
          <td className="govuk-table__cell">
            {label("auditAction", entry.action)}
            <br />
            <span className="govuk-hint govuk-!-margin-bottom-0">{subjectName(entry, label)}</span>
          </td>
          <td className="govuk-table__cell">
            <Changes entry={entry} />
          </td>
        </tr>
      ))}
      {last && more?.hasNextPage && more.endCursor && (
        <tr className="govuk-table__row">
          <td className="govuk-table__cell" colSpan={4}>
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              onClick={() => onMore(more.endCursor!)}
            >
              {t("admin.audit.more")}
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}

function subjectName(entry: Entry, label: (prefix: string, value: string) => string): string {
  const state = (entry.after ?? entry.before ?? {}) as Record<string, unknown>;
  const kind = label("auditSubject", entry.subjectType);
  if (typeof state.organisation === "string" && typeof state.provider === "string") {
    return `${kind}: ${state.organisation} → ${state.provider}`;
  }
  return typeof state.name === "string" ? `${kind}: ${state.name}` : kind;
}

/** Nested values (a scheme's clocks, its texts) as dotted keys down to their leaves. */
function flatten(value: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
      Object.assign(flat, flatten(inner as Record<string, unknown>, name));
    } else {
      flat[name] = inner;
    }
  }
  return flat;
}

/** The fields that differ between before and after (all of after for a creation). */
function Changes({ entry }: { entry: Entry }) {
  const { t, dateTime } = useI18n();
  const rows = useMemo(() => {
    const show = (value: unknown): string => {
      if (value === null || value === undefined || value === "") return "—";
      if (typeof value === "string") return /^\d{4}-\d\d-\d\dT/.test(value) ? dateTime(value) : value;
      if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
      return String(value);
    };
    const before = flatten((entry.before ?? {}) as Record<string, unknown>);
    const after = flatten((entry.after ?? {}) as Record<string, unknown>);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (key) => key !== "id" && !key.endsWith("_id") && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    return keys.map((key) => ({ key, before: show(before[key]), after: show(after[key]) }));
  }, [entry, dateTime]);
  if (rows.length === 0) return <>{t("admin.audit.noChange")}</>;
  return (
    <ul className="govuk-list parley-admin-changes">
      {rows.map((row) => (
        <li key={row.key}>
          <strong>{row.key}</strong>: {entry.before ? `${row.before} → ${row.after}` : row.after}
        </li>
      ))}
    </ul>
  );
}
