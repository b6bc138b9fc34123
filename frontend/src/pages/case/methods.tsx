// A short explanation of each resolution method in plain words: who decides, whether the
// result binds, what it costs (the provider's own fees text, where it publishes one). Shown where
// a method is chosen (Escalate) and on the case page.
import type { ResolutionMethod } from "../../gql/graphql";

/** A provider's text as the reader gets it: translated where the provider did, else as written,
 * marked with its language (screen readers pronounce it right). */
export interface ProviderText {
  text: string;
  language: string;
}

function Text({ value }: { value: ProviderText }) {
  return <span lang={value.language}>{value.text}</span>;
}
import { useI18n, type MessageKey } from "../../i18n";
import { SummaryList } from "../../design/patterns";
import { useNames } from "../public/directoryText";

const primary = (tag: string) => tag.toLowerCase().split("-")[0];

/** A text exactly as a step records it (the consent's legal effect, the notice before
 * accepting an outcome): the words as the server gave them, marked with their language, and
 * a note when that is not the reader's (the service wrote none in it). Never reworded here. */
export function ShownText({ value, testId }: { value: ProviderText; testId: string }) {
  const { t, locale } = useI18n();
  const names = useNames();
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body parley-prose govuk-!-margin-bottom-0" lang={value.language} data-testid={testId}>
        {value.text}
      </p>
      {primary(value.language) !== primary(locale) && (
        <p className="govuk-hint govuk-!-margin-top-1 govuk-!-margin-bottom-0">
          {t("shown.inLanguage", { language: names.language(value.language) })}
        </p>
      )}
    </div>
  );
}

export function MethodExplained({
  method,
  fees,
  legalEffect,
}: {
  method: ResolutionMethod;
  /** The provider's fees text, where known, in the reader's language where translated. */
  fees: ProviderText | null | undefined;
  /** The provider's legal-effect text, where known. */
  legalEffect: ProviderText | null | undefined;
}) {
  const { t } = useI18n();
  const key = (part: string) => `methodInfo.${method}.${part}` as MessageKey;
  return (
    <div data-testid="method-explained">
      <SummaryList
        rows={[
          { key: t("methodInfo.whoDecides"), value: t(key("who")) },
          { key: t("methodInfo.binding"), value: t(key("binding")) },
          { key: t("methodInfo.cost"), value: fees?.text ? <Text value={fees} /> : t("methodInfo.costUnknown") },
          ...(legalEffect?.text ? [{ key: t("methodInfo.legalEffect"), value: <Text value={legalEffect} /> }] : []),
        ]}
      />
      <p className="govuk-body">{t(key("courts"))}</p>
    </div>
  );
}
