// The organisations or providers whose team, profile or survey the signed-in person runs,
// from their roles (the server decides again on every request: portal/auth/policy.py).
import type { Role } from "../../gql/graphql";
import type { Viewer } from "../../lib/auth";

export type TeamKind = "organisation" | "provider";

/** The role that runs each kind of team (policy.TEAM_MANAGER). */
export const MANAGER_ROLE: Record<TeamKind, Role> = {
  organisation: "ORG_MANAGER",
  provider: "PROVIDER_CASEWORKER",
};

export interface Owner {
  id: string;
  name: string;
}

export function ownersOf(viewer: Viewer | null, kind: TeamKind): Owner[] {
  const found: Owner[] = [];
  for (const membership of viewer?.roles ?? []) {
    if (membership.role !== MANAGER_ROLE[kind]) continue;
    const owner = kind === "organisation" ? membership.organisation : membership.provider;
    if (owner && !found.some((o) => o.id === owner.id)) found.push({ id: owner.id, name: owner.name });
  }
  return found;
}
