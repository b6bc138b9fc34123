import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, UserErrors, useDescribeUserError, type UserErrorLike } from "../../components/Status";
import { Checkboxes, FormShell, Radios, SubmitButton, TextInput, useForm } from "../../design/forms";
import { CheckPage, Confirmation, SummaryList } from "../../design/patterns";
import {
  CreateIntegrationClientDocument,
  DisableIntegrationClientDocument,
  IntegrationClientDocument,
  RotateIntegrationClientSecretDocument,
  type IntegrationClientFieldsFragment,
  type OAuthScope,
  type Role,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { ScopeList, SecretOnce, useOwners } from "./shared";

const BACK = "/integrations";

function BackLink() {
  const { t } = useI18n();
  return (
    <p className="govuk-body">
      <Link href={BACK} className="govuk-link">
        {t("integrations.back")}
      </Link>
    </p>
  );
}

/** The new client's id and its secret, shown this once. */
function Credentials({ client, secret }: { client: IntegrationClientFieldsFragment; secret: string }) {
  const { t } = useI18n();
  return (
    <>
      <SummaryList
        rows={[
          { key: t("integrations.name"), value: client.name },
          { key: t("integrations.clientId"), value: <span className="parley-hash" data-testid="client-id">{client.clientId}</span> },
          { key: t("integrations.scopes"), value: <ScopeList scopes={client.scopes} /> },
        ]}
      />
      <SecretOnce label={t("integrations.clientSecret")} value={secret} testId="client-secret" />
    </>
  );
}

/** Create a client: a name and a role; then its secret, shown once. */
export function CreateClient({ owner: ownerParam }: { owner: string }) {
  const { t, label } = useI18n();
  const ownerId = decodeURIComponent(ownerParam);
  const owner = useOwners().find((o) => o.id === ownerId);
  const [result, create] = useMutation(CreateIntegrationClientDocument);
  const describe = useDescribeUserError();
  const [created, setCreated] = useState<{ client: IntegrationClientFieldsFragment; secret: string } | null>(null);
  const roles: Role[] = owner?.kind === "provider" ? ["PROVIDER_CASEWORKER"] : ["ORG_AGENT", "ORG_MANAGER"];
  // Webhooks are an organisation's: a provider's client has nothing to manage with the scope.
  const scopes: OAuthScope[] = owner?.kind === "provider" ? ["READ", "WRITE"] : ["READ", "WRITE", "WEBHOOKS"];
  const form = useForm({
    id: "create-client",
    fields: {
      name: { label: t("integrations.name"), initial: "", required: true, maxLength: 200 },
      role: { label: t("integrations.role"), initial: roles.length === 1 ? roles[0] : "", required: true },
      scopes: {
        label: t("integrations.scopes"),
        initial: scopes.join(" "),
        required: true,
        requiredMessage: t("integrations.scopesRequired"),
      },
    },
  });
  if (created) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle text={t("integrations.clientCreated")} caption={owner?.name} />
          <Confirmation title={t("integrations.clientCreated")} receiptMailed={false}>
            <Credentials client={created.client} secret={created.secret} />
            <p className="govuk-body">{t("integrations.clientNext")}</p>
            <BackLink />
          </Confirmation>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("integrations.createClient")} caption={owner?.name} />
        <p className="govuk-body">{t("integrations.createClientIntro")}</p>
        <FormShell
          form={form}
          onSubmit={form.onSubmit(async (values) => {
            const answer = await create({
              input: {
                ownerId,
                name: values.name,
                role: values.role as Role,
                scopes: values.scopes.split(" ").filter(Boolean) as OAuthScope[],
              },
            });
            const payload = answer.data?.createIntegrationClient;
            if (payload?.client && payload.clientSecret) {
              setCreated({ client: payload.client, secret: payload.clientSecret });
              return [];
            }
            if (payload) return form.fromUserErrors(payload.userErrors, describe);
            return [{ field: "", message: t("integrations.notSent") }];
          })}
        >
          <TextInput bound={form.bind("name")} hint={t("integrations.nameHint")} />
          <Radios
            bound={form.bind("role")}
            options={roles.map((role) => ({
              value: role,
              label: label("clientRole", role),
              hint: label("clientRoleHint", role),
            }))}
          />
          <Checkboxes
            bound={form.bind("scopes")}
            hint={t("integrations.scopesHint")}
            options={scopes.map((scope) => ({
              value: scope,
              label: label("clientScope", scope),
              hint: label("clientScopeHint", scope),
            }))}
          />
          <RequestError error={result.error} />
          <SubmitButton busy={result.fetching}>{t("integrations.createClient")}</SubmitButton>
        </FormShell>
        <BackLink />
      </div>
    </div>
  );
}

function useClient(id: string) {
  const [{ data, fetching, error }] = useQuery({ query: IntegrationClientDocument, variables: { id } });
  const node = data?.node;
  const client = node && "clientId" in node ? (node as IntegrationClientFieldsFragment) : null;
  return { client, fetching, error, loaded: data !== undefined };
}

/** Rotate a client's secret: a check page (what happens to the old secret), then the new
 * secret, shown once. */
export function RotateClient({ id: idParam }: { id: string }) {
  const { t, dateTime } = useI18n();
  const id = decodeURIComponent(idParam);
  const { client, fetching, error, loaded } = useClient(id);
  const [result, rotate] = useMutation(RotateIntegrationClientSecretDocument);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [rotated, setRotated] = useState<{ client: IntegrationClientFieldsFragment; secret: string } | null>(null);
  if (rotated) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle text={t("integrations.rotated")} />
          <Confirmation title={t("integrations.rotated")} receiptMailed={false}>
            <Credentials client={rotated.client} secret={rotated.secret} />
            <p className="govuk-body">
              {rotated.client.previousSecretExpiresAt
                ? t("integrations.rotatedOverlap", { when: dateTime(rotated.client.previousSecretExpiresAt) })
                : t("integrations.rotatedAtOnce")}
            </p>
            <BackLink />
          </Confirmation>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("integrations.rotateTitle")} />
        {fetching && <Loading />}
        <RequestError error={error} />
        {loaded && !client && <p className="govuk-body">{t("error.NOT_FOUND")}</p>}
        {client && (
          <CheckPage
            title={t("integrations.rotateCheck")}
            rows={[
              { key: t("integrations.name"), value: client.name },
              { key: t("integrations.clientId"), value: <span className="parley-hash">{client.clientId}</span> },
            ]}
            effect={t("integrations.rotateEffect")}
            confirmLabel={t("integrations.rotateConfirm")}
            busy={result.fetching}
            onBack={() => history.back()}
            onConfirm={async () => {
              const answer = await rotate({ id });
              const payload = answer.data?.rotateIntegrationClientSecret;
              if (payload?.client && payload.clientSecret) {
                setRotated({ client: payload.client, secret: payload.clientSecret });
              } else {
                setErrors(payload?.userErrors ?? []);
              }
            }}
          >
            <UserErrors errors={errors} />
            <RequestError error={result.error} />
          </CheckPage>
        )}
        <BackLink />
      </div>
    </div>
  );
}

/** Disable a client for good: a check page, then a confirmation. */
export function DisableClient({ id: idParam }: { id: string }) {
  const { t } = useI18n();
  const id = decodeURIComponent(idParam);
  const { client, fetching, error, loaded } = useClient(id);
  const [result, disable] = useMutation(DisableIntegrationClientDocument);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [done, setDone] = useState(false);
  if (done && client) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle text={t("integrations.disabledTitle")} />
          <Confirmation title={t("integrations.disabledTitle")} reference={client.clientId} receiptMailed={false}>
            <p className="govuk-body">{t("integrations.disabledNext")}</p>
            <BackLink />
          </Confirmation>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("integrations.disableTitle")} />
        {fetching && <Loading />}
        <RequestError error={error} />
        {loaded && !client && <p className="govuk-body">{t("error.NOT_FOUND")}</p>}
        {client && (
          <CheckPage
            title={t("integrations.disableCheck")}
            rows={[
              { key: t("integrations.name"), value: client.name },
              { key: t("integrations.clientId"), value: <span className="parley-hash">{client.clientId}</span> },
            ]}
            effect={t("integrations.disableEffect")}
            confirmLabel={t("integrations.disableConfirm")}
            busy={result.fetching}
            onBack={() => history.back()}
            onConfirm={async () => {
              const answer = await disable({ id });
              const payload = answer.data?.disableIntegrationClient;
              if (payload?.client) setDone(true);
              else setErrors(payload?.userErrors ?? []);
            }}
          >
            <UserErrors errors={errors} />
            <RequestError error={result.error} />
          </CheckPage>
        )}
        <BackLink />
      </div>
    </div>
  );
}
