import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { useMutation } from "urql";
import { Link, useLocation } from "wouter";
import { UpdateMyPreferencesDocument } from "../gql/graphql";
import { apiLocale, LOCALES, useI18n, type UiLocale } from "../i18n";
import { useAuth } from "../lib/auth";
import { NAV, mayOpen } from "../routes";

const LOCALE_NAMES: Record<UiLocale, string> = { en: "English", "zh-Hans": "简体中文" };

/** The page frame, GOV.UK style: skip link, header (service name, language, who is signed
 * in), the menu from the routes table, the main column, the footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { status, viewer, signOut } = useAuth();
  const [, savePreferences] = useMutation(UpdateMyPreferencesDocument);
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
  // The entry of the page, or else of the area the page is in (a finding under "Audit
  // findings", a case under "Cases"): the longest entry the path starts with.
  const area = items
    .filter((item) => path === item.href || path.startsWith(`${item.href}/`))
    .reduce<string | null>((best, item) => (best && best.length >= item.href.length ? best : item.href), null);
  return (
    <>
      <a className="govuk-skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <header className="parley-header">
        <div className="govuk-width-container parley-header__inner">
          <Link href="/" className="parley-header__brand">
            {t("app.name")}
          </Link>
          <div className="parley-header__tools">
            <div className="parley-header__locale">
              <label className="govuk-label govuk-label--s" htmlFor="parley-locale">
                {t("layout.language")}
              </label>{" "}
              <select
                id="parley-locale"
                className="govuk-select"
                value={locale}
                onChange={(e) => {
                  const next = e.target.value as UiLocale;
                  setLocale(next);
                  // A person's choice is kept with their account: their mail follows it too.
                  if (status === "signedIn" && viewer?.user) {
                    void savePreferences({ input: { language: apiLocale(next) } });
                  }
                }}
              >
                {LOCALES.map((code) => (
                  <option key={code} value={code} lang={code}>
                    {LOCALE_NAMES[code]}
                  </option>
                ))}
              </select>
            </div>
            {status === "signedIn" && viewer?.user && (
              <span className="parley-header__who">
                <span>
                  <span className="govuk-visually-hidden">{t("layout.signedInAs")} </span>
                  {viewer.user.displayName}
                </span>
                <Link href="/account" className="govuk-link parley-header__link">
                  {t("layout.account")}
                </Link>
                <button type="button" className="parley-link-button" onClick={() => void signOut()}>
                  {t("layout.signOut")}
                </button>
              </span>
            )}
          </div>
        </div>
      </header>
      {items.length > 0 && (
        <nav className="parley-nav" aria-label={t("layout.mainNavigation")}>
          <div className="govuk-width-container">
            <ul className="parley-nav__list">
              {items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="govuk-link govuk-link--no-visited-state"
                    aria-current={path === item.href ? "page" : area === item.href ? "true" : undefined}
                  >
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      )}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main" ref={main} tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <p className="govuk-body-s">
            <Link href="/providers" className="govuk-link">
              {t("directory.link")}
            </Link>
          </p>
          <p className="govuk-body-s">{t("layout.footer")}</p>
        </div>
      </footer>
    </>
  );
}
