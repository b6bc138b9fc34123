import { Link } from "wouter";
import { useI18n } from "../../i18n";
import { TeamPage } from "../members/Team";
import { AdminMenu } from "./common";

/** An organisation's team as an admin runs it: the members Team page for that owner, so that
 * an admin can invite a new organisation's first manager (and help any team later). */
export function AdminOrganisationTeam({ id }: { id: string }) {
  return <AdminTeam kind="organisation" id={id} />;
}

/** A provider's team as an admin runs it (its first caseworker, who then runs it). */
export function AdminProviderTeam({ id }: { id: string }) {
  return <AdminTeam kind="provider" id={id} />;
}

function AdminTeam({ kind, id }: { kind: "organisation" | "provider"; id: string }) {
  const { t } = useI18n();
  const back = `/admin/${kind === "organisation" ? "organisations" : "providers"}/${encodeURIComponent(id)}`;
  return (
    <>
      <Link href={back} className="govuk-back-link">
        {kind === "organisation" ? t("admin.team.backOrganisation") : t("admin.team.backProvider")}
      </Link>
      <AdminMenu current={kind === "organisation" ? "organisations" : "providers"} />
      <TeamPage kind={kind} ownerId={id} titleFor={(name) => t("admin.team.title", { name })} />
    </>
  );
}
