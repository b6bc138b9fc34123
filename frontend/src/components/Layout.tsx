import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { LOCALES, useI18n, type UiLocale } from "../i18n";
import { useAuth } from "../lib/auth";
import { NAV, mayOpen } from "../routes";

const LOCALE_NAMES: Record<UiLocale, string> = { en: "English", "zh-Hans": "简体中文" };

export function Layout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { status, viewer, signOut } = useAuth();
  const [path] = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // A client-side navigation moves focus to the new page, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);

  const items = NAV.filter((item) => mayOpen(item.access, status, viewer));
  return (
    <>
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link href="/">{t("app.name")}</Link>
        </div>
        {items.length > 0 && (
          <nav aria-label={t("layout.mainNavigation")}>
            <ul className="nav-list">
              {items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={path === item.href ? "page" : undefined}
                  >
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="header-tools">
          <label className="locale-picker">
            <span>{t("layout.language")}</span>
            <select value={locale} onChange={(e) => setLocale(e.target.value as UiLocale)}>
              {LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LOCALE_NAMES[code]}
                </option>
              ))}
            </select>
          </label>
          {status === "signedIn" && viewer?.user && (
            <span className="who">
              <span className="visually-hidden">{t("layout.signedInAs")} </span>
              {viewer.user.displayName}
              <button type="button" className="link-button" onClick={() => void signOut()}>
                {t("layout.signOut")}
              </button>
            </span>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("layout.footer")}</p>
      </footer>
    </>
  );
}
