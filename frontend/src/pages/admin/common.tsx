// Shared parts of the administration pages: the section menu, status tags, the details form
// of an organisation or a provider, and the retire step (a check page, then a banner).
import { useEffect, useState } from "react";
import type { ReactNode } from "react";
import { Link } from "wouter";
import { useDescribeUserError, type UserErrorLike } from "../../components/Status";
import { ErrorSummary, FormShell, SubmitButton, TextInput, useForm } from "../../design/forms";
import { CheckPage, Tag } from "../../design/patterns";
import "./admin.css";
import type { Country } from "../../gql/graphql";
import { useI18n } from "../../i18n";

export const ADMIN_LIMITS = { name: 200, slug: 64, text: 20_000 } as const;
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const COUNTRY = /^[A-Za-z]{2}$/;

/** The administration's own menu, shown on each of its pages. */
export function AdminMenu({
  current,
}: {
  current: "organisations" | "providers" | "audit" | "erasure";
}) {
  const { t } = useI18n();
  const items = [
    { key: "organisations", href: "/admin/organisations", label: t("nav.adminOrganisations") },
    { key: "providers", href: "/admin/providers", label: t("nav.adminProviders") },
    { key: "audit", href: "/admin/audit", label: t("nav.adminAudit") },
    { key: "erasure", href: "/admin/erasure", label: t("nav.adminErasure") },
  ] as const;
  return (
    <nav aria-label={t("admin.menu")} className="govuk-!-margin-bottom-6">
      <ul className="govuk-list parley-admin-menu">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              className="govuk-link"
              aria-current={item.key === current ? "page" : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function StatusTag({ retiredAt }: { retiredAt: string | null | undefined }) {
  const { t } = useI18n();
  return retiredAt ? <Tag colour="grey">{t("admin.retired")}</Tag> : <Tag colour="green">{t("admin.active")}</Tag>;
}

export interface Details {
  slug: string;
  name: string;
  country: string;
}

/** Details as sent: the country as the schema's `Country` code, null when left empty. */
export interface SentDetails {
  slug: string;
  name: string;
  country: Country | null;
}

/** A country typed in the form (checked against COUNTRY) as the schema's enum value. */
export function countryCode(value: string): Country | null {
  const code = value.trim().toUpperCase();
  return code ? (code as Country) : null;
}

/** The slug, name and country of an organisation or a provider: to create one, or to edit. */
export function DetailsForm({
  id,
  initial,
  submitLabel,
  busy,
  onSend,
}: {
  id: string;
  initial: Details;
  submitLabel: string;
  busy: boolean;
  /** Sends; answers the server's refusals ([] when it was saved). */
  onSend(values: SentDetails): Promise<readonly UserErrorLike[] | null>;
}) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const form = useForm({
    id,
    fields: {
      name: { label: t("admin.name"), initial: initial.name, required: true, maxLength: ADMIN_LIMITS.name },
      slug: { label: t("admin.slug"), initial: initial.slug, required: true, maxLength: ADMIN_LIMITS.slug },
      country: { label: t("admin.country"), initial: initial.country },
    },
    validate: (values) => [
      ...(values.slug.trim() && !SLUG.test(values.slug.trim())
        ? [{ field: "slug", message: t("admin.errorSlug") }]
        : []),
      ...(values.country.trim() && !COUNTRY.test(values.country.trim())
        ? [{ field: "country", message: t("admin.errorCountry") }]
        : []),
    ],
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const refused = await onSend({ ...values, country: countryCode(values.country) });
        if (refused === null) return [{ field: "", message: t("admin.notSaved") }];
        if (refused.length === 0 && !initial.slug) form.reset();
        return form.fromUserErrors(refused, describe);
      })}
    >
      <TextInput bound={form.bind("name")} />
      <TextInput bound={form.bind("slug")} hint={t("admin.slugHint")} spellCheck={false} />
      <TextInput bound={form.bind("country")} hint={t("admin.countryHint")} width="4" />
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
    </FormShell>
  );
}

/** "Retire ...": a button, then a check page saying what retiring means, then the caller's
 * banner. Retiring is not undone from the portal. */
export function RetireStep({
  title,
  buttonLabel,
  rows,
  effect,
  busy,
  onConfirm,
}: {
  title: string;
  buttonLabel: string;
  rows: readonly { key: string; value: ReactNode }[];
  effect: ReactNode;
  busy: boolean;
  /** Sends; answers the server's refusals ([] when done, null when the request failed). */
  onConfirm(): Promise<readonly UserErrorLike[] | null>;
}) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [checking, setChecking] = useState(false);
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  if (!checking) {
    return (
      <button type="button" className="govuk-button govuk-button--warning" onClick={() => setChecking(true)}>
        {buttonLabel}
      </button>
    );
  }
  return (
    <CheckPage
      title={title}
      rows={rows}
      effect={effect}
      confirmLabel={buttonLabel}
      busy={busy}
      onBack={() => {
        setErrors([]);
        setChecking(false);
      }}
      onConfirm={async () => {
        const refused = await onConfirm();
        if (refused === null) setErrors([{ field: "", message: t("admin.notSaved") }]);
        else if (refused.length > 0) setErrors(refused.map((e) => ({ field: "", message: describe(e) })));
        else setChecking(false);
      }}
    >
      {errors.length > 0 && <ErrorSummary errors={errors} fieldId={() => ""} />}
    </CheckPage>
  );
}

// A success message that outlives a navigation (a scheme saved as a new version opens the new
// version's page; a new scheme opens its provider's page): set before, shown once after.
let flashed: string | null = null;

export function flash(message: string): void {
  flashed = message;
}

/** The page's success banner: what `flash` left, then each `show`; a new key each time, so the
 * banner takes focus again. */
export function useBanner() {
  const [banner, setBanner] = useState<{ text: string; n: number } | null>(() =>
    flashed ? { text: flashed, n: 1 } : null,
  );
  useEffect(() => {
    flashed = null;
  }, []);
  const show = (text: string) => setBanner((old) => ({ text, n: (old?.n ?? 0) + 1 }));
  return [banner, show] as const;
}
