import { useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { ScrollRegion } from "../../design/patterns";
import { IntegrationClientsDocument, WebhookSubscriptionsDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { ActiveTag, ScopeList, useOwners, type Owner } from "./shared";

/** An organisation's or provider's integrations: its clients and (organisations) its webhook
 * subscriptions, each with what can be done to it. */
export function Integrations() {
  const { t } = useI18n();
  const owners = useOwners();
  const [ownerId, setOwnerId] = useState(owners[0]?.id ?? "");
  const owner = owners.find((o) => o.id === ownerId) ?? owners[0];
  return (
    <>
      <PageTitle text={t("integrations.title")} caption={owner?.name} />
      <p className="govuk-body">{t("integrations.intro")}</p>
      {owners.length > 1 && (
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="integrations-owner">
            {t("integrations.owner")}
          </label>
          <select
            id="integrations-owner"
            className="govuk-select"
            value={owner?.id}
            onChange={(event) => setOwnerId(event.target.value)}
          >
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {owner ? (
        <>
          <Clients owner={owner} />
          {owner.kind === "organisation" && <Webhooks owner={owner} />}
        </>
      ) : (
        <p className="govuk-body">{t("integrations.noOwner")}</p>
      )}
    </>
  );
}

function Clients({ owner }: { owner: Owner }) {
  const { t, label, dateTime } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: IntegrationClientsDocument,
    variables: { ownerId: owner.id },
    requestPolicy: "cache-and-network",
  });
  const clients = data?.integrationClients ?? [];
  return (
    <section aria-labelledby="clients-heading">
      <h2 id="clients-heading" className="govuk-heading-m">
        {t("integrations.clients")}
      </h2>
      <p className="govuk-body">{t("integrations.clientsIntro")}</p>
      <Link href={`/integrations/${encodeURIComponent(owner.id)}/clients/new`} className="govuk-button">
        {t("integrations.createClient")}
      </Link>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && clients.length === 0 && <p className="govuk-body">{t("integrations.noClients")}</p>}
      {clients.length > 0 && (
        <ScrollRegion label={t("integrations.clients")}>
          <table className="govuk-table" data-testid="clients-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{t("integrations.clients")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("integrations.name")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.clientId")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.role")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.status")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.lastUsed")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.actions")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {clients.map((client) => (
                <tr className="govuk-table__row" key={client.id}>
                  <td className="govuk-table__cell">{client.name}</td>
                  <td className="govuk-table__cell parley-hash">{client.clientId}</td>
                  <td className="govuk-table__cell">
                    {label("clientRole", client.role)}
                    <ScopeList scopes={client.scopes} />
                  </td>
                  <td className="govuk-table__cell">
                    <ActiveTag active={client.active} />
                    {client.previousSecretExpiresAt && (
                      <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                        {t("integrations.oldSecretUntil", { when: dateTime(client.previousSecretExpiresAt) })}
                      </p>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {client.lastUsedAt ? dateTime(client.lastUsedAt) : t("integrations.never")}
                  </td>
                  <td className="govuk-table__cell">
                    {client.active && (
                      <ul className="govuk-list">
                        <li>
                          <Link href={`/integrations/clients/${encodeURIComponent(client.id)}/rotate`} className="govuk-link"
                            aria-label={`${t("integrations.rotate")}: ${client.name}`}
                          >
                            {t("integrations.rotate")}
                          </Link>
                        </li>
                        <li>
                          <Link href={`/integrations/clients/${encodeURIComponent(client.id)}/disable`} className="govuk-link"
                            aria-label={`${t("integrations.disable")}: ${client.name}`}
                          >
                            {t("integrations.disable")}
                          </Link>
                        </li>
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function Webhooks({ owner }: { owner: Owner }) {
  const { t, label } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: WebhookSubscriptionsDocument,
    variables: { organisationId: owner.id },
    requestPolicy: "cache-and-network",
  });
  const subscriptions = data?.webhookSubscriptions ?? [];
  return (
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading" className="govuk-heading-m">
        {t("integrations.webhooks")}
      </h2>
      <p className="govuk-body">{t("integrations.webhooksIntro")}</p>
      <Link href={`/integrations/${encodeURIComponent(owner.id)}/webhooks/new`} className="govuk-button">
        {t("integrations.createWebhook")}
      </Link>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && subscriptions.length === 0 && <p className="govuk-body">{t("integrations.noWebhooks")}</p>}
      {subscriptions.length > 0 && (
        <ScrollRegion label={t("integrations.webhooks")}>
          <table className="govuk-table" data-testid="webhooks-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{t("integrations.webhooks")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("integrations.url")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.events")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.status")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.actions")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {subscriptions.map((subscription) => (
                <tr className="govuk-table__row" key={subscription.id}>
                  <td className="govuk-table__cell parley-hash">
                    {subscription.url}
                    {subscription.description && (
                      <p className="govuk-body-s govuk-!-margin-bottom-0">{subscription.description}</p>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {subscription.kinds.map((kind) => label("event", kind.toLowerCase())).join(", ")}
                  </td>
                  <td className="govuk-table__cell">
                    <ActiveTag active={subscription.active} paused />
                  </td>
                  <td className="govuk-table__cell">
                    <Link href={`/integrations/webhooks/${encodeURIComponent(subscription.id)}`} className="govuk-link"
                      aria-label={`${t("integrations.manage")}: ${subscription.url}`}
                    >
                      {t("integrations.manage")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
