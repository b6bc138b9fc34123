// What the integration pages share: whose integrations the viewer manages (from their roles;
// the server decides, portal/auth/policy.py), the event kinds a subscription can choose (the
// schema's EventKind values, generated into src/gql/eventKinds.ts by `npm run codegen`), and
// a secret shown once with a copy button.
import { useState } from "react";
import type { ReactNode } from "react";
import { Tag } from "../../design/patterns";
import { EVENT_KINDS } from "../../gql/eventKinds";
import type { EventKind, OAuthScope } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";

export interface Owner {
  id: string;
  name: string;
  kind: "organisation" | "provider";
}

/** The organisations the viewer manages (ORG_MANAGER) and the providers they work for as a
 * caseworker (the provider's managing role). */
export function useOwners(): Owner[] {
  const { viewer } = useAuth();
  const owners: Owner[] = [];
  for (const membership of viewer?.roles ?? []) {
    if (membership.role === "ORG_MANAGER" && membership.organisation) {
      owners.push({ ...membership.organisation, kind: "organisation" });
    } else if (membership.role === "PROVIDER_CASEWORKER" && membership.provider) {
      owners.push({ id: membership.provider.id, name: membership.provider.name, kind: "provider" });
    }
  }
  return owners.filter((owner, index) => owners.findIndex((o) => o.id === owner.id) === index);
}

/** The kinds a form field holds (comma-separated), those the schema knows only. */
export function eventKinds(value: string): EventKind[] {
  const chosen = value.split(",");
  return EVENT_KINDS.filter((kind) => chosen.includes(kind));
}

/** A secret shown this once: the value, a copy button, and the warning that it is not shown
 * again. */
export function SecretOnce({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="govuk-inset-text">
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <div className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">{t("check.warning")}</span>
          {t("integrations.secretOnce")}
        </div>
      </div>
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{label}</p>
      <p className="govuk-body parley-hash" data-testid={testId}>
        {value}
      </p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t("integrations.copy")}
      </button>
      <p className="govuk-body" role="status">
        {copied === true ? t("integrations.copied") : copied === false ? t("integrations.copyFailed") : ""}
      </p>
    </div>
  );
}

export function ActiveTag({ active, paused }: { active: boolean; paused?: boolean }): ReactNode {
  const { t } = useI18n();
  if (active) return <Tag colour="green">{t("integrations.active")}</Tag>;
  return paused ? (
    <Tag colour="yellow">{t("integrations.paused")}</Tag>
  ) : (
    <Tag colour="grey">{t("integrations.disabled")}</Tag>
  );
}

const STATUS_COLOURS = {
  DELIVERED: "green",
  DEAD: "red",
  HELD: "yellow",
  PENDING: "blue",
  CLAIMED: "blue",
} as const;

export function DeliveryTag({ status }: { status: keyof typeof STATUS_COLOURS }) {
  const { label } = useI18n();
  return <Tag colour={STATUS_COLOURS[status]}>{label("deliveryStatus", status)}</Tag>;
}

/** The event kinds a subscription receives: GOV.UK checkboxes in a fieldset, with its error. */
export function EventKindsField({
  id,
  selected,
  onChange,
  error,
}: {
  id: string;
  selected: readonly EventKind[];
  onChange(kinds: EventKind[]): void;
  error?: string;
}) {
  const { t, label } = useI18n();
  const toggle = (kind: EventKind, on: boolean) =>
    onChange(on ? [...selected, kind] : selected.filter((k) => k !== kind));
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("integrations.events")}</legend>
        <div id={`${id}-hint`} className="govuk-hint">
          {t("integrations.eventsHint")}
        </div>
        {error && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span> {error}
          </p>
        )}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {EVENT_KINDS.map((kind, index) => {
            // The first box carries the field's id, so the error summary's link reaches it.
            const boxId = index === 0 ? id : `${id}-${kind.toLowerCase()}`;
            return (
              <div className="govuk-checkboxes__item" key={kind}>
                <input
                  className="govuk-checkboxes__input"
                  id={boxId}
                  type="checkbox"
                  value={kind}
                  checked={selected.includes(kind)}
                  onChange={(event) => toggle(kind, event.target.checked)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={boxId}>
                  {/* Labels are keyed by the stored kind (`case_accepted`), as on the timeline; the
                  stored kind is what a delivery's `type` says. */}
                  {label("event", kind.toLowerCase())} <span className="parley-hash">({kind.toLowerCase()})</span>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** What a client's tokens may be used for (its OAuth scopes), one per line. */
export function ScopeList({ scopes }: { scopes: readonly OAuthScope[] }) {
  const { label } = useI18n();
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0" data-testid="client-scopes">
      {scopes.map((scope) => (
        <li key={scope}>{label("clientScope", scope)}</li>
      ))}
    </ul>
  );
}
