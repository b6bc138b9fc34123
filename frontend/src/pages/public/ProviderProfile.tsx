import { useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { ScrollRegion, SummaryList } from "../../design/patterns";
import { DirectoryProviderDocument } from "../../gql/graphql";
import { apiLocale, useI18n } from "../../i18n";
import { METHODS, ProviderText, useNames } from "./directoryText";

/** One provider's public profile (EU ADR Art. 7(1)), no sign-in: its ways of resolving
 * disputes, each explained, languages, countries, costs, legal effect, rules, the time limits
 * of its schemes and the people who decide. */
export function ProviderProfile({ slug }: { slug: string }) {
  const { t, label, locale, money, date } = useI18n();
  const names = useNames();
  const [{ data, fetching, error }] = useQuery({
    query: DirectoryProviderDocument,
    variables: { slug: decodeURIComponent(slug), language: apiLocale(locale) },
  });
  const missing = error?.graphQLErrors.some((e) => e.extensions?.code === "NOT_FOUND");
  const provider = data?.provider;
  const profile = provider?.profile;
  const texts = profile?.texts;
  const methods = METHODS.filter((m) => profile?.methods.includes(m));
  const listed = (items: readonly string[] | undefined, name: (item: string) => string) =>
    items && items.length ? names.list(items.map(name)) : t("directory.notPublished");
  const fee = profile?.consumerFee;
  const roster = provider?.roster.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <Link href="/providers" className="govuk-back-link">
        {t("directory.back")}
      </Link>
      {fetching && !data && <Loading />}
      {missing ? (
        <>
          <PageTitle text={t("notFound.title")} />
          <p className="govuk-body">{t("directory.notFound")}</p>
        </>
      ) : (
        <RequestError error={error} />
      )}
      {provider && (
        <>
          <PageTitle text={provider.name} caption={t("directory.title")} />
          {texts?.summary.text && <ProviderText value={texts.summary} testId="provider-summary" />}

          <section aria-labelledby="provider-methods" className="parley-section">
            <h2 id="provider-methods" className="govuk-heading-m">
              {t("directory.methods")}
            </h2>
            {methods.length ? (
              <>
                <p className="govuk-body">{t("directory.methodsIntro")}</p>
                <SummaryList
                  rows={methods.map((m) => ({ key: label("method", m), value: label("directory.methodHelp", m) }))}
                />
              </>
            ) : (
              <p className="govuk-body">{t("directory.notPublished")}</p>
            )}
            <SummaryList
              rows={[
                { key: t("directory.languages"), value: listed(profile?.languages, names.language) },
                { key: t("directory.countries"), value: listed(profile?.countries, names.country) },
                { key: t("directory.disputeTypes"), value: <ProviderText value={texts?.disputeTypes} /> },
              ]}
            />
          </section>

          <section aria-labelledby="provider-costs" className="parley-section">
            <h2 id="provider-costs" className="govuk-heading-m">
              {t("directory.costs")}
            </h2>
            <SummaryList
              rows={[
                {
                  key: t("directory.consumerFee"),
                  value: !fee
                    ? t("directory.notPublished")
                    : Number(fee.amount) === 0
                      ? t("directory.free")
                      : money(fee.amount, fee.currency),
                },
                { key: t("directory.fees"), value: <ProviderText value={texts?.fees} testId="provider-fees" /> },
              ]}
            />
          </section>

          <section aria-labelledby="provider-effect" className="parley-section">
            <h2 id="provider-effect" className="govuk-heading-m">
              {t("directory.effect")}
            </h2>
            {profile && (
              <p className="govuk-body">{profile.bindingMethodsOffered ? t("directory.binding") : t("directory.notBinding")}</p>
            )}
            <SummaryList
              rows={[{ key: t("directory.legalEffect"), value: <ProviderText value={texts?.legalEffect} /> }]}
            />
          </section>

          <section aria-labelledby="provider-rules" className="parley-section">
            <h2 id="provider-rules" className="govuk-heading-m">
              {t("directory.rules")}
            </h2>
            <SummaryList
              rows={[
                {
                  key: t("directory.rulesUrl"),
                  value: profile?.rulesUrl ? (
                    <a href={profile.rulesUrl} className="govuk-link" rel="noopener noreferrer">
                      {profile.rulesUrl}
                    </a>
                  ) : (
                    t("directory.notPublished")
                  ),
                },
                { key: t("directory.decisionBasis"), value: <ProviderText value={texts?.decisionBasis} /> },
                { key: t("directory.preliminary"), value: <ProviderText value={texts?.preliminaryRequirements} /> },
              ]}
            />
          </section>

          <section aria-labelledby="provider-schemes" className="parley-section">
            <h2 id="provider-schemes" className="govuk-heading-m">
              {t("directory.schemes")}
            </h2>
            <p className="govuk-body">{t("directory.schemesIntro")}</p>
            {provider.schemes.length === 0 && <p className="govuk-body">{t("directory.notPublished")}</p>}
            {provider.schemes.map((scheme) => (
              <div key={scheme.name} data-testid="provider-scheme">
                <h3 className="govuk-heading-s">{t("directory.scheme", { name: scheme.name })}</h3>
                <ScrollRegion label={t("directory.scheme", { name: scheme.name })}>
                  <table className="govuk-table">
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">
                          {t("directory.step")}
                        </th>
                        <th scope="col" className="govuk-table__header">
                          {t("directory.limit")}
                        </th>
                        <th scope="col" className="govuk-table__header">
                          {t("directory.whose")}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {scheme.clocks.map((clock) => (
                        <tr key={clock.kind} className="govuk-table__row">
                          <th scope="row" className="govuk-table__header">
                            {label("clock", clock.kind)}
                          </th>
                          <td className="govuk-table__cell">
                            {t("directory.days", { days: clock.days, calendar: label("calendar", clock.calendar) })}
                          </td>
                          <td className="govuk-table__cell">{label("responsible", clock.responsible)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
                <p className="govuk-body">{scheme.silenceIsRefusal ? t("directory.silence") : t("directory.noSilence")}</p>
                <p className="govuk-body">{t("directory.holidays", { country: names.country(scheme.country) })}</p>
              </div>
            ))}
          </section>

          <section aria-labelledby="provider-roster" className="parley-section">
            <h2 id="provider-roster" className="govuk-heading-m">
              {t("directory.roster")}
            </h2>
            {roster.length === 0 ? (
              <p className="govuk-body">{t("directory.rosterNone")}</p>
            ) : (
              <ul className="parley-cards" data-testid="provider-roster">
                {roster.map((neutral, index) => (
                  <li key={`${neutral.displayName}-${index}`} className="parley-card">
                    <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{neutral.displayName}</h3>
                    {neutral.title && <p className="govuk-body govuk-!-margin-bottom-1">{neutral.title}</p>}
                    <SummaryList
                      noBorder
                      rows={[
                        {
                          key: t("directory.methods"),
                          value: neutral.methods.length
                            ? names.list(neutral.methods.map((m) => label("method", m)))
                            : t("directory.allMethods"),
                        },
                        { key: t("directory.languages"), value: listed(neutral.languages, names.language) },
                        {
                          key: t("directory.competences"),
                          value: neutral.competences.length ? names.list(neutral.competences) : t("directory.notPublished"),
                        },
                        {
                          key: t("directory.mandate"),
                          value: neutral.mandateEndsOn
                            ? t("directory.mandateEnds", { date: date(neutral.mandateEndsOn) })
                            : t("directory.mandateOpen"),
                        },
                      ]}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="provider-contact" className="parley-section">
            <h2 id="provider-contact" className="govuk-heading-m">
              {t("directory.contact")}
            </h2>
            <SummaryList
              rows={[
                { key: t("directory.country"), value: provider.country ? names.country(provider.country) : t("directory.notPublished") },
                {
                  key: t("directory.website"),
                  value: profile?.website ? (
                    <a href={profile.website} className="govuk-link" rel="noopener noreferrer">
                      {profile.website}
                    </a>
                  ) : (
                    t("directory.notPublished")
                  ),
                },
                {
                  key: t("directory.email"),
                  value: profile?.contactEmail ? (
                    <a href={`mailto:${profile.contactEmail}`} className="govuk-link">
                      {profile.contactEmail}
                    </a>
                  ) : (
                    t("directory.notPublished")
                  ),
                },
                {
                  key: t("directory.address"),
                  value: profile?.postalAddress ? (
                    <span className="parley-prose">{profile.postalAddress}</span>
                  ) : (
                    t("directory.notPublished")
                  ),
                },
              ]}
            />
            <p className="govuk-body">
              <Link href={`/transparency/${encodeURIComponent(provider.slug)}`} className="govuk-link">
                {t("directory.transparency")}
              </Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
