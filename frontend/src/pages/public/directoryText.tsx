// What the directory's two pages share: names of languages and countries in the reader's
// language (Intl), and a provider's text marked with the language it is written in.
import type { ResolutionMethod } from "../../gql/graphql";
import { useI18n } from "../../i18n";

export const METHODS: readonly ResolutionMethod[] = [
  "NEGOTIATION",
  "MEDIATION",
  "CONCILIATION",
  "OMBUDSMAN_RECOMMENDATION",
  "EXPERT_OPINION",
  "ARBITRATION_BINDING",
  "ARBITRATION_NON_BINDING",
];

function displayName(locale: string, type: "language" | "region", code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    return code; // not a tag Intl knows: shown as published
  }
}

/** "English", "中文（简体）"... for BCP 47 tags; "Germany", "德国" for ISO 3166 codes. */
export function useNames() {
  const { locale } = useI18n();
  return {
    language: (tag: string) => displayName(locale, "language", tag),
    country: (code: string) => displayName(locale, "region", code),
    list: (items: readonly string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items),
  };
}

export interface LocalizedTextValue {
  text: string;
  language: string;
  translated: boolean;
}

const primary = (tag: string) => tag.toLowerCase().split("-")[0];

/** A provider's own text, with `lang` set to the language it is in; when that is not the
 * reader's (the provider did not translate it), a note says so in the reader's language. */
export function ProviderText({ value, testId }: { value: LocalizedTextValue | null | undefined; testId?: string }) {
  const { t, locale } = useI18n();
  const names = useNames();
  if (!value || !value.text.trim()) {
    return <span className="parley-optional">{t("directory.nothing")}</span>;
  }
  const foreign = primary(value.language) !== primary(locale);
  return (
    <>
      <p className="govuk-body parley-prose govuk-!-margin-bottom-0" lang={value.language} data-testid={testId}>
        {value.text}
      </p>
      {foreign && (
        <p className="govuk-hint govuk-!-margin-top-1 govuk-!-margin-bottom-0">
          {t("directory.inLanguage", { language: names.language(value.language) })}
        </p>
      )}
    </>
  );
}
