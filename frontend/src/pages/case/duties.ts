// What the case waits on the viewer for (duties), what they may also do (rights), who must act
// by when, and which steps cannot be undone: the ONE place the pages read these from.
//
// The server decides all of it from the transition table (`viewerDuties`, `viewerRights`,
// `whoMustAct`, `irreversibleActions`). Until those fields are in the API this module reads
// `availableActions` and the clocks with the FALLBACK sets below; once they are, it uses the
// server's answer and the fallbacks can go (see the lead's follow-up in the issue 16 report).
import type { CaseAction, ClockFieldsFragment, ClockKind, ResponsibleParty } from "../../gql/graphql";

interface CaseLike {
  availableActions: readonly CaseAction[];
  clocks: readonly ClockFieldsFragment[];
  viewerRoles: readonly string[];
}

/** The fields the server adds (issue 16); optional until the API has them. */
interface Marked {
  viewerDuties?: readonly CaseAction[];
  viewerRights?: readonly CaseAction[];
  irreversibleActions?: readonly CaseAction[];
  whoMustAct?: readonly { party: ResponsibleParty; clock: ClockKind; dueAt: string; overdue: boolean }[];
}

// FALLBACK (until viewerDuties/viewerRights): actions nobody must take.
const FALLBACK_RIGHTS: ReadonlySet<CaseAction> = new Set<CaseAction>([
  "WITHDRAW",
  "OBJECT_TO_NEUTRAL",
  "MAKE_OFFER",
  "WITHDRAW_OFFER",
  "REJECT_OFFER",
  "ACCEPT_OFFER",
  "REQUEST_REVIEW",
  "EXTEND_CLOCK",
]);
// FALLBACK (until Clock.obligation / whoMustAct): clocks that time a right, not a duty.
const FALLBACK_WINDOWS: ReadonlySet<ClockKind> = new Set<ClockKind>(["OBJECTION", "REFLECTION", "REVIEW"]);
// FALLBACK (until irreversibleActions): steps that cannot be undone.
const FALLBACK_IRREVERSIBLE: ReadonlySet<CaseAction> = new Set<CaseAction>([
  "ACCEPT_OFFER",
  "ACCEPT_OUTCOME",
  "REJECT_OUTCOME",
  "GIVE_CONSENT",
  "WITHDRAW",
  "ISSUE_OUTCOME",
  "CONFIRM_IMPLEMENTATION",
  "REQUEST_REVIEW",
  "DECIDE_REVIEW",
  "CLOSE",
  "DECLINE",
  "REFUSE_PARTICIPATION",
]);

const marked = (item: CaseLike) => item as CaseLike & Marked;

/** Your turn: what the case waits on you for, most pressing first. */
export function dutiesOf(item: CaseLike): CaseAction[] {
  const server = marked(item).viewerDuties;
  if (server) return [...server];
  return item.availableActions.filter((action) => !FALLBACK_RIGHTS.has(action));
}

/** "You may also ...": what you may do and need not. */
export function rightsOf(item: CaseLike): CaseAction[] {
  const server = marked(item).viewerRights;
  if (server) return [...server];
  return item.availableActions.filter((action) => FALLBACK_RIGHTS.has(action));
}

/** A step that cannot be undone: it goes through a check page and a confirmation. */
export function isIrreversible(item: CaseLike, action: CaseAction): boolean {
  const server = marked(item).irreversibleActions;
  return server ? server.includes(action) : FALLBACK_IRREVERSIBLE.has(action);
}

export interface DueDuty {
  party: ResponsibleParty;
  clock: ClockKind;
  dueAt: string;
  overdue: boolean;
}

/** Who must act, and by when: duty clocks only (never a window for a right), soonest first. */
export function whoMustAct(item: CaseLike, now = Date.now()): DueDuty[] {
  const server = marked(item).whoMustAct;
  if (server) return server.map(({ party, clock, dueAt, overdue }) => ({ party, clock, dueAt, overdue }));
  return item.clocks
    .filter((clock) => clock.status === "RUNNING" && !isWindow(item.clocks, clock.kind))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map((clock) => ({
      party: clock.responsible,
      clock: clock.kind,
      dueAt: clock.dueAt,
      overdue: new Date(clock.dueAt).getTime() < now,
    }));
}

/** The parties the viewer acts as on this case. */
function partiesOf(roles: readonly string[]): Set<ResponsibleParty> {
  const parties = new Set<ResponsibleParty>();
  if (roles.includes("COMPLAINANT") || roles.includes("REPRESENTATIVE")) parties.add("COMPLAINANT");
  if (roles.includes("ORGANISATION")) parties.add("ORGANISATION");
  if (roles.includes("NEUTRAL")) parties.add("NEUTRAL");
  if (roles.includes("PROVIDER")) parties.add("PROVIDER");
  if (parties.has("COMPLAINANT") || parties.has("ORGANISATION")) parties.add("PARTIES");
  return parties;
}

/** The viewer's own next deadline, if a duty clock times their turn. */
export function myDeadline(item: CaseLike): DueDuty | null {
  const mine = partiesOf(item.viewerRoles);
  return whoMustAct(item).find((duty) => mine.has(duty.party)) ?? null;
}

/** A clock that times a right (objecting, thinking an outcome over, asking for a review):
 * nobody must act by its end. */
export function isWindow(clocks: readonly ClockFieldsFragment[], kind: ClockKind): boolean {
  const clock = clocks.find((candidate) => candidate.kind === kind) as { obligation?: string } | undefined;
  if (clock?.obligation) return clock.obligation === "WINDOW";
  return FALLBACK_WINDOWS.has(kind);
}
