// Who is signed in, and what they may see in the navigation. Access decisions stay on the
// server (portal/auth/policy.py); the roles here only choose which pages to offer.
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import type { ReactNode } from "react";
import { useClient } from "urql";
import { useLocation } from "wouter";
import {
  LogoutDocument,
  ViewerDocument,
  type Role,
  type ViewerFieldsFragment,
} from "../gql/graphql";
import { removeDraftsOf } from "../design/draft";
import { SessionTimeout } from "../components/SessionTimeout";
import { clearSession, onSessionChange, resumeSession, setSession } from "./session";

export type Viewer = ViewerFieldsFragment;

interface AuthState {
  status: "loading" | "signedOut" | "signedIn";
  viewer: Viewer | null;
  /** After login or signInWithCode: keep the access token and the viewer. */
  signedIn(accessToken: string, expiresIn: number, viewer: Viewer, refreshExpiresIn?: number): void;
  signOut(): Promise<void>;
}

const Context = createContext<AuthState | null>(null);

export function AuthProvider({ children, onReset }: { children: ReactNode; onReset(): void }) {
  const client = useClient();
  const [, navigate] = useLocation();
  const [status, setStatus] = useState<AuthState["status"]>("loading");
  const [viewer, setViewer] = useState<Viewer | null>(null);

  useEffect(() => {
    let live = true;
    resumeSession().then(async (token) => {
      if (!live) return;
      if (!token) return setStatus("signedOut");
      const result = await client.query(ViewerDocument, {}, { requestPolicy: "network-only" });
      if (!live) return;
      if (result.data?.viewer.user) {
        setViewer(result.data.viewer);
        setStatus("signedIn");
      } else setStatus("signedOut");
    });
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(
    () =>
      onSessionChange((signedIn) => {
        if (!signedIn) {
          setViewer(null);
          setStatus("signedOut");
        }
      }),
    [],
  );

  const signedIn = useCallback((accessToken: string, expiresIn: number, who: Viewer, refreshExpiresIn?: number) => {
    // The sign-in's own life, so the timeout warning knows it from the first page.
    setSession(accessToken, expiresIn, refreshExpiresIn);
    setViewer(who);
    setStatus("signedIn");
  }, []);

  const signOut = useCallback(async () => {
    // Ends the session server-side (its refresh and access tokens stop working) and clears
    // the cookie; the cached data of the person who left goes with a fresh client.
    await client.mutation(LogoutDocument, {}).toPromise();
    // In one tick, so the page left behind does not ask to sign in again to come back to it.
    navigate("/sign-in", { replace: true });
    clearSession();
    // A shared device: what this person typed and did not send goes with them (after the
    // session ended, when open forms have kept theirs).
    if (viewer?.user?.id) removeDraftsOf(viewer.user.id);
    onReset();
  }, [client, navigate, onReset, viewer]);

  return (
    <Context.Provider value={{ status, viewer, signedIn, signOut }}>
      {children}
      {status === "signedIn" && <SessionTimeout onSignOut={() => void signOut()} />}
    </Context.Provider>
  );
}

export function useAuth(): AuthState {
  const value = useContext(Context);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}

export function rolesOf(viewer: Viewer | null): Set<Role> {
  return new Set((viewer?.roles ?? []).map((membership) => membership.role));
}

/** A consumer is a person with no staff role: they file complaints and follow their disputes. */
export function isConsumer(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.roles.length === 0;
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  const held = rolesOf(viewer);
  return roles.some((role) => held.has(role));
}
