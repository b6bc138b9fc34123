// The access token lives in memory only; the refresh token is an HttpOnly, SameSite=Strict
// cookie scoped to /oauth/ (portal/web/cookies.py) that script never sees. A fresh page
// spends the cookie at /oauth/token for an access token; so does any request made when the
// token has under a minute left. Refresh tokens rotate on every use and a spent one revokes
// the session, so tabs take turns (Web Locks) and each re-reads the rotated cookie.

const EARLY_SECONDS = 60;
// Not a credential: only whether a refresh cookie may exist, so a visitor who never signed
// in is not sent to /oauth/token (the cookie itself is HttpOnly and cannot be looked at).
const HINT = "parley.session";

let accessToken: string | null = null;
let expiresAt = 0;
// When the sign-in ends unless it is used (the refresh token's lifetime, capped by the
// session's: /oauth/token's `refresh_expires_in`); null until the server has said.
let endsAt: number | null = null;
let pending: Promise<string | null> | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

export function setSession(token: string, expiresIn: number, refreshExpiresIn?: number): void {
  accessToken = token;
  expiresAt = Date.now() + expiresIn * 1000;
  if (refreshExpiresIn !== undefined) endsAt = Date.now() + refreshExpiresIn * 1000;
  localStorage.setItem(HINT, "1");
  sessionStorage.setItem(HAD_SESSION, "1");
  listeners.forEach((listener) => listener(true));
}

const HAD_SESSION = "parley.hadSession";

/** Someone was signed in in this tab (its session has since ended): a page that welcomes
 * newcomers sends them to sign in again instead, so they come back to what they typed. */
export function hadSessionInThisTab(): boolean {
  return sessionStorage.getItem(HAD_SESSION) === "1";
}

export function clearSession(): void {
  const had = accessToken !== null;
  accessToken = null;
  expiresAt = 0;
  endsAt = null;
  localStorage.removeItem(HINT);
  if (had) listeners.forEach((listener) => listener(false));
}

/** When this sign-in ends unless it is used again (ms since the epoch), if known. */
export function sessionEndsAt(): number | null {
  return endsAt;
}

// Signed out in another tab (the hint is removed there): this tab's session is over too.
// Forms keep what is on the screen as a draft (design/forms.tsx listens), and the page asks
// to sign in, coming back here afterwards.
if (typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key === HINT && event.newValue === null && accessToken !== null) clearSession();
  });
}

/** Called with false when the session ends (signed out, or the refresh was refused). */
export function onSessionChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function spendRefreshCookie(): Promise<string | null> {
  const response = await fetch("/oauth/token", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=refresh_token",
  });
  if (!response.ok) {
    clearSession();
    return null;
  }
  const body = (await response.json()) as {
    access_token: string;
    expires_in: number;
    refresh_expires_in?: number;
  };
  setSession(body.access_token, body.expires_in, body.refresh_expires_in);
  return body.access_token;
}

/** On page load: a session, when the browser holds a refresh cookie from an earlier one. */
export function resumeSession(): Promise<string | null> {
  return localStorage.getItem(HINT) ? refreshSession() : Promise.resolve(null);
}

/** Spend the refresh cookie now, one tab at a time. */
export function refreshSession(): Promise<string | null> {
  if (!pending) {
    const run = () => spendRefreshCookie();
    const locked =
      typeof navigator !== "undefined" && navigator.locks
        ? navigator.locks.request("parley-refresh", run)
        : run();
    pending = locked.catch(() => null).finally(() => (pending = null));
  }
  return pending;
}

/** The access token for a request: refreshed first when it is about to expire. */
export async function accessTokenForRequest(): Promise<string | null> {
  if (accessToken && Date.now() < expiresAt - EARLY_SECONDS * 1000) return accessToken;
  if (!accessToken) return null;
  return refreshSession();
}

/** `fetch` with the bearer token: the one way the UI calls the API (GraphQL, downloads). */
export async function authorisedFetch(input: RequestInfo | URL, init: RequestInit = {}) {
  const token = await accessTokenForRequest();
  const send = (bearer: string | null) => {
    const headers = new Headers(init.headers);
    if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
    // same-origin: login and signInWithCode answer with the refresh cookie (Set-Cookie), which
    // the browser would drop from an `omit` request; its path is /oauth/, so it is never sent
    // back to /graphql. They also set the device cookie (path /graphql), which must come back
    // with later sign-ins: it keeps the account's sign-in limits off a browser that signed in
    // before (Issue 13 F4). It authenticates nothing: /graphql takes only the bearer token.
    return fetch(input, { ...init, headers, credentials: "same-origin" });
  };
  const response = await send(token);
  if (response.status !== 401 || !token) return response;
  // Refused before its time (the session ended elsewhere, a key rotated): one refresh, and a
  // refused refresh signs out (clearSession tells the listeners).
  const fresh = await refreshSession();
  return fresh ? send(fresh) : response;
}
