// What the sign-up, setup and claim pages share (issue 14): the profile a person gives when
// joining (name, language, time zone) and the step where they type the code mailed to them.
import { useMemo } from "react";
import { useMutation } from "urql";
import { RequestError, useDescribeUserError } from "../../components/Status";
import {
  FormShell,
  normaliseCode,
  Radios,
  Select,
  SubmitButton,
  TextInput,
  useForm,
  type Bound,
  type FieldSpec,
} from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { SignInWithCodeDocument, type Locale } from "../../gql/graphql";
import { apiLocale, useI18n, type UiLocale } from "../../i18n";
import type { Viewer } from "../../lib/auth";

export interface Session {
  accessToken: string;
  expiresIn: number;
  viewer: Viewer;
}

/** The browser's time zone, as the IANA name the server checks. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Every time zone this browser knows (IANA names), the browser's own among them. */
export function timeZones(): string[] {
  const own = browserTimeZone();
  let known: string[] = [];
  try {
    known = Intl.supportedValuesOf("timeZone");
  } catch {
    known = [];
  }
  return [...new Set([...known, own, "UTC"])].sort();
}

/** The language (the page's, to start with) and time zone (the browser's) fields, for
 * `useForm`; ``initial``: what a person chose before (the account page). */
export function usePreferenceFields(initial?: { language: string; timeZone: string }) {
  const { t, locale } = useI18n();
  return useMemo(
    () => ({
      language: {
        label: t("account.language"),
        initial: initial?.language ?? (locale as string),
        required: true,
      } satisfies FieldSpec<string>,
      timeZone: {
        label: t("account.timeZone"),
        initial: initial?.timeZone ?? browserTimeZone(),
        required: true,
        requiredMessage: t("account.timeZoneMissing"),
        serverNames: ["timeZone"],
      } satisfies FieldSpec<string>,
    }),
    // The labels follow the page's language; the initial values are read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );
}

/** The profile's fields, for `useForm`: a name, a language and a time zone. */
export function useProfileFields() {
  const { t } = useI18n();
  const preferences = usePreferenceFields();
  return useMemo(
    () => ({
      displayName: {
        label: t("account.name"),
        initial: "",
        required: true,
        maxLength: LIMITS.name,
        serverNames: ["displayName"],
      } satisfies FieldSpec<string>,
      ...preferences,
    }),
    [t, preferences],
  );
}

export const LANGUAGE_NAMES: Record<UiLocale, string> = { en: "English", "zh-Hans": "简体中文" };

/** The API's Locale for the language radio's value. */
export const languageOf = (value: string): Locale => apiLocale(value === "zh-Hans" ? "zh-Hans" : "en");

/** The UI locale for the API's Locale. */
export const uiLocaleOf = (locale: Locale | null | undefined): UiLocale => (locale === "ZH_HANS" ? "zh-Hans" : "en");

/** The language and time zone controls, bound to a form that declared `usePreferenceFields()`. */
export function PreferenceInputs({ bind }: { bind(name: "language" | "timeZone"): Bound }) {
  const { t } = useI18n();
  const zones = useMemo(() => timeZones().map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") })), []);
  return (
    <>
      <Radios
        bound={bind("language")}
        hint={t("account.languageHint")}
        options={(Object.keys(LANGUAGE_NAMES) as UiLocale[]).map((code) => ({
          value: code,
          label: LANGUAGE_NAMES[code],
        }))}
      />
      <Select bound={bind("timeZone")} hint={t("account.timeZoneHint")} options={zones} />
    </>
  );
}

/** The profile's controls, bound to a form that declared `useProfileFields()`. */
export function ProfileInputs({
  bind,
}: {
  bind(name: "displayName" | "language" | "timeZone"): Bound;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextInput bound={bind("displayName")} autoComplete="name" hint={t("account.nameHint")} spellCheck={false} />
      <PreferenceInputs bind={bind} />
    </>
  );
}

/** Step two of every way in: the code from the mail. `onSignedIn` gets the new session. */
export function CodeStep({
  email,
  challenge,
  onSignedIn,
  onStartAgain,
}: {
  email: string;
  challenge: string;
  onSignedIn(session: Session): void;
  onStartAgain(): void;
}) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [result, signIn] = useMutation(SignInWithCodeDocument);
  const form = useForm({
    id: "join-code",
    fields: {
      code: {
        label: t("account.code"),
        initial: "",
        required: true,
        kind: "code",
        serverNames: ["code", "challenge"],
      },
    },
    validate: (values) =>
      values.code.trim() && !/^\d{6}$/.test(normaliseCode(values.code))
        ? [{ field: "code", message: t("account.codeFormat") }]
        : [],
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await signIn({ challenge, code: values.code });
        const session = answer.data?.signInWithCode;
        if (session?.accessToken && session.viewer) {
          onSignedIn({ accessToken: session.accessToken, expiresIn: session.expiresIn ?? 900, viewer: session.viewer });
          return [];
        }
        if (session) {
          // Every refusal of a code (wrong, used, expired, setup link spent) is about the code.
          return form.fromUserErrors(session.userErrors, describe).map((error) => ({ ...error, field: "code" }));
        }
        return [{ field: "", message: t("account.notSent") }];
      })}
    >
      <div className="govuk-inset-text" role="status">
        {t("account.codeSent", { email })}
      </div>
      <TextInput
        bound={form.bind("code")}
        hint={t("account.codeHint")}
        autoComplete="one-time-code"
        inputMode="numeric"
        width="10"
        spellCheck={false}
      />
      <RequestError error={result.error} />
      <SubmitButton busy={result.fetching}>{t("account.continue")}</SubmitButton>
      <p className="govuk-body">
        <button type="button" className="govuk-link parley-link-button" onClick={onStartAgain}>
          {t("account.startAgain")}
        </button>
      </p>
    </FormShell>
  );
}
