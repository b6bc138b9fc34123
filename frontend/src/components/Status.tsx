import type { CombinedError } from "urql";
import { useI18n } from "../i18n";

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="govuk-body parley-loading">
      {t("status.loading")}
    </p>
  );
}

/** The plain-words text for a request that failed as a whole: never the raw transport text
 * ("[Network] Failed to fetch"), always what it means and what to do. */
export function useRequestErrorText() {
  const { t, label } = useI18n();
  return (error: CombinedError | Error): string => {
    const combined = error as Partial<CombinedError>;
    if (combined.networkError || (error instanceof TypeError && /fetch/i.test(error.message))) {
      return t("status.offline");
    }
    const code = combined.graphQLErrors?.[0]?.extensions?.code;
    if (typeof code === "string") {
      const known = label("error", code);
      if (known !== code) return known;
    }
    return t("status.failedTryAgain");
  };
}

/** A request that failed as a whole (network, masked server error), in an alert. */
export function RequestError({ error }: { error: CombinedError | Error | undefined | null }) {
  const text = useRequestErrorText();
  if (!error) return null;
  return (
    <div role="alert" className="govuk-error-summary" data-testid="request-error">
      <p className="govuk-body govuk-!-margin-bottom-0">{text(error)}</p>
    </div>
  );
}

export interface UserErrorLike {
  code: string;
  message: string;
  field?: readonly string[] | null;
}

/** The catalogue's text for a refusal's code, else the server's own (plain) message. */
export function useDescribeUserError() {
  const { label } = useI18n();
  return (error: UserErrorLike) => {
    const known = label("error", error.code);
    return known === error.code ? error.message : known;
  };
}

/** Expected refusals (userErrors) for forms not yet on design/forms.tsx. */
export function UserErrors({ errors }: { errors: readonly UserErrorLike[] | null | undefined }) {
  const describe = useDescribeUserError();
  if (!errors || errors.length === 0) return null;
  return (
    <div role="alert" className="govuk-error-summary">
      <ul className="govuk-list govuk-error-summary__list">
        {errors.map((error, index) => (
          <li key={index} data-code={error.code} className="govuk-error-message">
            {describe(error)}
          </li>
        ))}
      </ul>
    </div>
  );
}
