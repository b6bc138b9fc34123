import { useMemo, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { ScrollRegion, SuccessBanner } from "../../design/patterns";
import { AdminProvidersDocument, CreateProviderDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { AdminMenu, DetailsForm, StatusTag } from "./common";

/** Every provider, retired ones too, and the form that adds one. */
export function AdminProviders() {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminProvidersDocument, requestPolicy: "cache-and-network" });
  const [created, create] = useMutation(CreateProviderDocument);
  const [done, setDone] = useState<{ id: string; name: string } | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const providers = useMemo(() => data?.providers.edges.map((edge) => edge.node) ?? [], [data]);
  return (
    <>
      <PageTitle text={t("admin.providers.title")} caption={t("admin.caption")} />
      <AdminMenu current="providers" />
      {done && (
        <SuccessBanner title={t("admin.providers.created", { name: done.name })}>
          <p className="govuk-body">
            <Link href={`/admin/providers/${encodeURIComponent(done.id)}`} className="govuk-link">
              {t("admin.providers.openCreated", { name: done.name })}
            </Link>
          </p>
        </SuccessBanner>
      )}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && providers.length === 0 && <p className="govuk-body">{t("admin.providers.none")}</p>}
      {providers.length > 0 && (
        <ScrollRegion label={t("admin.providers.table")}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("admin.providers.table")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("admin.name")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.slug")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.country")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.status")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {providers.map((provider) => (
                <tr className="govuk-table__row" key={provider.id}>
                  <td className="govuk-table__cell">
                    <Link href={`/admin/providers/${encodeURIComponent(provider.id)}`} className="govuk-link">
                      {provider.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{provider.slug}</td>
                  <td className="govuk-table__cell">{provider.country}</td>
                  <td className="govuk-table__cell">
                    <StatusTag retiredAt={provider.retiredAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h2 className="govuk-heading-m">{t("admin.providers.add")}</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <DetailsForm
            id="create-provider"
            initial={{ slug: "", name: "", country: "" }}
            submitLabel={t("admin.providers.addButton")}
            busy={created.fetching}
            onSend={async (values) => {
              const answer = await create({ input: { ...values, idempotencyKey: key } });
              const payload = answer.data?.createProvider;
              if (!payload) return null;
              if (payload.provider) {
                setDone({ id: payload.provider.id, name: payload.provider.name });
                setKey(crypto.randomUUID());
                refetch({ requestPolicy: "network-only" });
              }
              return payload.userErrors;
            }}
          />
          <RequestError error={created.error} />
        </div>
      </div>
    </>
  );
}
