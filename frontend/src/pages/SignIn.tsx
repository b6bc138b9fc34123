import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";
import { Redirect, useLocation, useSearch } from "wouter";
import { PageTitle } from "../components/PageTitle";
import { RequestError, UserErrors } from "../components/Status";
import {
  LoginDocument,
  RequestSignInCodeDocument,
  SignInWithCodeDocument,
} from "../gql/graphql";
import { useI18n } from "../i18n";
import { useAuth, type Viewer } from "../lib/auth";
import { homeFor } from "../routes";

type Method = "code" | "password";

/** Only a path on this site: `next` comes from the address bar. */
function safeNext(search: string): string | null {
  const next = new URLSearchParams(search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : null;
}

export function SignIn() {
  const { t } = useI18n();
  const { status, viewer, signedIn } = useAuth();
  const [, navigate] = useLocation();
  const search = useSearch();
  const [method, setMethod] = useState<Method>("code");

  if (status === "signedIn") return <Redirect to={safeNext(search) ?? homeFor(viewer)} />;

  const done = (token: string, expiresIn: number, who: Viewer) => {
    signedIn(token, expiresIn, who);
    navigate(safeNext(search) ?? homeFor(who), { replace: true });
  };

  return (
    <section className="narrow">
      <PageTitle text={t("signIn.title")} />
      <p>{t("signIn.intro")}</p>
      <div role="group" aria-label={t("signIn.method")} className="segmented">
        <button type="button" aria-pressed={method === "code"} onClick={() => setMethod("code")}>
          {t("signIn.withCode")}
        </button>
        <button
          type="button"
          aria-pressed={method === "password"}
          onClick={() => setMethod("password")}
        >
          {t("signIn.withPassword")}
        </button>
      </div>
      {method === "code" ? <CodeForm onDone={done} /> : <PasswordForm onDone={done} />}
    </section>
  );
}

type Done = (token: string, expiresIn: number, viewer: Viewer) => void;

function PasswordForm({ onDone }: { onDone: Done }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [result, login] = useMutation(LoginDocument);
  const payload = result.data?.login;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await login({ email, password });
    const session = answer.data?.login;
    if (session?.accessToken && session.viewer) {
      onDone(session.accessToken, session.expiresIn ?? 900, session.viewer);
    }
  }

  return (
    <form onSubmit={submit} className="stack">
      <label>
        {t("signIn.email")}
        <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t("signIn.password")}
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <UserErrors errors={payload?.userErrors} />
      <RequestError error={result.error} />
      <button type="submit" disabled={result.fetching}>
        {t("signIn.submit")}
      </button>
    </form>
  );
}

function CodeForm({ onDone }: { onDone: Done }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [challenge, setChallenge] = useState<string | null>(null);
  const [requested, request] = useMutation(RequestSignInCodeDocument);
  const [signed, signIn] = useMutation(SignInWithCodeDocument);

  async function ask(event: FormEvent) {
    event.preventDefault();
    const answer = await request({ email });
    const next = answer.data?.requestSignInCode.challenge;
    if (next) setChallenge(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!challenge) return;
    const answer = await signIn({ challenge, code: code.trim() });
    const session = answer.data?.signInWithCode;
    if (session?.accessToken && session.viewer) {
      onDone(session.accessToken, session.expiresIn ?? 900, session.viewer);
    }
  }

  if (!challenge) {
    return (
      <form onSubmit={ask} className="stack">
        <label>
          {t("signIn.email")}
          <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <UserErrors errors={requested.data?.requestSignInCode.userErrors} />
        <RequestError error={requested.error} />
        <button type="submit" disabled={requested.fetching}>
          {t("signIn.sendCode")}
        </button>
      </form>
    );
  }
  return (
    <form onSubmit={submit} className="stack">
      <p role="status">{t("signIn.codeSent", { email })}</p>
      <label>
        {t("signIn.code")}
        <input
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      <UserErrors errors={signed.data?.signInWithCode.userErrors} />
      <RequestError error={signed.error} />
      <button type="submit" disabled={signed.fetching}>
        {t("signIn.submit")}
      </button>
      <button type="button" className="link-button" onClick={() => setChallenge(null)}>
        {t("signIn.otherAddress")}
      </button>
    </form>
  );
}
