import { useCallback, useState } from "react";
import { Provider as UrqlProvider } from "urql";
import { Redirect, Route, Switch } from "wouter";
import { Layout } from "./components/Layout";
import { I18nProvider } from "./i18n";
import { AuthProvider, useAuth } from "./lib/auth";
import { createPortalClient } from "./lib/client";
import { ROUTES, homeFor, mayOpen } from "./routes";
import { NotFound } from "./pages/NotFound";
import { Loading } from "./components/Status";

function Pages() {
  const { status, viewer } = useAuth();
  if (status === "loading") return <Loading />;
  return (
    <Switch>
      <Route path="/">{status === "signedIn" ? <Redirect to={homeFor(viewer)} /> : <Redirect to="/sign-in" />}</Route>
      {ROUTES.map(({ path, component: Page, access }) => (
        <Route key={path} path={path}>
          {(params) =>
            mayOpen(access, status, viewer) ? (
              <Page {...params} />
            ) : status === "signedIn" ? (
              <NotFound />
            ) : (
              <Redirect to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} />
            )
          }
        </Route>
      ))}
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

export function App() {
  // Signing out replaces the client, so nothing cached for one person is shown to the next.
  const [session, setSession] = useState(() => ({ client: createPortalClient(), generation: 0 }));
  const reset = useCallback(
    () => setSession((old) => ({ client: createPortalClient(), generation: old.generation + 1 })),
    [],
  );
  return (
    <I18nProvider>
      <UrqlProvider value={session.client}>
        <AuthProvider key={session.generation} onReset={reset}>
          <Layout>
            <Pages />
          </Layout>
        </AuthProvider>
      </UrqlProvider>
    </I18nProvider>
  );
}
