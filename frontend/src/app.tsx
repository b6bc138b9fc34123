import { Component, Suspense, useCallback, useState } from "react";
import type { ReactNode } from "react";
import { Provider as UrqlProvider } from "urql";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { Layout } from "./components/Layout";
import { I18nProvider } from "./i18n";
import { AuthProvider, useAuth } from "./lib/auth";
import { createPortalClient } from "./lib/client";
import { ROUTES, homeFor, mayOpen } from "./routes";
import { NotFound } from "./pages/NotFound";
import { Loading } from "./components/Status";
import { ChunkLoadFailed } from "./lib/lazyPage";
import { useI18n } from "./i18n";

/** A page's code that could not be fetched (offline, or the portal was updated meanwhile and the
 * old chunk is gone): a message and a reload link rather than a blank page. Other errors are
 * not this boundary's: they go on to the browser as before. Cleared by moving to another page. */
class PageBoundary extends Component<{ path: string; children: ReactNode }, { failed: unknown; path: string }> {
  state = { failed: null as unknown, path: this.props.path };

  static getDerivedStateFromError(failed: unknown) {
    return { failed };
  }

  static getDerivedStateFromProps(props: { path: string }, state: { path: string }) {
    return props.path === state.path ? null : { failed: null, path: props.path };
  }

  render() {
    if (this.state.failed === null) return this.props.children;
    if (!(this.state.failed instanceof ChunkLoadFailed)) throw this.state.failed;
    return <PageLoadFailed />;
  }
}

function PageLoadFailed() {
  const { t } = useI18n();
  return (
    <div role="alert" className="error">
      <p>{t("status.pageLoadFailed")}</p>
      <p>
        <a href={location.href}>{t("status.reload")}</a>
      </p>
    </div>
  );
}

function Pages() {
  const { status } = useAuth();
  const [path] = useLocation();
  if (status === "loading") return <Loading />;
  return (
    <PageBoundary path={path}>
      <Suspense fallback={<Loading />}>
        <Routes />
      </Suspense>
    </PageBoundary>
  );
}

function Routes() {
  const { status, viewer } = useAuth();
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
