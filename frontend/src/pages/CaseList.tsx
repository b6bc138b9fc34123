import { useState } from "react";
import type { ReactNode } from "react";
import { PageTitle } from "../components/PageTitle";
import { Loading, RequestError } from "../components/Status";
import type { CaseStage } from "../gql/graphql";
import { useI18n } from "../i18n";
import { useStaffCases } from "./due";
import { StaffCaseCards } from "./StaffCaseCards";

export const STAGES: CaseStage[] = [
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

export interface CaseFilterValues {
  search: string;
  stage: CaseStage | "";
  overdue: boolean;
}

export function useCaseFilter() {
  return useState<CaseFilterValues>({ search: "", stage: "", overdue: false });
}

/** One checkbox of a filter bar ("Overdue only"): it applies as it changes. */
export function FilterCheckbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <div className="govuk-checkboxes__item">
      <input
        id={id}
        className="govuk-checkboxes__input"
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

/** The filters of a staff list, as GOV.UK controls; they apply as they change (no submit). */
export function CaseFilterBar({
  id,
  value,
  onChange,
  children,
}: {
  id: string;
  value: CaseFilterValues;
  onChange(value: CaseFilterValues): void;
  /** More checkboxes ("waiting for us only"). */
  children?: ReactNode;
}) {
  const { t, label } = useI18n();
  return (
    <form className="parley-filters" role="search" aria-label={t("cases.filters")} onSubmit={(e) => e.preventDefault()} noValidate>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${id}-search`}>
          {t("cases.search")}
        </label>
        <div id={`${id}-search-hint`} className="govuk-hint">
          {t("cases.searchHint")}
        </div>
        <input
          id={`${id}-search`}
          className="govuk-input govuk-input--width-20"
          type="search"
          aria-describedby={`${id}-search-hint`}
          value={value.search}
          onChange={(e) => onChange({ ...value, search: e.target.value.slice(0, 100) })}
        />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${id}-stage`}>
          {t("cases.stage")}
        </label>
        <select
          id={`${id}-stage`}
          className="govuk-select"
          value={value.stage}
          onChange={(e) => onChange({ ...value, stage: e.target.value as CaseStage | "" })}
        >
          <option value="">{t("cases.anyStage")}</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {label("stage", s)}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <FilterCheckbox
            id={`${id}-overdue`}
            label={t("cases.overdueOnly")}
            checked={value.overdue}
            onChange={(overdue) => onChange({ ...value, overdue })}
          />
          {children}
        </div>
      </div>
    </form>
  );
}

/** Every case the viewer may see (the server's policy decides which), soonest due first, with
 * the same filters and badges as the role pages (pages/due.ts). */
export function CaseList() {
  const { t } = useI18n();
  const [filter, setFilter] = useCaseFilter();
  const { cases, data, fetching, error } = useStaffCases(filter);
  return (
    <>
      <PageTitle text={t("cases.title")} />
      <p className="govuk-body">{t("cases.intro")}</p>
      <CaseFilterBar id="cases" value={filter} onChange={setFilter} />
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && (
        <p className="govuk-body" role="status">
          {t("inbox.count", { count: cases.length })}
        </p>
      )}
      {data && cases.length === 0 && <p className="govuk-body">{t("cases.none")}</p>}
      <StaffCaseCards cases={cases} />
    </>
  );
}
