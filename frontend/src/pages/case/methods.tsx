// A short explanation of each resolution method in plain words: who decides, whether the
// result binds, what it costs (the provider's own fees text, where it publishes one). Shown where
// a method is chosen (Escalate) and on the case page.
import type { ResolutionMethod } from "../../gql/graphql";
import { useI18n, type MessageKey } from "../../i18n";
import { SummaryList } from "../../design/patterns";

export function MethodExplained({
  method,
  fees,
  legalEffect,
}: {
  method: ResolutionMethod;
  /** The provider's fees text, where known. */
  fees: string | null;
  /** The provider's legal-effect text, where known. */
  legalEffect: string | null;
}) {
  const { t } = useI18n();
  const key = (part: string) => `methodInfo.${method}.${part}` as MessageKey;
  return (
    <div data-testid="method-explained">
      <SummaryList
        rows={[
          { key: t("methodInfo.whoDecides"), value: t(key("who")) },
          { key: t("methodInfo.binding"), value: t(key("binding")) },
          { key: t("methodInfo.cost"), value: fees || t("methodInfo.costUnknown") },
          ...(legalEffect ? [{ key: t("methodInfo.legalEffect"), value: legalEffect }] : []),
        ]}
      />
      <p className="govuk-body">{t(key("courts"))}</p>
    </div>
  );
}
