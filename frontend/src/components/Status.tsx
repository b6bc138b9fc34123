import type { CombinedError } from "urql";
import { useI18n } from "../i18n";

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t("status.loading")}
    </p>
  );
}

/** A request that failed as a whole (network, masked server error). */
export function RequestError({ error }: { error: CombinedError | Error | undefined | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {t("status.requestFailed", { detail: error.message })}
    </p>
  );
}

export interface UserErrorLike {
  code: string;
  message: string;
  field?: readonly string[] | null;
}

/** Expected refusals (userErrors): the code's own text when the catalogue has one. */
export function UserErrors({ errors }: { errors: readonly UserErrorLike[] | null | undefined }) {
  const { label } = useI18n();
  if (!errors || errors.length === 0) return null;
  return (
    <div role="alert" className="error">
      <ul>
        {errors.map((error, index) => (
          <li key={index} data-code={error.code}>
            {label("error", error.code) === error.code ? error.message : label("error", error.code)}
          </li>
        ))}
      </ul>
    </div>
  );
}
