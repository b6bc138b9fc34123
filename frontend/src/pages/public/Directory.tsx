import { useId, useMemo, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { SummaryList } from "../../design/patterns";
import { DirectoryDocument, type ResolutionMethod } from "../../gql/graphql";
import { apiLocale, useI18n } from "../../i18n";
import { METHODS, ProviderText, useNames } from "./directoryText";

/** The public directory (EU ADR Art. 7(1)), no sign-in: every published provider, filtered
 * by the way it resolves disputes and the language it works in. */
export function Directory() {
  const { t, label, locale, money } = useI18n();
  const names = useNames();
  const [{ data, fetching, error }] = useQuery({
    query: DirectoryDocument,
    variables: { language: apiLocale(locale) },
  });
  const [method, setMethod] = useState<ResolutionMethod | "">("");
  const [language, setLanguage] = useState("");
  const methodId = useId();
  const languageId = useId();
  const providers = useMemo(() => data?.providers.edges.map((edge) => edge.node) ?? [], [data]);
  const languages = useMemo(
    () => [...new Set(providers.flatMap((p) => p.profile?.languages ?? []))].sort(),
    [providers],
  );
  const shown = providers.filter(
    (p) =>
      (!method || (p.profile?.methods ?? []).includes(method)) &&
      (!language || (p.profile?.languages ?? []).includes(language)),
  );
  const listed = (items: readonly string[] | undefined, name: (item: string) => string) =>
    items && items.length ? names.list(items.map(name)) : t("directory.notPublished");

  return (
    <>
      <PageTitle text={t("directory.title")} />
      <p className="govuk-body">{t("directory.intro")}</p>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && providers.length === 0 && <p className="govuk-body">{t("directory.empty")}</p>}
      {providers.length > 0 && (
        <>
          <form
            aria-label={t("directory.filters")}
            noValidate
            onSubmit={(e) => e.preventDefault()}
          >
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor={methodId}>
                {t("directory.filterMethod")}
              </label>
              <select
                id={methodId}
                className="govuk-select"
                value={method}
                data-testid="filter-method"
                onChange={(e) => setMethod(e.target.value as ResolutionMethod | "")}
              >
                <option value="">{t("directory.any")}</option>
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {label("method", m)}
                  </option>
                ))}
              </select>
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor={languageId}>
                {t("directory.filterLanguage")}
              </label>
              <select
                id={languageId}
                className="govuk-select"
                value={language}
                data-testid="filter-language"
                onChange={(e) => setLanguage(e.target.value)}
              >
                <option value="">{t("directory.any")}</option>
                {languages.map((tag) => (
                  <option key={tag} value={tag}>
                    {names.language(tag)}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <p className="govuk-body" role="status" data-testid="directory-count">
            {shown.length
              ? t("directory.count", { count: shown.length, total: providers.length })
              : t("directory.none")}
          </p>
          <ul className="parley-cards" data-testid="directory">
            {shown.map((p) => {
              const fee = p.profile?.consumerFee;
              return (
                <li key={p.id} className="parley-card" data-testid="directory-provider">
                  <h2 className="govuk-heading-m">
                    <Link href={`/providers/${encodeURIComponent(p.slug)}`} className="govuk-link">
                      {p.name}
                    </Link>
                  </h2>
                  {p.profile?.texts.summary.text && <ProviderText value={p.profile.texts.summary} />}
                  <SummaryList
                    noBorder
                    rows={[
                      {
                        key: t("directory.methods"),
                        value: listed(p.profile?.methods, (m) => label("method", m)),
                      },
                      { key: t("directory.languages"), value: listed(p.profile?.languages, names.language) },
                      { key: t("directory.countries"), value: listed(p.profile?.countries, names.country) },
                      {
                        key: t("directory.consumerFee"),
                        value: !fee
                          ? t("directory.notPublished")
                          : Number(fee.amount) === 0
                            ? t("directory.free")
                            : money(fee.amount, fee.currency),
                      },
                    ]}
                  />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
