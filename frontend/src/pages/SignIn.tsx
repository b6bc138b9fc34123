import { useState } from "react";
import { useMutation } from "urql";
import { Link, Redirect, useLocation, useSearch } from "wouter";
import { PageTitle } from "../components/PageTitle";
import { RequestError, useDescribeUserError } from "../components/Status";
import { FormShell, normaliseCode, SubmitButton, TextInput, useForm, type Bound } from "../design/forms";
import {
  LoginDocument,
  RequestSignInCodeDocument,
  SignInWithCodeDocument,
} from "../gql/graphql";
import { useI18n } from "../i18n";
import { useAuth, type Viewer } from "../lib/auth";
import { safeNext } from "../lib/next";
import { homeFor } from "../routes";

type Method = "code" | "password";


export function SignIn() {
  const { t } = useI18n();
  const { status, viewer, signedIn } = useAuth();
  const [, navigate] = useLocation();
  const search = useSearch();
  const [method, setMethod] = useState<Method>("code");

  if (status === "signedIn") return <Redirect to={safeNext(search) ?? homeFor(viewer)} />;

  const done = (token: string, expiresIn: number, who: Viewer, refreshExpiresIn?: number) => {
    signedIn(token, expiresIn, who, refreshExpiresIn);
    const target = safeNext(search) ?? homeFor(who);
    // An account someone else made for them (an agent, an invitation) is claimed first: their
    // own name, language and time zone, then on to where they were going.
    navigate(who.user?.claimPending ? `/claim?next=${encodeURIComponent(target)}` : target, {
      replace: true,
    });
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("signIn.title")} />
        {safeNext(search) && <p className="govuk-inset-text">{t("signIn.toContinue")}</p>}
        <p className="govuk-body">{t("signIn.intro")}</p>
        <div role="group" aria-label={t("signIn.method")} className="govuk-button-group">
          <button
            type="button"
            className={`govuk-button${method === "code" ? "" : " govuk-button--secondary"}`}
            aria-pressed={method === "code"}
            onClick={() => setMethod("code")}
          >
            {t("signIn.withCode")}
          </button>
          <button
            type="button"
            className={`govuk-button${method === "password" ? "" : " govuk-button--secondary"}`}
            aria-pressed={method === "password"}
            onClick={() => setMethod("password")}
          >
            {t("signIn.withPassword")}
          </button>
        </div>
        {method === "code" ? <CodeForm onDone={done} /> : <PasswordForm onDone={done} />}
        <h2 className="govuk-heading-m">{t("signIn.newHere")}</h2>
        <p className="govuk-body">
          <Link className="govuk-link" href="/sign-up">
            {t("signIn.createAccount")}
          </Link>
        </p>
      </div>
    </div>
  );
}

type Done = (token: string, expiresIn: number, viewer: Viewer, refreshExpiresIn?: number) => void;

function PasswordForm({ onDone }: { onDone: Done }) {
  const { t } = useI18n();
  const [result, login] = useMutation(LoginDocument);
  const describe = useDescribeUserError();
  const form = useForm({
    id: "sign-in-password",
    fields: {
      email: { label: t("signIn.email"), initial: "", required: true, kind: "email" },
      password: { label: t("signIn.password"), initial: "", required: true },
    },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await login({ email: String(values.email), password: String(values.password) });
        const session = answer.data?.login;
        if (session?.accessToken && session.viewer) {
          onDone(session.accessToken, session.expiresIn ?? 900, session.viewer, session.refreshExpiresIn ?? undefined);
          return [];
        }
        if (session) return form.fromUserErrors(session.userErrors, describe);
        return [{ field: "", message: t("form.notSent") }];
      })}
    >
      <TextInput bound={form.bind("email")} type="email" autoComplete="email" spellCheck={false} />
      <PasswordInput bound={form.bind("password")} />
      <RequestError error={result.error} />
      <SubmitButton busy={result.fetching}>{t("signIn.submit")}</SubmitButton>
    </FormShell>
  );
}

/** A password field (GOV.UK input, type password), on the same label, hint and error frame. */
function PasswordInput({ bound }: { bound: Bound }) {
  const { t } = useI18n();
  return (
    <div className={`govuk-form-group${bound.error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={bound.id}>
        {bound.label}
      </label>
      {bound.error && (
        <p id={`${bound.id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span> {bound.error}
        </p>
      )}
      <input
        id={bound.id}
        name={bound.name}
        type="password"
        autoComplete="current-password"
        className={`govuk-input govuk-input--width-20${bound.error ? " govuk-input--error" : ""}`}
        value={String(bound.value)}
        onChange={(event) => bound.onChange(event.target.value)}
        aria-invalid={bound.error ? true : undefined}
        aria-describedby={bound.error ? `${bound.id}-error` : undefined}
        spellCheck={false}
      />
    </div>
  );
}

function CodeForm({ onDone }: { onDone: Done }) {
  const { t } = useI18n();
  const [challenge, setChallenge] = useState<{ id: string; email: string } | null>(null);
  const [requested, request] = useMutation(RequestSignInCodeDocument);
  const [signed, signIn] = useMutation(SignInWithCodeDocument);
  const describe = useDescribeUserError();
  const ask = useForm({
    id: "sign-in-email",
    fields: { email: { label: t("signIn.email"), initial: "", required: true, kind: "email" } },
  });
  const enter = useForm({
    id: "sign-in-code",
    fields: {
      code: {
        label: t("signIn.code"),
        initial: "",
        required: true,
        kind: "code",
        serverNames: ["code"],
      },
    },
    validate: (values) =>
      /^\d{6}$/.test(normaliseCode(String(values.code)))
        ? []
        : [{ field: "code", message: t("signIn.codeFormat") }],
  });

  if (!challenge) {
    return (
      <FormShell
        form={ask}
        onSubmit={ask.onSubmit(async (values) => {
          const answer = await request({ email: String(values.email) });
          const payload = answer.data?.requestSignInCode;
          if (payload?.challenge) {
            setChallenge({ id: payload.challenge, email: String(values.email) });
            return [];
          }
          if (payload) return ask.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("form.notSent") }];
        })}
      >
        <TextInput bound={ask.bind("email")} type="email" autoComplete="email" spellCheck={false} />
        <RequestError error={requested.error} />
        <SubmitButton busy={requested.fetching}>{t("signIn.sendCode")}</SubmitButton>
      </FormShell>
    );
  }
  return (
    <FormShell
      form={enter}
      onSubmit={enter.onSubmit(async (values) => {
        const answer = await signIn({ challenge: challenge.id, code: String(values.code) });
        const session = answer.data?.signInWithCode;
        if (session?.accessToken && session.viewer) {
          onDone(session.accessToken, session.expiresIn ?? 900, session.viewer, session.refreshExpiresIn ?? undefined);
          return [];
        }
        if (session) return enter.fromUserErrors(session.userErrors, describe);
        return [{ field: "", message: t("form.notSent") }];
      })}
    >
      <p className="govuk-body" role="status">
        {t("signIn.codeSent", { email: challenge.email })}
      </p>
      <TextInput
        bound={enter.bind("code")}
        hint={t("signIn.codeHint")}
        inputMode="numeric"
        autoComplete="one-time-code"
        width="10"
        spellCheck={false}
      />
      <RequestError error={signed.error} />
      <div className="govuk-button-group">
        <SubmitButton busy={signed.fetching}>{t("signIn.submit")}</SubmitButton>
        <button type="button" className="govuk-link parley-link-button" onClick={() => setChallenge(null)}>
          {t("signIn.otherAddress")}
        </button>
      </div>
    </FormShell>
  );
}
