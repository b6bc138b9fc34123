import { Link } from "wouter";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n";

export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("notFound.title")} />
        <p className="govuk-body">{t("notFound.body")}</p>
        <p className="govuk-body">
          <Link href="/" className="govuk-link">
            {t("notFound.home")}
          </Link>
        </p>
      </div>
    </div>
  );
}
