import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, UserErrors, useDescribeUserError, type UserErrorLike } from "../../components/Status";
import { FormShell, SubmitButton, TextInput, useForm } from "../../design/forms";
import { Confirmation, ScrollRegion, SuccessBanner, SummaryList } from "../../design/patterns";
import {
  CreateWebhookDocument,
  PauseWebhookDocument,
  PingWebhookDocument,
  RedeliverWebhookDocument,
  ResumeWebhookDocument,
  UpdateWebhookDocument,
  WebhookSubscriptionLogDocument,
  type WebhookDeliveryFieldsFragment,
  type WebhookSubscriptionFieldsFragment,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { ActiveTag, DeliveryTag, EventKindsField, SecretOnce, eventKinds, useOwners } from "./shared";

const URL_MAX = 2048;
const DESCRIPTION_MAX = 200;

function BackLink() {
  const { t } = useI18n();
  return (
    <p className="govuk-body">
      <Link href="/integrations" className="govuk-link">
        {t("integrations.back")}
      </Link>
    </p>
  );
}

/** The subscription's URL, description and event kinds, for creating and for changing it. */
function useWebhookForm(id: string, initial?: WebhookSubscriptionFieldsFragment) {
  const { t } = useI18n();
  return useForm({
    id,
    fields: {
      url: { label: t("integrations.url"), initial: initial?.url ?? "", required: true, maxLength: URL_MAX },
      description: {
        label: t("integrations.description"),
        initial: initial?.description ?? "",
        maxLength: DESCRIPTION_MAX,
      },
      kinds: {
        label: t("integrations.events"),
        initial: (initial?.kinds ?? []).join(","),
        required: true,
        requiredMessage: t("integrations.eventsMissing"),
        serverNames: ["kinds", "event_kinds", "eventKinds"],
      },
    },
  });
}

function WebhookFields({ form }: { form: ReturnType<typeof useWebhookForm> }) {
  const { t } = useI18n();
  const kinds = form.bind("kinds");
  const selected = eventKinds(String(kinds.value));
  return (
    <>
      <TextInput
        bound={form.bind("url")}
        hint={<span className="parley-prose">{t("integrations.urlHint")}</span>}
        spellCheck={false}
        inputMode="text"
      />
      <TextInput bound={form.bind("description")} hint={t("integrations.descriptionHint")} />
      <EventKindsField
        id={kinds.id}
        selected={selected}
        onChange={(next) => kinds.onChange(next.join(","))}
        error={kinds.error}
      />
    </>
  );
}

/** Subscribe an endpoint; then its signing secret, shown once. */
export function CreateWebhook({ owner: ownerParam }: { owner: string }) {
  const { t } = useI18n();
  const organisationId = decodeURIComponent(ownerParam);
  const owner = useOwners().find((o) => o.id === organisationId);
  const [result, create] = useMutation(CreateWebhookDocument);
  const describe = useDescribeUserError();
  const form = useWebhookForm("create-webhook");
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  if (created) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle text={t("integrations.webhookCreated")} caption={owner?.name} />
          <Confirmation title={t("integrations.webhookCreated")} receiptMailed={false}>
            <SecretOnce label={t("integrations.signingSecret")} value={created.secret} testId="webhook-secret" />
            <p className="govuk-body">{t("integrations.webhookNext")}</p>
            <p className="govuk-body">
              <Link href={`/integrations/webhooks/${encodeURIComponent(created.id)}`} className="govuk-link">
                {t("integrations.manageThis")}
              </Link>
            </p>
          </Confirmation>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("integrations.createWebhook")} caption={owner?.name} />
        <p className="govuk-body">{t("integrations.createWebhookIntro")}</p>
        <FormShell
          form={form}
          onSubmit={form.onSubmit(async (values) => {
            const answer = await create({
              input: {
                organisationId,
                url: values.url,
                description: values.description,
                kinds: eventKinds(values.kinds),
              },
            });
            const payload = answer.data?.createWebhookSubscription;
            if (payload?.subscription && payload.secret) {
              setCreated({ id: payload.subscription.id, secret: payload.secret });
              return [];
            }
            if (payload) return form.fromUserErrors(payload.userErrors, describe);
            return [{ field: "", message: t("integrations.notSent") }];
          })}
        >
          <WebhookFields form={form} />
          <RequestError error={result.error} />
          <SubmitButton busy={result.fetching}>{t("integrations.createWebhook")}</SubmitButton>
        </FormShell>
        <BackLink />
      </div>
    </div>
  );
}

/** One subscription: what it is, pause or resume, a test ping, the delivery log (with
 * redelivery), and a form to change it. */
export function WebhookDetail({ id: idParam }: { id: string }) {
  const { t } = useI18n();
  const id = decodeURIComponent(idParam);
  const [{ data, fetching, error }, reload] = useQuery({
    query: WebhookSubscriptionLogDocument,
    variables: { id, first: 50 },
    requestPolicy: "cache-and-network",
  });
  const node = data?.node;
  const subscription = node && "url" in node ? node : null;
  return (
    <>
      <PageTitle text={t("integrations.webhookTitle")} caption={subscription?.url} />
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && !subscription && <p className="govuk-body">{t("error.NOT_FOUND")}</p>}
      {subscription && (
        <>
          <Overview subscription={subscription} onChanged={() => reload({ requestPolicy: "network-only" })} />
          <DeliveryLog
            deliveries={subscription.deliveries.edges.map((edge) => edge.node)}
            more={subscription.deliveries.pageInfo.hasNextPage}
            onRefresh={() => reload({ requestPolicy: "network-only" })}
          />
          <Change subscription={subscription} />
        </>
      )}
      <BackLink />
    </>
  );
}

/** What it is, and pause, resume and ping; ``onChanged`` reloads the page's data (the log). */
function Overview({
  subscription,
  onChanged,
}: {
  subscription: WebhookSubscriptionFieldsFragment;
  onChanged(): void;
}) {
  const { t, label, dateTime } = useI18n();
  const [pauseResult, pause] = useMutation(PauseWebhookDocument);
  const [resumeResult, resume] = useMutation(ResumeWebhookDocument);
  const [pingResult, ping] = useMutation(PingWebhookDocument);
  const [banner, setBanner] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [pinged, setPinged] = useState<WebhookDeliveryFieldsFragment | null>(null);
  const busy = pauseResult.fetching || resumeResult.fetching || pingResult.fetching;
  const attempt = pinged?.attempts[0];
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="govuk-heading-m">
        {t("integrations.overview")}
      </h2>
      {banner && <SuccessBanner title={banner} />}
      <UserErrors errors={errors} />
      <RequestError error={pauseResult.error ?? resumeResult.error ?? pingResult.error} />
      <SummaryList
        rows={[
          { key: t("integrations.url"), value: <span className="parley-hash">{subscription.url}</span> },
          { key: t("integrations.description"), value: subscription.description || "—" },
          {
            key: t("integrations.events"),
            value: subscription.kinds.map((kind) => label("event", kind.toLowerCase())).join(", "),
          },
          {
            key: t("integrations.status"),
            value: (
              <span data-testid="webhook-status">
                <ActiveTag active={subscription.active} paused />
              </span>
            ),
          },
          { key: t("integrations.created"), value: dateTime(subscription.createdAt) },
        ]}
      />
      {!subscription.active && <p className="govuk-inset-text">{t("integrations.pausedExplained")}</p>}
      <div className="govuk-button-group">
        {subscription.active ? (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={busy}
            onClick={async () => {
              setBanner(null);
              const answer = await pause({ id: subscription.id });
              const payload = answer.data?.pauseWebhookSubscription;
              setErrors(payload?.userErrors ?? []);
              if (payload?.subscription) {
                setBanner(t("integrations.pausedBanner"));
                onChanged();
              }
            }}
          >
            {t("integrations.pause")}
          </button>
        ) : (
          <button
            type="button"
            className="govuk-button"
            disabled={busy}
            onClick={async () => {
              setBanner(null);
              const answer = await resume({ id: subscription.id });
              const payload = answer.data?.resumeWebhookSubscription;
              setErrors(payload?.userErrors ?? []);
              if (payload?.subscription) {
                setBanner(t("integrations.resumedBanner"));
                onChanged();
              }
            }}
          >
            {t("integrations.resume")}
          </button>
        )}
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          disabled={busy}
          onClick={async () => {
            setBanner(null);
            setPinged(null);
            const answer = await ping({ id: subscription.id });
            const payload = answer.data?.pingWebhookSubscription;
            setErrors(payload?.userErrors ?? []);
            if (payload?.delivery) {
              setPinged(payload.delivery);
              onChanged();
            }
          }}
        >
          {t("integrations.ping")}
        </button>
      </div>
      {pinged && (
        <div className="govuk-inset-text" role="status" data-testid="ping-result">
          {pinged.status === "DELIVERED"
            ? t("integrations.pingDelivered", {
                code: attempt?.responseStatus ?? "—",
                ms: attempt?.durationMs ?? "—",
              })
            : t("integrations.pingFailed", {
                code: attempt?.responseStatus ?? "—",
                error: attempt?.error || "—",
              })}
        </div>
      )}
    </section>
  );
}

function DeliveryLog({
  deliveries,
  more,
  onRefresh,
}: {
  deliveries: readonly WebhookDeliveryFieldsFragment[];
  more: boolean;
  onRefresh(): void;
}) {
  const { t, label, dateTime } = useI18n();
  const [result, redeliver] = useMutation(RedeliverWebhookDocument);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading" className="govuk-heading-m">
        {t("integrations.log")}
      </h2>
      <p className="govuk-body">{t("integrations.logIntro")}</p>
      {banner && <SuccessBanner title={banner} />}
      <UserErrors errors={errors} />
      <RequestError error={result.error} />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onRefresh}>
        {t("integrations.refresh")}
      </button>
      {deliveries.length === 0 ? (
        <p className="govuk-body">{t("integrations.noDeliveries")}</p>
      ) : (
        <ScrollRegion label={t("integrations.log")}>
          <table className="govuk-table" data-testid="delivery-log">
            <caption className="govuk-table__caption govuk-visually-hidden">{t("integrations.log")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("integrations.time")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.event")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.status")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.responseCode")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.duration")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.error")}</th>
                <th scope="col" className="govuk-table__header">{t("integrations.actions")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {deliveries.flatMap((delivery) => {
                const attempts = delivery.attempts.length > 0 ? delivery.attempts : [null];
                return attempts.map((attempt, index) => (
                  <tr
                    className="govuk-table__row"
                    key={`${delivery.id}-${attempt?.number ?? 0}-${index}`}
                    data-event={delivery.eventKind}
                    data-webhook-id={delivery.webhookId}
                  >
                    <td className="govuk-table__cell">{dateTime(attempt?.startedAt ?? delivery.createdAt)}</td>
                    <td className="govuk-table__cell">
                      {delivery.eventKind === "ping" ? t("integrations.pingEvent") : label("event", delivery.eventKind)}
                    </td>
                    <td className="govuk-table__cell">
                      {index === 0 ? (
                        <DeliveryTag status={delivery.status} />
                      ) : (
                        label("attemptOutcome", attempt?.outcome)
                      )}
                    </td>
                    <td className="govuk-table__cell" data-testid="response-code">
                      {attempt?.responseStatus ?? "—"}
                    </td>
                    <td className="govuk-table__cell">
                      {attempt?.durationMs != null ? t("integrations.ms", { ms: attempt.durationMs }) : "—"}
                    </td>
                    <td className="govuk-table__cell parley-hash">{attempt?.error || "—"}</td>
                    <td className="govuk-table__cell">
                      {index === 0 && (delivery.status === "DELIVERED" || delivery.status === "DEAD") && (
                        <button
                          type="button"
                          className="govuk-link parley-link-button"
                          aria-label={`${t("integrations.redeliver")} ${delivery.webhookId}`}
                          disabled={result.fetching}
                          onClick={async () => {
                            setBanner(null);
                            const answer = await redeliver({ id: delivery.id });
                            const payload = answer.data?.redeliverWebhookDelivery;
                            setErrors(payload?.userErrors ?? []);
                            if (payload?.delivery) {
                              setBanner(t("integrations.redeliverQueued"));
                              onRefresh();
                            }
                          }}
                        >
                          {t("integrations.redeliver")}
                        </button>
                      )}
                    </td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {more && <p className="govuk-body">{t("integrations.logMore")}</p>}
    </section>
  );
}

function Change({ subscription }: { subscription: WebhookSubscriptionFieldsFragment }) {
  const { t } = useI18n();
  const [result, update] = useMutation(UpdateWebhookDocument);
  const describe = useDescribeUserError();
  const form = useWebhookForm("change-webhook", subscription);
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="change-heading">
      <h2 id="change-heading" className="govuk-heading-m">
        {t("integrations.change")}
      </h2>
      {saved && <SuccessBanner title={t("integrations.changedBanner")} />}
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          setSaved(false);
          const answer = await update({
            input: {
              id: subscription.id,
              url: values.url,
              description: values.description,
              kinds: eventKinds(values.kinds),
            },
          });
          const payload = answer.data?.updateWebhookSubscription;
          if (payload?.subscription) {
            setSaved(true);
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("integrations.notSent") }];
        })}
      >
        <WebhookFields form={form} />
        <RequestError error={result.error} />
        <SubmitButton busy={result.fetching}>{t("integrations.save")}</SubmitButton>
      </FormShell>
    </section>
  );
}
