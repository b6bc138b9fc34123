import { useI18n } from "../../i18n";

/** The roles a read was allowed in, in words ("Organisation staff, Auditor"). */
export function ReadRoles({ roles }: { roles: readonly string[] }) {
  const { t, label } = useI18n();
  if (roles.length === 0) return <>{t("accessLog.reader.ANONYMOUS")}</>;
  return <>{roles.map((role) => label("accessLog.role", role)).join(", ")}</>;
}
