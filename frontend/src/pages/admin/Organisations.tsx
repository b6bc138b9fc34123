import { useMemo, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { ScrollRegion, SuccessBanner } from "../../design/patterns";
import { AdminOrganisationsDocument, CreateOrganisationDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { AdminMenu, DetailsForm, StatusTag } from "./common";

/** Every organisation, retired ones too, and the form that adds one. */
export function AdminOrganisations() {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminOrganisationsDocument, requestPolicy: "cache-and-network" });
  const [created, create] = useMutation(CreateOrganisationDocument);
  const [done, setDone] = useState<{ id: string; name: string } | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const organisations = useMemo(() => data?.organisations.edges.map((edge) => edge.node) ?? [], [data]);
  return (
    <>
      <PageTitle text={t("admin.organisations.title")} caption={t("admin.caption")} />
      <AdminMenu current="organisations" />
      {done && (
        <SuccessBanner title={t("admin.organisations.created", { name: done.name })}>
          <p className="govuk-body">
            <Link href={`/admin/organisations/${encodeURIComponent(done.id)}`} className="govuk-link">
              {t("admin.organisations.openCreated", { name: done.name })}
            </Link>
          </p>
        </SuccessBanner>
      )}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && organisations.length === 0 && <p className="govuk-body">{t("admin.organisations.none")}</p>}
      {organisations.length > 0 && (
        <ScrollRegion label={t("admin.organisations.table")}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("admin.organisations.table")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("admin.name")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.slug")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.country")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.status")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {organisations.map((org) => (
                <tr className="govuk-table__row" key={org.id}>
                  <td className="govuk-table__cell">
                    <Link href={`/admin/organisations/${encodeURIComponent(org.id)}`} className="govuk-link">
                      {org.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{org.slug}</td>
                  <td className="govuk-table__cell">{org.country}</td>
                  <td className="govuk-table__cell">
                    <StatusTag retiredAt={org.retiredAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h2 className="govuk-heading-m">{t("admin.organisations.add")}</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <DetailsForm
            id="create-organisation"
            initial={{ slug: "", name: "", country: "" }}
            submitLabel={t("admin.organisations.addButton")}
            busy={created.fetching}
            onSend={async (values) => {
              const answer = await create({ input: { ...values, idempotencyKey: key } });
              const payload = answer.data?.createOrganisation;
              if (!payload) return null;
              if (payload.organisation) {
                setDone({ id: payload.organisation.id, name: payload.organisation.name });
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
