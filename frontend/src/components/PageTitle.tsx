import { useEffect } from "react";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";

/** The page's one <h1>, also the document title. */
export function PageTitle({ children, text }: { children?: ReactNode; text: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${text} · ${t("app.name")}`;
  }, [text, t]);
  return <h1>{children ?? text}</h1>;
}
