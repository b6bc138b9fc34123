// Which visibility scopes a role on a case writes in: a copy of WRITABLE_SCOPES in
// portal/auth/policy.py, only to offer the right choices. The server decides, and refuses
// any other with SCOPE_NOT_ALLOWED.
import type { CaseRole, Visibility } from "../gql/graphql";

const WRITABLE: Partial<Record<CaseRole, readonly Visibility[]>> = {
  COMPLAINANT: ["ALL_PARTIES", "CAUCUS_COMPLAINANT"],
  REPRESENTATIVE: ["ALL_PARTIES", "CAUCUS_COMPLAINANT"],
  ORGANISATION: ["ALL_PARTIES", "CAUCUS_ORGANISATION", "ORGANISATION_INTERNAL"],
  NEUTRAL: ["ALL_PARTIES", "CAUCUS_COMPLAINANT", "CAUCUS_ORGANISATION", "NEUTRAL_ONLY"],
  PROVIDER: ["ALL_PARTIES", "PROVIDER_INTERNAL"],
};

const ORDER: readonly Visibility[] = [
  "ALL_PARTIES",
  "CAUCUS_COMPLAINANT",
  "CAUCUS_ORGANISATION",
  "NEUTRAL_ONLY",
  "ORGANISATION_INTERNAL",
  "PROVIDER_INTERNAL",
];

export function writableScopes(roles: readonly CaseRole[]): Visibility[] {
  const scopes = new Set(roles.flatMap((role) => WRITABLE[role] ?? []));
  return ORDER.filter((scope) => scopes.has(scope));
}

export const SCOPE_ORDER = ORDER;

/** The side a party acts for on this case, if any. */
export function sideOf(roles: readonly CaseRole[]): "COMPLAINANT" | "ORGANISATION" | null {
  if (roles.includes("COMPLAINANT") || roles.includes("REPRESENTATIVE")) return "COMPLAINANT";
  if (roles.includes("ORGANISATION")) return "ORGANISATION";
  return null;
}
