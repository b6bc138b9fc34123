import { useEffect } from "react";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";

/** The page's one <h1>, also the document title. */
export function PageTitle({ children, text, caption }: { children?: ReactNode; text: string; caption?: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${text} · ${t("app.name")}`;
  }, [text, t]);
  return (
    <>
      {caption && <span className="govuk-caption-l">{caption}</span>}
      <h1 className="govuk-heading-l">{children ?? text}</h1>
    </>
  );
}
