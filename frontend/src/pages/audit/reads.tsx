import type { ReactNode } from "react";
import type { CombinedError } from "urql";
import { Loading, RequestError } from "../../components/Status";
import { useI18n } from "../../i18n";

/** The roles a read was allowed in, in words ("Organisation staff, Auditor"). */
export function ReadRoles({ roles }: { roles: readonly string[] }) {
  const { t, label } = useI18n();
  if (roles.length === 0) return <>{t("accessLog.reader.ANONYMOUS")}</>;
  return <>{roles.map((role) => label("accessLog.role", role)).join(", ")}</>;
}

/** One page of reads as a table body: while loading, a failure, nothing read (on the first
 * page), the rows, and "Show more" on the last page loaded when the server has more. Both the
 * auditors' access log and a person's own reads page through it. */
export function ReadRows({
  columns,
  fetching,
  loaded,
  error,
  empty,
  firstPage,
  lastPage,
  next,
  onMore,
  children,
}: {
  columns: number;
  fetching: boolean;
  loaded: boolean;
  error: CombinedError | undefined;
  empty: string | null;
  firstPage: boolean;
  lastPage: boolean;
  next: string | null | undefined;
  onMore: (cursor: string) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const whole = (content: ReactNode) => (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell" colSpan={columns}>
        {content}
      </td>
    </tr>
  );
  return (
    <tbody className="govuk-table__body">
      {fetching && !loaded && whole(<Loading />)}
      {error && whole(<RequestError error={error} />)}
      {loaded && empty !== null && firstPage && whole(empty)}
      {children}
      {lastPage &&
        next &&
        whole(
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            onClick={() => onMore(next)}
          >
            {t("accessLog.more")}
          </button>,
        )}
    </tbody>
  );
}
