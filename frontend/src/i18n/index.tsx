// Message catalogues, one file per area of the portal and locale (en/<area>.json and
// zh-Hans/<area>.json hold the same keys, a test checks), and Intl formatting by the chosen
// locale. The choice is kept in localStorage and sets <html lang>. To add strings: put them in
// the area's file in both locales (common: layout and forms; consumer; case; staff; records;
// admin; directory; integrations; members: teams, profiles, surveys; account: sign-up, setup,
// claiming an account; commitments: ISO 10001 commitments and their review; privacy: the
// person's data, its export and erasure; sessions: sessions and hearings, and the calendar
// feed; groups: linked and group cases).
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import enAccessLog from "./en/accessLog.json";
import enAccount from "./en/account.json";
import enAdmin from "./en/admin.json";
import enAudit from "./en/audit.json";
import enCase from "./en/case.json";
import enCommitments from "./en/commitments.json";
import enCommon from "./en/common.json";
import enConsumer from "./en/consumer.json";
import enDirectory from "./en/directory.json";
import enGroups from "./en/groups.json";
import enFees from "./en/fees.json";
import enIntegrations from "./en/integrations.json";
import enMembers from "./en/members.json";
import enRecords from "./en/records.json";
import enPrivacy from "./en/privacy.json";
import enSessions from "./en/sessions.json";
import enStaff from "./en/staff.json";

const en = {
  ...enCommon,
  ...enConsumer,
  ...enCase,
  ...enStaff,
  ...enRecords,
  ...enAdmin,
  ...enDirectory,
  ...enIntegrations,
  ...enMembers,
  ...enAccount,
  ...enCommitments,
  ...enAudit,
  ...enAccessLog,
  ...enPrivacy,
  ...enSessions,
  ...enGroups,
  ...enFees,
};

// Other languages load when chosen, so nobody downloads a catalogue they do not read (issue 16:
// the first page's weight). English is the types' source and is always there.
const OTHER_CATALOGUES: Record<Exclude<UiLocale, "en">, Record<string, () => Promise<Catalogue>>> = {
  "zh-Hans": import.meta.glob<Catalogue>("./zh-Hans/*.json", { import: "default" }),
};

type Catalogue = Record<MessageKey, string>;
const loaded = new Map<UiLocale, Catalogue>([["en", en]]);

async function loadCatalogue(locale: UiLocale): Promise<Catalogue> {
  const kept = loaded.get(locale);
  if (kept) return kept;
  const files = OTHER_CATALOGUES[locale as Exclude<UiLocale, "en">];
  const parts = await Promise.all(Object.values(files).map((load) => load()));
  const catalogue = Object.assign({}, ...parts) as Catalogue;
  loaded.set(locale, catalogue);
  return catalogue;
}

export type MessageKey = keyof typeof en;
export const LOCALES = ["en", "zh-Hans"] as const;
export type UiLocale = (typeof LOCALES)[number];
const STORAGE_KEY = "parley.locale";

function initialLocale(): UiLocale {
  const kept = localStorage.getItem(STORAGE_KEY);
  if (kept === "en" || kept === "zh-Hans") return kept;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh-Hans" : "en";
}

/** The API's Locale enum for a UI locale, and back. */
export const apiLocale = (locale: UiLocale) => (locale === "en" ? "EN" : "ZH_HANS");

type Vars = Record<string, string | number>;

export interface I18n {
  locale: UiLocale;
  setLocale(locale: UiLocale): void;
  t(key: MessageKey, vars?: Vars): string;
  /** A label for an API enum value: `${prefix}.${value}`, the raw value when none is kept. */
  label(prefix: string, value: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  money(amount: string | number, currency: string): string;
  bytes(size: number): string;
}

const Context = createContext<I18n | null>(null);

function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function I18nProvider({ children }: { children: ReactNode }) {
  // The chosen language, and the one shown: they differ while a catalogue loads.
  const [chosen, setChosen] = useState<UiLocale>(initialLocale);
  const [shown, setShown] = useState<{ locale: UiLocale; catalogue: Catalogue } | null>(() => {
    const kept = loaded.get(chosen);
    return kept ? { locale: chosen, catalogue: kept } : null;
  });
  useEffect(() => {
    let current = true;
    void loadCatalogue(chosen).then(
      (catalogue) => current && setShown({ locale: chosen, catalogue }),
      // Offline before it loaded: stay in English rather than show nothing.
      () => current && setShown({ locale: "en", catalogue: en }),
    );
    return () => {
      current = false;
    };
  }, [chosen]);
  const locale = shown?.locale ?? "en";
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: UiLocale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setChosen(next);
  }, []);
  const catalogue = shown?.catalogue;
  const value = useMemo<I18n | null>(() => {
    if (!catalogue) return null;
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
    });
    const t = (key: MessageKey, vars?: Vars) => interpolate(catalogue[key] ?? key, vars);
    return {
      locale,
      setLocale,
      t,
      label: (prefix, raw) => {
        if (!raw) return "";
        const key = `${prefix}.${raw}` as MessageKey;
        return key in catalogue ? catalogue[key] : raw;
      },
      date: (iso) => (iso ? dateFormat.format(new Date(iso)) : ""),
      dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : ""),
      number: (n, options) => new Intl.NumberFormat(locale, options).format(n),
      money: (amount, currency) =>
        new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount)),
      bytes: (size) =>
        new Intl.NumberFormat(locale, {
          style: "unit",
          unit: size >= 1_048_576 ? "megabyte" : "kilobyte",
          maximumFractionDigits: 1,
        }).format(size >= 1_048_576 ? size / 1_048_576 : Math.max(size / 1024, 0.1)),
    };
  }, [locale, catalogue, setLocale]);
  // The first moment of a page in another language, while its catalogue arrives: nothing yet.
  if (!value) return null;
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
