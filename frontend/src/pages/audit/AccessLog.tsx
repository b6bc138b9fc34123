import { useState } from "react";
import type { FormEvent } from "react";
import { useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { ErrorSummary, type FieldError } from "../../design/forms";
import { ScrollRegion } from "../../design/patterns";
import { AccessLogDocument, type AccessAction, type AccessLogFilterInput } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { ReadRoles, ReadRows } from "./reads";

export const ACTIONS: AccessAction[] = [
  "CASE_READ",
  "DOCUMENT_DOWNLOAD",
  "BUNDLE_DOWNLOAD",
  "EXPORT",
  "REPORT_READ",
  "SUBJECT_ACCESS_EXPORT",
];
const PAGE = 50;

interface Filters {
  caseReference: string;
  person: string;
  action: AccessAction | "";
  from: string;
  until: string;
}
const NO_FILTER: Filters = { caseReference: "", person: "", action: "", from: "", until: "" };

function asInput(f: Filters): AccessLogFilterInput {
  return {
    caseReference: f.caseReference.trim() || null,
    person: f.person.trim() || null,
    action: f.action || null,
    from: f.from || null,
    until: f.until || null,
  };
}

/** `/audit/access`: who read which case file, document, bundle, export or report, newest
 * first, for auditors (their organisation's or provider's cases; installation auditors all)
 * and admins. The server's policy decides what is listed. */
export function AccessLogReview() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(NO_FILTER);
  const [applied, setApplied] = useState<Filters>(NO_FILTER);
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    // A period that ends before it starts is refused by the server: say so here, as a form does.
    if (draft.from && draft.until && draft.until <= draft.from) {
      setErrors([{ field: "until", message: t("accessLog.review.periodError") }]);
      return;
    }
    setErrors([]);
    setApplied(draft);
    setPages([null]);
  };
  return (
    <>
      <PageTitle text={t("accessLog.review.title")} />
      <p className="govuk-body">{t("accessLog.review.intro")}</p>
      <ErrorSummary errors={errors} fieldId={(name) => `access-${name}`} />
      <FilterForm value={draft} onChange={setDraft} onSubmit={apply} errors={errors} />
      <ScrollRegion label={t("accessLog.review.table")}>
        <table className="govuk-table" data-testid="access-log">
          <caption className="govuk-visually-hidden">{t("accessLog.review.table")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("accessLog.when")}</th>
              <th scope="col" className="govuk-table__header">{t("accessLog.who")}</th>
              <th scope="col" className="govuk-table__header">{t("accessLog.what")}</th>
              <th scope="col" className="govuk-table__header">{t("accessLog.from")}</th>
            </tr>
          </thead>
          {pages.map((after, index) => (
            <Page
              key={`${JSON.stringify(applied)}-${after ?? "first"}`}
              filter={asInput(applied)}
              after={after}
              last={index === pages.length - 1}
              onMore={(cursor) => setPages((old) => [...old, cursor])}
            />
          ))}
        </table>
      </ScrollRegion>
    </>
  );
}

function FilterForm({
  value,
  onChange,
  onSubmit,
  errors,
}: {
  value: Filters;
  onChange(value: Filters): void;
  onSubmit(e: FormEvent): void;
  errors: readonly FieldError[];
}) {
  const { t, label } = useI18n();
  const text = (name: keyof Filters, caption: string, hint?: string, type = "text") => {
    const error = errors.find((e) => e.field === name)?.message;
    const described = [hint && `access-${name}-hint`, error && `access-${name}-error`].filter(Boolean).join(" ");
    return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={`access-${name}`}>
        {caption}
      </label>
      {hint && (
        <div id={`access-${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`access-${name}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span> {error}
        </p>
      )}
      <input
        id={`access-${name}`}
        className={`govuk-input govuk-input--width-20${error ? " govuk-input--error" : ""}`}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        value={value[name]}
        onChange={(e) => onChange({ ...value, [name]: e.target.value.slice(0, 254) })}
      />
    </div>
    );
  };
  return (
    <form className="parley-filters" role="search" aria-label={t("accessLog.review.filters")} onSubmit={onSubmit} noValidate>
      {text("caseReference", t("accessLog.review.case"))}
      {text("person", t("accessLog.review.person"), t("accessLog.review.personHint"))}
      <div className="govuk-form-group parley-shrink">
        <label className="govuk-label" htmlFor="access-action">
          {t("accessLog.review.action")}
        </label>
        <select
          id="access-action"
          className="govuk-select parley-shrink"
          value={value.action}
          onChange={(e) => onChange({ ...value, action: e.target.value as AccessAction | "" })}
        >
          <option value="">{t("accessLog.review.anyAction")}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {label("accessLog.action", a)}
            </option>
          ))}
        </select>
      </div>
      {text("from", t("accessLog.review.fromDay"), undefined, "date")}
      {text("until", t("accessLog.review.untilDay"), t("accessLog.review.untilHint"), "date")}
      <div className="govuk-form-group">
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          {t("accessLog.review.apply")}
        </button>
      </div>
    </form>
  );
}

function Page({
  filter,
  after,
  last,
  onMore,
}: {
  filter: AccessLogFilterInput;
  after: string | null;
  last: boolean;
  onMore(cursor: string): void;
}) {
  const { t, dateTime, label } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: AccessLogDocument,
    variables: { filter, first: PAGE, after },
    requestPolicy: "cache-and-network",
  });
  const entries = data?.accessLog.edges.map((edge) => edge.node) ?? [];
  const more = data?.accessLog.pageInfo;
  return (
    <ReadRows
      columns={4}
      fetching={fetching}
      loaded={Boolean(data)}
      error={error}
      empty={entries.length === 0 ? t("accessLog.none") : null}
      firstPage={after === null}
      lastPage={last}
      next={more?.hasNextPage ? more.endCursor : null}
      onMore={onMore}
    >
      {entries.map((entry) => (
        <tr className="govuk-table__row" key={entry.id}>
          <td className="govuk-table__cell">{dateTime(entry.at)}</td>
          <td className="govuk-table__cell parley-anywhere">
            {entry.readerLabel || label("accessLog.reader", entry.readerKind)}
            <br />
            <span className="govuk-hint govuk-!-margin-bottom-0">
              <ReadRoles roles={entry.roles} />
            </span>
          </td>
          <td className="govuk-table__cell">
            {label("accessLog.action", entry.action)}
            <br />
            <span className="govuk-hint govuk-!-margin-bottom-0">
              {entry.caseReference ? `${entry.caseReference} · ` : ""}
              {label("accessLog.target", entry.targetType)}
            </span>
          </td>
          <td className="govuk-table__cell parley-anywhere">
            {entry.ip}
            <br />
            <span className="govuk-hint govuk-!-margin-bottom-0">
              {entry.userAgent}
              {entry.requestId ? ` · ${entry.requestId}` : ""}
            </span>
          </td>
        </tr>
      ))}
    </ReadRows>
  );
}
