import { Link } from "wouter";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n";

export function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <PageTitle text={t("notFound.title")} />
      <p>{t("notFound.body")}</p>
      <p>
        <Link href="/">{t("notFound.home")}</Link>
      </p>
    </section>
  );
}
