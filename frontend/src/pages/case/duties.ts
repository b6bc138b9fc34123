// What the case waits on the viewer for (duties), what they may also do (rights), who must act
// by when, and which steps cannot be undone: the ONE place the consumer and case pages read
// these from. All of it is the server's, by the transition table (portal/cases/transitions.py,
// portal/cases/duties.py): `viewerDuties`, `viewerRights`, `whoMustAct`, `Clock.obligation`,
// and `irreversibleActions`. Nothing here restates the table.
import type {
  CaseAction,
  ClockFieldsFragment,
  ClockKind,
  DueDutyFieldsFragment,
  ResponsibleParty,
} from "../../gql/graphql";

interface CaseLike {
  viewerRoles: readonly string[];
  viewerDuties: readonly CaseAction[];
  viewerRights: readonly CaseAction[];
  whoMustAct: readonly DueDutyFieldsFragment[];
  clocks: readonly ClockFieldsFragment[];
}

/** Your turn: what the case waits on you for, most pressing first. */
export function dutiesOf(item: CaseLike): CaseAction[] {
  return [...item.viewerDuties];
}

/** "You may also ...": what you may do and need not. */
export function rightsOf(item: CaseLike): CaseAction[] {
  return [...item.viewerRights];
}

/** A step that cannot be undone: it goes through a check page and a confirmation. */
export function isIrreversible(item: { irreversibleActions: readonly CaseAction[] }, action: CaseAction): boolean {
  return item.irreversibleActions.includes(action);
}

export interface DueDuty {
  party: ResponsibleParty;
  clock: ClockKind;
  dueAt: string;
  overdue: boolean;
}

/** Who must act, and by when: duty clocks only (never a window for a right), soonest first. */
export function whoMustAct(item: CaseLike): DueDuty[] {
  return item.whoMustAct.map(({ party, clock, dueAt, overdue }) => ({ party, clock, dueAt, overdue }));
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

/** The viewer's own next deadline: the first owed duty that is theirs and that one of their
 * duties now discharges. */
export function myDeadline(item: CaseLike): DueDuty | null {
  const mine = partiesOf(item.viewerRoles);
  const duty = item.whoMustAct.find(
    (owed) => mine.has(owed.party) && owed.actions.some((action) => item.viewerDuties.includes(action)),
  );
  return duty ? { party: duty.party, clock: duty.clock, dueAt: duty.dueAt, overdue: duty.overdue } : null;
}

/** A clock that times a right (objecting, thinking an outcome over, asking for a review):
 * nobody must act by its end. */
export function isWindow(clocks: readonly ClockFieldsFragment[], kind: ClockKind): boolean {
  return clocks.some((clock) => clock.kind === kind && clock.obligation === "WINDOW");
}
