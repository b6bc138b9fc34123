import { useMutation, useQuery } from "urql";
import { Link, useLocation } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import {
  Checkbox,
  FormShell,
  type FieldError,
  Radios,
  Select,
  SubmitButton,
  Textarea,
  TextInput,
  useForm,
} from "../../design/forms";
import { ImportantBanner, SuccessBanner, SummaryList } from "../../design/patterns";
import {
  AdminProviderDocument,
  type AdminSchemeFieldsFragment,
  type ClockCalendar,
  type ClockKind,
  CreateSchemeDocument,
  type ResolutionMethod,
  RetireSchemeDocument,
  UpdateSchemeDocument,
  type CaseLanguage,
  type Country,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { ADMIN_LIMITS, AdminMenu, COUNTRY, flash, RetireStep, StatusTag, useBanner } from "./common";
import { useIdempotencyKey } from "../../lib/idempotency";
import { SchemeFees } from "./SchemeFees";

const METHODS: ResolutionMethod[] = [
  "NEGOTIATION",
  "MEDIATION",
  "CONCILIATION",
  "OMBUDSMAN_RECOMMENDATION",
  "EXPERT_OPINION",
  "ARBITRATION_NON_BINDING",
  "ARBITRATION_BINDING",
];
// The reply window is left out: it is as long as the response clock (DOMAIN.md, equal windows).
const KINDS = [
  "ACCEPTANCE",
  "CONSENT",
  "RESPONSE",
  "OBJECTION",
  "OUTCOME",
  "REFLECTION",
  "REVIEW",
  "IMPLEMENTATION",
  "CONFIRMATION",
  "CLOSURE",
] as const satisfies readonly ClockKind[];
type Editable = (typeof KINDS)[number] | "COMPLEX";
const CALENDARS: ClockCalendar[] = ["CALENDAR_DAYS", "WORKING_DAYS"];
// The languages the portal's texts are written in; the API takes any language cases run in.
const TEXT_LANGUAGES = [
  { code: "EN", key: "en" },
  { code: "ZH_HANS", key: "zh" },
] as const satisfies readonly { code: CaseLanguage; key: string }[];
// A new scheme starts from the defaults of DOMAIN.md "Clocks" (the server's, shown by every
// scheme that leaves a clock out); the admin changes what the scheme's rules say.
const NEW_CLOCKS: Record<Editable, [number, ClockCalendar]> = {
  ACCEPTANCE: [21, "CALENDAR_DAYS"],
  CONSENT: [30, "CALENDAR_DAYS"],
  RESPONSE: [20, "WORKING_DAYS"],
  COMPLEX: [30, "WORKING_DAYS"],
  OBJECTION: [7, "CALENDAR_DAYS"],
  OUTCOME: [90, "CALENDAR_DAYS"],
  REFLECTION: [14, "CALENDAR_DAYS"],
  REVIEW: [30, "CALENDAR_DAYS"],
  IMPLEMENTATION: [30, "CALENDAR_DAYS"],
  CONFIRMATION: [14, "CALENDAR_DAYS"],
  CLOSURE: [14, "CALENDAR_DAYS"],
};

/** A scheme of a provider: create one (`scheme` is "new") or change one. */
export function AdminScheme({ id, scheme: schemeId }: { id: string; scheme: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminProviderDocument, variables: { id }, requestPolicy: "cache-and-network" });
  const [banner, show] = useBanner();
  const provider = data?.node && "schemes" in data.node ? data.node : null;
  const creating = schemeId === "new";
  const scheme = provider?.schemes.find((s) => s.id === schemeId) ?? null;
  const title = creating ? t("admin.scheme.newTitle") : (scheme?.name ?? t("admin.scheme.title"));
  return (
    <>
      <PageTitle text={title} caption={provider ? provider.name : t("admin.caption")} />
      <AdminMenu current="providers" />
      {banner && <SuccessBanner key={banner.n} title={banner.text} />}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && (!provider || (!creating && !scheme)) && <p className="govuk-body">{t("admin.notFound")}</p>}
      {provider && (
        <p className="govuk-body">
          <Link href={`/admin/providers/${encodeURIComponent(provider.id)}`} className="govuk-link">
            {t("admin.scheme.backToProvider", { name: provider.name })}
          </Link>
        </p>
      )}
      {provider && (creating || scheme) && (
        <SchemeBody
          key={scheme?.id ?? "new"}
          providerId={provider.id}
          scheme={scheme}
          done={(message) => {
            show(message);
            refetch({ requestPolicy: "network-only" });
          }}
        />
      )}
      {scheme && !scheme.retiredAt && (
        <SchemeFees
          schemeId={scheme.id}
          done={(message) => {
            show(message);
            refetch({ requestPolicy: "network-only" });
          }}
        />
      )}
    </>
  );
}

function SchemeBody({
  providerId,
  scheme,
  done,
}: {
  providerId: string;
  scheme: AdminSchemeFieldsFragment | null;
  done(message: string): void;
}) {
  const { t, label, dateTime } = useI18n();
  const [, navigate] = useLocation();
  const describe = useDescribeUserError();
  const [created, create] = useMutation(CreateSchemeDocument);
  const [updated, update] = useMutation(UpdateSchemeDocument);
  const [retired, retire] = useMutation(RetireSchemeDocument);
  const [key, renewKey] = useIdempotencyKey();
  const initial = initialValues(scheme);
  const fields = {
    name: { label: t("admin.name"), initial: initial.name, required: true, maxLength: ADMIN_LIMITS.name },
    country: { label: t("admin.scheme.country"), initial: initial.country, required: true },
    silence: { label: t("admin.scheme.silence"), initial: initial.silence, required: true },
    withdraw: { label: t("admin.scheme.orgWithdraw"), initial: initial.withdraw, required: true },
    fees: { label: t("admin.scheme.fees"), initial: initial.fees, maxLength: ADMIN_LIMITS.text },
    retention: {
      label: t("privacy.scheme.retention"),
      initial: initial.retention,
      required: true,
      serverNames: ["retention_years", "retentionYears"],
    },
    ...Object.fromEntries(
      METHODS.map((m) => [`method_${m}`, { label: label("method", m), initial: initial.methods.includes(m) }]),
    ),
    ...Object.fromEntries(
      [...KINDS, "COMPLEX" as const].flatMap((kind) => [
        [
          `days_${kind}`,
          {
            label: t("admin.scheme.days", { clock: clockName(kind) }),
            initial: String(initial.clocks[kind][0]),
            required: true,
            serverNames: ["clocks"],
          },
        ],
        [
          `calendar_${kind}`,
          { label: t("admin.scheme.calendar", { clock: clockName(kind) }), initial: initial.clocks[kind][1], required: true },
        ],
      ]),
    ),
    ...Object.fromEntries(
      METHODS.flatMap((m) =>
        TEXT_LANGUAGES.map((lang) => [
          `effect_${m}_${lang.key}`,
          {
            label: t(lang.key === "en" ? "admin.scheme.effectEn" : "admin.scheme.effectZh", { method: label("method", m) }),
            initial: initial.effects[`${m} ${lang.code}`] ?? "",
            maxLength: ADMIN_LIMITS.text,
            serverNames: ["legal_effects", "legalEffects"],
          },
        ]),
      ),
    ),
  } as Record<string, { label: string; initial: string | boolean; required?: boolean; maxLength?: number; serverNames?: string[] }>;

  function clockName(kind: Editable): string {
    return kind === "COMPLEX" ? t("admin.scheme.complexResponse") : label("clock", kind);
  }

  const formInitial = Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, spec.initial]));
  const form = useForm({
    id: scheme ? "edit-scheme" : "create-scheme",
    fields,
    validate: (values) => {
      const found: FieldError[] = [];
      const years = String(values.retention).trim();
      if (years && (!/^\d+$/.test(years) || Number(years) > 100)) {
        found.push({ field: "retention", message: t("privacy.scheme.errorRetention") });
      }
      const country = String(values.country).trim();
      if (country && !COUNTRY.test(country)) found.push({ field: "country", message: t("admin.errorCountry") });
      for (const kind of [...KINDS, "COMPLEX"] as const) {
        const raw = String(values[`days_${kind}`]).trim();
        const days = Number(raw);
        if (raw && (!/^\d+$/.test(raw) || days < 1 || days > 365)) {
          found.push({ field: `days_${kind}`, message: t("admin.scheme.errorDays", { clock: clockName(kind) }) });
        }
      }
      return found;
    },
  });
  const values = form.values as Record<string, string | boolean>;
  const chosen = METHODS.filter((m) => values[`method_${m}`] === true);

  function input(current: Record<string, string | boolean>) {
    const methods = METHODS.filter((m) => current[`method_${m}`] === true);
    const clocks = [...KINDS, "COMPLEX" as const].map((kind) => ({
      kind: (kind === "COMPLEX" ? "RESPONSE" : kind) as ClockKind,
      days: Number(current[`days_${kind}`]),
      calendar: current[`calendar_${kind}`] as ClockCalendar,
      complexCase: kind === "COMPLEX",
    }));
    const legalEffects = methods.flatMap((m) =>
      TEXT_LANGUAGES.flatMap((lang) => {
        const text = String(current[`effect_${m}_${lang.key}`] ?? "").trim();
        return text ? [{ method: m, language: lang.code, text }] : [];
      }),
    );
    return {
      name: String(current.name),
      country: String(current.country).trim().toUpperCase() as Country,
      silenceIsRefusal: current.silence === "yes",
      organisationMayWithdraw: current.withdraw === "yes",
      fees: String(current.fees),
      retentionYears: Number(String(current.retention).trim()),
      methods,
      clocks,
      legalEffects,
    };
  }

  const retiredScheme = Boolean(scheme?.retiredAt);
  return (
    <>
      {scheme && (
        <SummaryList
          rows={[
            { key: t("admin.scheme.version"), value: String(scheme.version) },
            {
              key: t("admin.status"),
              value: (
                <>
                  <StatusTag retiredAt={scheme.retiredAt} /> {scheme.retiredAt && dateTime(scheme.retiredAt)}
                </>
              ),
            },
          ]}
        />
      )}
      {scheme && (
        <p className="govuk-body">
          <Link href={`/admin/audit?subject=${encodeURIComponent(scheme.id)}`} className="govuk-link">
            {t("admin.history")}
          </Link>
        </p>
      )}
      {retiredScheme ? (
        <ImportantBanner title={t("admin.scheme.retiredNote")} />
      ) : (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {scheme && <p className="govuk-inset-text">{t("admin.scheme.newCasesOnly")}</p>}
            <FormShell
              form={form}
              onSubmit={form.onSubmit(async (current) => {
                const data = input(current as Record<string, string | boolean>);
                if (!scheme) {
                  const answer = await create({ input: { providerId, ...data, idempotencyKey: key } });
                  const payload = answer.data?.createScheme;
                  if (!payload) return [{ field: "", message: t("admin.notSaved") }];
                  renewKey();
                  if (payload.scheme) {
                    flash(t("admin.scheme.created", { name: payload.scheme.name }));
                    navigate(`/admin/providers/${encodeURIComponent(providerId)}`);
                    return [];
                  }
                  return form.fromUserErrors(payload.userErrors, describe);
                }
                // Only the groups that changed: an untouched list stays as the scheme has it.
                const before = input(formInitial);
                const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
                const answer = await update({
                  input: {
                    schemeId: scheme.id,
                    name: data.name,
                    country: data.country,
                    silenceIsRefusal: data.silenceIsRefusal,
                    organisationMayWithdraw: data.organisationMayWithdraw,
                    fees: data.fees,
                    retentionYears: data.retentionYears,
                    methods: same(before.methods, data.methods) ? undefined : data.methods,
                    clocks: same(before.clocks, data.clocks) ? undefined : data.clocks,
                    legalEffects: same(before.legalEffects, data.legalEffects) ? undefined : data.legalEffects,
                  },
                });
                const payload = answer.data?.updateScheme;
                if (!payload) return [{ field: "", message: t("admin.notSaved") }];
                if (payload.scheme && payload.scheme.id !== scheme.id) {
                  // The same page, on the new version: the banner is this page's.
                  done(t("admin.scheme.newVersion", { version: payload.scheme.version, old: scheme.version }));
                  navigate(`/admin/providers/${encodeURIComponent(providerId)}/schemes/${encodeURIComponent(payload.scheme.id)}`);
                  return [];
                }
                if (payload.scheme) done(t("admin.saved"));
                return form.fromUserErrors(payload.userErrors, describe);
              })}
            >
              <TextInput bound={form.bind("name")} />
              <TextInput bound={form.bind("country")} hint={t("admin.scheme.countryHint")} width="4" />
              <Radios
                bound={form.bind("silence")}
                hint={t("admin.scheme.silenceHint")}
                options={[
                  { value: "yes", label: t("admin.scheme.silenceYes") },
                  { value: "no", label: t("admin.scheme.silenceNo") },
                ]}
              />
              <Radios
                bound={form.bind("withdraw")}
                hint={t("admin.scheme.orgWithdrawHint")}
                options={[
                  { value: "yes", label: t("admin.scheme.orgWithdrawYes") },
                  { value: "no", label: t("admin.scheme.orgWithdrawNo") },
                ]}
              />
              <div className="govuk-form-group">
                <fieldset className="govuk-fieldset" aria-describedby="scheme-methods-hint">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                    {t("admin.scheme.methods")}
                  </legend>
                  <div id="scheme-methods-hint" className="govuk-hint">
                    {t("admin.scheme.methodsHint")}
                  </div>
                  {METHODS.map((m) => (
                    <Checkbox key={m} bound={form.bind(`method_${m}`)} />
                  ))}
                </fieldset>
              </div>
              <Textarea bound={form.bind("fees")} hint={t("admin.scheme.feesHint")} rows={3} />
              <TextInput
                bound={form.bind("retention")}
                hint={t("privacy.scheme.retentionHint")}
                width="3"
                inputMode="numeric"
              />
              <h2 className="govuk-heading-m">{t("admin.scheme.clocks")}</h2>
              <p className="govuk-body">{t("admin.scheme.clocksHint")}</p>
              <p className="govuk-body">{t("admin.scheme.replyHint")}</p>
              {[...KINDS, "COMPLEX" as const].map((kind) => (
                <fieldset className="govuk-fieldset parley-admin-clock" key={kind}>
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{clockName(kind)}</legend>
                  <TextInput bound={form.bind(`days_${kind}`)} inputMode="numeric" width="4" />
                  <Select
                    bound={form.bind(`calendar_${kind}`)}
                    options={CALENDARS.map((c) => ({ value: c, label: label("calendar", c) }))}
                  />
                </fieldset>
              ))}
              <h2 className="govuk-heading-m">{t("admin.scheme.effects")}</h2>
              <p className="govuk-body">{t("admin.scheme.effectsHint")}</p>
              {chosen.length === 0 && <p className="govuk-inset-text">{t("admin.scheme.effectsChoose")}</p>}
              {chosen.flatMap((m) =>
                TEXT_LANGUAGES.map((lang) => (
                  <Textarea key={`${m}-${lang.key}`} bound={form.bind(`effect_${m}_${lang.key}`)} rows={3} />
                )),
              )}
              <RequestError error={created.error ?? updated.error} />
              <SubmitButton busy={created.fetching || updated.fetching}>
                {scheme ? t("admin.save") : t("admin.scheme.create")}
              </SubmitButton>
            </FormShell>
            {scheme && (
              <>
                <h2 className="govuk-heading-m">{t("admin.scheme.retireHeading")}</h2>
                <RetireStep
                  title={t("admin.scheme.retireCheck", { name: scheme.name })}
                  buttonLabel={t("admin.scheme.retire")}
                  rows={[
                    { key: t("admin.name"), value: scheme.name },
                    { key: t("admin.scheme.version"), value: String(scheme.version) },
                  ]}
                  effect={t("admin.scheme.retireEffect")}
                  busy={retired.fetching}
                  onConfirm={async () => {
                    const answer = await retire({ input: { schemeId: scheme.id } });
                    const payload = answer.data?.retireScheme;
                    if (!payload) return null;
                    if (payload.scheme) done(t("admin.scheme.retiredBanner", { name: scheme.name }));
                    return payload.userErrors;
                  }}
                />
                <RequestError error={retired.error} />
              </>
            )}
          </div>
        </div>
      )}
    </>
  );
}

function initialValues(scheme: AdminSchemeFieldsFragment | null) {
  const clocks = { ...NEW_CLOCKS };
  const effects: Record<string, string> = {};
  if (scheme) {
    for (const clock of scheme.clocks) {
      if (clock.kind in clocks) clocks[clock.kind as Editable] = [clock.days, clock.calendar];
    }
    clocks.COMPLEX = [scheme.complexResponse.days, scheme.complexResponse.calendar];
    for (const effect of scheme.legalEffects) effects[`${effect.method} ${effect.language}`] = effect.text;
  }
  return {
    name: scheme?.name ?? "",
    country: scheme?.country ?? "",
    silence: scheme ? (scheme.silenceIsRefusal ? "yes" : "no") : "yes",
    withdraw: scheme?.organisationMayWithdraw ? "yes" : "no",
    fees: scheme?.fees ?? "",
    retention: String(scheme?.retentionYears ?? 6),
    methods: (scheme?.methods ?? []) as string[],
    clocks,
    effects,
  };
}
