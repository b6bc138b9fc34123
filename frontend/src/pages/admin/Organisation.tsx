import { useMemo, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, Select, SubmitButton, useForm } from "../../design/forms";
import { ScrollRegion, SuccessBanner, SummaryList } from "../../design/patterns";
import {
  type AdminLinkFieldsFragment,
  AdminOrganisationDocument,
  type AdminOrganisationFieldsFragment,
  type AdminOrganisationQuery,
  LinkOrganisationProviderDocument,
  RetireOrganisationDocument,
  RetireOrganisationProviderLinkDocument,
  UpdateOrganisationDocument,
  UpdateOrganisationProviderLinkDocument,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { AdminMenu, DetailsForm, RetireStep, StatusTag, useBanner } from "./common";
import { useIdempotencyKey } from "../../lib/idempotency";

type Loaded = AdminOrganisationQuery;
type Org = AdminOrganisationFieldsFragment & { providerLinks: AdminLinkFieldsFragment[] };
type LinkRow = AdminLinkFieldsFragment;

/** One organisation: its details, the providers it takes part in, retiring it. */
export function AdminOrganisation({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminOrganisationDocument, variables: { id }, requestPolicy: "cache-and-network" });
  const [banner, show] = useBanner();
  const org = data?.node && "providerLinks" in data.node ? (data.node as Org) : null;
  const reload = () => refetch({ requestPolicy: "network-only" });
  const done = (message: string) => {
    show(message);
    reload();
  };
  return (
    <>
      <PageTitle text={org?.name ?? t("admin.organisations.title")} caption={t("admin.organisation.caption")} />
      <AdminMenu current="organisations" />
      {banner && <SuccessBanner key={banner.n} title={banner.text} />}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && !org && <p className="govuk-body">{t("admin.notFound")}</p>}
      {org && <Body org={org} providers={data?.providers.edges.map((e) => e.node) ?? []} done={done} />}
    </>
  );
}

function Body({
  org,
  providers,
  done,
}: {
  org: Org;
  providers: NonNullable<Loaded["providers"]>["edges"][number]["node"][];
  done(message: string): void;
}) {
  const { t, dateTime } = useI18n();
  const [updated, update] = useMutation(UpdateOrganisationDocument);
  const [retired, retire] = useMutation(RetireOrganisationDocument);
  return (
    <>
      <SummaryList
        rows={[
          { key: t("admin.name"), value: org.name },
          { key: t("admin.slug"), value: org.slug },
          { key: t("admin.country"), value: org.country || "—" },
          {
            key: t("admin.status"),
            value: (
              <>
                <StatusTag retiredAt={org.retiredAt} /> {org.retiredAt && dateTime(org.retiredAt)}
              </>
            ),
          },
        ]}
      />
      <p className="govuk-body">
        <Link href={`/admin/audit?subject=${encodeURIComponent(org.id)}`} className="govuk-link">
          {t("admin.history")}
        </Link>
      </p>
      <p className="govuk-body">
        <Link href={`/admin/organisations/${encodeURIComponent(org.id)}/team`} className="govuk-link">
          {t("admin.team.link")}
        </Link>
      </p>
      <h2 className="govuk-heading-m">{t("admin.organisation.links")}</h2>
      <Links org={org} providers={providers} done={done} />
      <h2 className="govuk-heading-m">{t("admin.edit")}</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <DetailsForm
            id="edit-organisation"
            key={`${org.slug}-${org.name}-${org.country}`}
            initial={{ slug: org.slug, name: org.name, country: org.country ?? "" }}
            submitLabel={t("admin.save")}
            busy={updated.fetching}
            onSend={async (values) => {
              const answer = await update({ input: { organisationId: org.id, ...values } });
              const payload = answer.data?.updateOrganisation;
              if (!payload) return null;
              if (payload.organisation) done(t("admin.saved"));
              return payload.userErrors;
            }}
          />
          <RequestError error={updated.error} />
          {!org.retiredAt && (
            <>
              <h2 className="govuk-heading-m">{t("admin.organisation.retireHeading")}</h2>
              <RetireStep
                title={t("admin.organisation.retireCheck", { name: org.name })}
                buttonLabel={t("admin.organisation.retire")}
                rows={[
                  { key: t("admin.name"), value: org.name },
                  { key: t("admin.slug"), value: org.slug },
                ]}
                effect={t("admin.organisation.retireEffect")}
                busy={retired.fetching}
                onConfirm={async () => {
                  const answer = await retire({ input: { organisationId: org.id } });
                  const payload = answer.data?.retireOrganisation;
                  if (!payload) return null;
                  if (payload.organisation) done(t("admin.organisation.retiredBanner", { name: org.name }));
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

function Links({
  org,
  providers,
  done,
}: {
  org: Org;
  providers: NonNullable<Loaded["providers"]>["edges"][number]["node"][];
  done(message: string): void;
}) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [linked, link] = useMutation(LinkOrganisationProviderDocument);
  const [key, renewKey] = useIdempotencyKey();
  const [changing, setChanging] = useState<LinkRow | null>(null);
  const choices = useMemo(
    () =>
      providers.flatMap((provider) =>
        provider.schemes.map((scheme) => ({
          value: `${provider.id} ${scheme.id}`,
          label: t("admin.link.choice", { provider: provider.name, scheme: scheme.name, version: scheme.version }),
        })),
      ),
    [providers, t],
  );
  const form = useForm({
    id: "link-provider",
    fields: {
      choice: {
        label: t("admin.link.providerScheme"),
        initial: "",
        required: true,
        requiredMessage: t("admin.link.choose"),
        serverNames: ["provider_id", "providerId", "scheme_id", "schemeId"],
      },
    },
  });
  return (
    <>
      {org.providerLinks.length === 0 ? (
        <p className="govuk-body">{t("admin.organisation.noLinks")}</p>
      ) : (
        <ScrollRegion label={t("admin.organisation.links")}>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">{t("admin.organisation.links")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("admin.link.provider")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.link.scheme")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.status")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.actions")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {org.providerLinks.map((row) => (
                <tr className="govuk-table__row" key={row.id}>
                  <td className="govuk-table__cell">
                    {row.provider && (
                      <Link href={`/admin/providers/${encodeURIComponent(row.provider.id)}`} className="govuk-link">
                        {row.provider.name}
                      </Link>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {row.scheme && t("admin.scheme.nameVersion", { name: row.scheme.name, version: row.scheme.version })}
                  </td>
                  <td className="govuk-table__cell">
                    <StatusTag retiredAt={row.retiredAt} />
                  </td>
                  <td className="govuk-table__cell">
                    {!row.retiredAt && (
                      <button type="button" className="govuk-link parley-link-button" onClick={() => setChanging(row)}>
                        {t("admin.link.change", { provider: row.provider?.name ?? "" })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {changing && (
        <ChangeLink
          key={changing.id}
          row={changing}
          schemes={providers.find((p) => p.id === changing.provider?.id)?.schemes ?? []}
          done={(message) => {
            setChanging(null);
            done(message);
          }}
          cancel={() => setChanging(null)}
        />
      )}
      {!org.retiredAt && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h3 className="govuk-heading-s">{t("admin.link.add")}</h3>
            <FormShell
              form={form}
              onSubmit={form.onSubmit(async (values) => {
                const [providerId, schemeId] = values.choice.split(" ");
                const answer = await link({
                  input: { organisationId: org.id, providerId, schemeId, idempotencyKey: `${key}-${values.choice}` },
                });
                const payload = answer.data?.linkOrganisationProvider;
                if (!payload) return [{ field: "", message: t("admin.notSaved") }];
                renewKey();
                if (payload.link) {
                  form.reset();
                  done(t("admin.link.added", { provider: payload.link.provider?.name ?? "" }));
                }
                return form.fromUserErrors(payload.userErrors, describe);
              })}
            >
              <Select bound={form.bind("choice")} options={choices} hint={t("admin.link.hint")} />
              <RequestError error={linked.error} />
              <SubmitButton busy={linked.fetching}>{t("admin.link.addButton")}</SubmitButton>
            </FormShell>
          </div>
        </div>
      )}
    </>
  );
}

/** Refer under another scheme of the link's provider, or stop referring there (retire). */
function ChangeLink({
  row,
  schemes,
  done,
  cancel,
}: {
  row: LinkRow;
  schemes: { id: string; name: string; version: number }[];
  done(message: string): void;
  cancel(): void;
}) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [updated, update] = useMutation(UpdateOrganisationProviderLinkDocument);
  const [retired, retire] = useMutation(RetireOrganisationProviderLinkDocument);
  const form = useForm({
    id: "change-link",
    fields: {
      schemeId: {
        label: t("admin.link.scheme"),
        initial: row.scheme?.id ?? "",
        required: true,
        serverNames: ["scheme_id", "schemeId"],
      },
    },
  });
  const provider = row.provider?.name ?? "";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h3 className="govuk-heading-s">{t("admin.link.changeHeading", { provider })}</h3>
        <FormShell
          form={form}
          onSubmit={form.onSubmit(async (values) => {
            const answer = await update({ input: { linkId: row.id, schemeId: values.schemeId } });
            const payload = answer.data?.updateOrganisationProviderLink;
            if (!payload) return [{ field: "", message: t("admin.notSaved") }];
            if (payload.link) done(t("admin.saved"));
            return form.fromUserErrors(payload.userErrors, describe);
          })}
        >
          <Select
            bound={form.bind("schemeId")}
            options={schemes.map((s) => ({
              value: s.id,
              label: t("admin.scheme.nameVersion", { name: s.name, version: s.version }),
            }))}
          />
          <RequestError error={updated.error} />
          <div className="govuk-button-group">
            <SubmitButton busy={updated.fetching}>{t("admin.save")}</SubmitButton>
            <button type="button" className="govuk-link parley-link-button" onClick={cancel}>
              {t("admin.cancel")}
            </button>
          </div>
        </FormShell>
        <RetireStep
          title={t("admin.link.retireCheck", { provider })}
          buttonLabel={t("admin.link.retire")}
          rows={[
            { key: t("admin.link.provider"), value: provider },
            { key: t("admin.link.scheme"), value: row.scheme?.name ?? "" },
          ]}
          effect={t("admin.link.retireEffect")}
          busy={retired.fetching}
          onConfirm={async () => {
            const answer = await retire({ input: { linkId: row.id } });
            const payload = answer.data?.retireOrganisationProviderLink;
            if (!payload) return null;
            if (payload.link) done(t("admin.link.retiredBanner", { provider }));
            return payload.userErrors;
          }}
        />
        <RequestError error={retired.error} />
      </div>
    </div>
  );
}
