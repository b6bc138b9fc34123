import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { ScrollRegion, SuccessBanner, SummaryList } from "../../design/patterns";
import {
  AdminProviderDocument,
  type AdminProviderFieldsFragment,
  type AdminSchemeFieldsFragment,
  RetireProviderDocument,
  UpdateProviderDocument,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { AdminMenu, DetailsForm, RetireStep, StatusTag, useBanner } from "./common";

type Prov = AdminProviderFieldsFragment & { schemes: AdminSchemeFieldsFragment[] };

/** One provider: its details, its schemes (current, retired and replaced versions), retiring it. */
export function AdminProvider({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminProviderDocument, variables: { id }, requestPolicy: "cache-and-network" });
  const [banner, show] = useBanner();
  const provider = data?.node && "schemes" in data.node ? (data.node as Prov) : null;
  const done = (message: string) => {
    show(message);
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <>
      <PageTitle text={provider?.name ?? t("admin.providers.title")} caption={t("admin.provider.caption")} />
      <AdminMenu current="providers" />
      {banner && <SuccessBanner key={banner.n} title={banner.text} />}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && !provider && <p className="govuk-body">{t("admin.notFound")}</p>}
      {provider && <Body provider={provider} done={done} />}
    </>
  );
}

function Body({ provider, done }: { provider: Prov; done(message: string): void }) {
  const { t, dateTime } = useI18n();
  const [updated, update] = useMutation(UpdateProviderDocument);
  const [retired, retire] = useMutation(RetireProviderDocument);
  const base = `/admin/providers/${encodeURIComponent(provider.id)}`;
  return (
    <>
      <SummaryList
        rows={[
          { key: t("admin.name"), value: provider.name },
          { key: t("admin.slug"), value: provider.slug },
          { key: t("admin.country"), value: provider.country || "—" },
          {
            key: t("admin.provider.directory"),
            value: provider.published ? t("admin.provider.listed") : t("admin.provider.unlisted"),
          },
          {
            key: t("admin.status"),
            value: (
              <>
                <StatusTag retiredAt={provider.retiredAt} /> {provider.retiredAt && dateTime(provider.retiredAt)}
              </>
            ),
          },
        ]}
      />
      <p className="govuk-body">
        <Link href={`/admin/audit?subject=${encodeURIComponent(provider.id)}`} className="govuk-link">
          {t("admin.history")}
        </Link>
      </p>
      <p className="govuk-body">
        <Link href={`/admin/providers/${encodeURIComponent(provider.id)}/team`} className="govuk-link">
          {t("admin.team.link")}
        </Link>
      </p>
      <h2 className="govuk-heading-m">{t("admin.provider.schemes")}</h2>
      {provider.schemes.length === 0 ? (
        <p className="govuk-body">{t("admin.provider.noSchemes")}</p>
      ) : (
        <ScrollRegion label={t("admin.provider.schemes")}>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">{t("admin.provider.schemes")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("admin.name")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.scheme.version")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.scheme.methods")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.status")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {provider.schemes.map((scheme) => (
                <tr className="govuk-table__row" key={scheme.id}>
                  <td className="govuk-table__cell">
                    <Link href={`${base}/schemes/${encodeURIComponent(scheme.id)}`} className="govuk-link">
                      {scheme.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{scheme.version}</td>
                  <td className="govuk-table__cell">
                    <SchemeMethods methods={scheme.methods} />
                  </td>
                  <td className="govuk-table__cell">
                    <StatusTag retiredAt={scheme.retiredAt} />
                    {scheme.replacedById && <> {t("admin.scheme.replaced")}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {!provider.retiredAt && (
        <p className="govuk-body">
          <Link href={`${base}/schemes/new`} className="govuk-button govuk-button--secondary" role="button">
            {t("admin.scheme.add")}
          </Link>
        </p>
      )}
      <h2 className="govuk-heading-m">{t("admin.edit")}</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <DetailsForm
            id="edit-provider"
            key={`${provider.slug}-${provider.name}-${provider.country}`}
            initial={{ slug: provider.slug, name: provider.name, country: provider.country ?? "" }}
            submitLabel={t("admin.save")}
            busy={updated.fetching}
            onSend={async (values) => {
              const answer = await update({ input: { providerId: provider.id, ...values } });
              const payload = answer.data?.updateProvider;
              if (!payload) return null;
              if (payload.provider) done(t("admin.saved"));
              return payload.userErrors;
            }}
          />
          <RequestError error={updated.error} />
          <h2 className="govuk-heading-m">{t("admin.provider.directory")}</h2>
          <p className="govuk-body">
            {provider.published ? t("admin.provider.listedExplained") : t("admin.provider.unlistedExplained")}
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={updated.fetching}
            onClick={async () => {
              const answer = await update({ input: { providerId: provider.id, published: !provider.published } });
              const payload = answer.data?.updateProvider;
              if (payload?.provider) {
                done(payload.provider.published ? t("admin.provider.nowListed") : t("admin.provider.nowUnlisted"));
              }
            }}
          >
            {provider.published ? t("admin.provider.unpublish") : t("admin.provider.publish")}
          </button>
          {!provider.retiredAt && (
            <>
              <h2 className="govuk-heading-m">{t("admin.provider.retireHeading")}</h2>
              <RetireStep
                title={t("admin.provider.retireCheck", { name: provider.name })}
                buttonLabel={t("admin.provider.retire")}
                rows={[
                  { key: t("admin.name"), value: provider.name },
                  { key: t("admin.slug"), value: provider.slug },
                ]}
                effect={t("admin.provider.retireEffect")}
                busy={retired.fetching}
                onConfirm={async () => {
                  const answer = await retire({ input: { providerId: provider.id } });
                  const payload = answer.data?.retireProvider;
                  if (!payload) return null;
                  if (payload.provider) done(t("admin.provider.retiredBanner", { name: provider.name }));
                  return payload.userErrors;
                }}
              />
              <RequestError error={retired.error} />
            </>
          )}
        </div>
      </div>
    </>
  );
}

export function SchemeMethods({ methods }: { methods: readonly string[] }) {
  const { t, label } = useI18n();
  if (methods.length === 0) return <>{t("admin.scheme.methodsFromProfile")}</>;
  return <>{methods.map((m) => label("method", m)).join(", ")}</>;
}
