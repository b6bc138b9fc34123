// What a case waits on, for the staff lists (the organisation's inbox, the provider's queue, the
// neutral's cases, the case list): its next duty due, whose delay it is, and whether it is
// overdue. The badge, the "overdue only" filter and the order by due date all come from here,
// so they cannot disagree.
//
// THE SWITCH: the server computes this with one function (`DisputeCase.nextDue` / `overdue`,
// `cases(filter: {overdue}, orderBy: DUE)`). Until the list query selects those fields, the
// rule is mirrored here from portal/api/cases/queries.py (_overdue): a duty clock running past
// its due date, or recorded missed while the case still waits in the stage that owes it;
// windows for a right (objection, reflection) are nobody's delay.
import { useQuery } from "urql";
import { CasesDocument } from "../gql/graphql";
import type { CaseStage, ClockFieldsFragment, ClockKind, ResponsibleParty } from "../gql/graphql";

export interface DueDuty {
  /** Whose duty it is, and so whose delay once it is overdue. */
  party: ResponsibleParty;
  clock: ClockKind;
  dueAt: string;
  overdue: boolean;
}

export interface CaseDue {
  /** The first duty still owed, soonest first; null when the case waits on no duty clock. */
  next: DueDuty | null;
  overdue: boolean;
}

/** What the list needs of a case to say what it waits on. */
export interface DueSource {
  stage: CaseStage;
  clocks: readonly ClockFieldsFragment[];
  /** From the server, once the list query selects them (then used as they are). */
  nextDue?: DueDuty | null;
  overdue?: boolean;
}

const WINDOWS: readonly ClockKind[] = ["OBJECTION", "REFLECTION"];
const OWED_IN: Partial<Record<ClockKind, CaseStage>> = {
  ACCEPTANCE: "REFERRED",
  RESPONSE: "AWAITING_RESPONSE",
  OUTCOME: "IN_RESOLUTION",
  REVIEW: "UNDER_REVIEW",
  IMPLEMENTATION: "IMPLEMENTATION",
};

/** The one function: what a case waits on and whether it is overdue. */
export function caseDue(item: DueSource, now = Date.now()): CaseDue {
  if (item.overdue !== undefined && item.nextDue !== undefined) {
    return { next: item.nextDue ?? null, overdue: item.overdue };
  }
  const owed = item.clocks
    .filter((clock) => !WINDOWS.includes(clock.kind))
    .filter(
      (clock) => clock.status === "RUNNING" || (clock.status === "MISSED" && OWED_IN[clock.kind] === item.stage),
    )
    .map(
      (clock): DueDuty => ({
        party: clock.responsible,
        clock: clock.kind,
        dueAt: clock.dueAt,
        overdue: clock.status === "MISSED" || new Date(clock.dueAt).getTime() < now,
      }),
    )
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return { next: owed[0] ?? null, overdue: owed.some((duty) => duty.overdue) };
}

/** The order by due date: cases waiting on a duty first, soonest due first (so the overdue
 * ones lead); then the others, newest first. The server's `orderBy: DUE` is the same. */
export function byDue<T extends DueSource & { createdAt: string }>(cases: readonly T[]): T[] {
  const due = new Map(cases.map((item) => [item, caseDue(item)]));
  return [...cases].sort((a, b) => {
    const x = due.get(a)!.next;
    const y = due.get(b)!.next;
    if (x && y) return x.dueAt.localeCompare(y.dueAt);
    if (x) return -1;
    if (y) return 1;
    return b.createdAt.localeCompare(a.createdAt);
  });
}

/** The "overdue only" filter, by the same function as the badge. */
export function onlyOverdue<T extends DueSource>(cases: readonly T[], overdue: boolean): T[] {
  return overdue ? cases.filter((item) => caseDue(item).overdue) : [...cases];
}

/** The staff lists' query: every case the viewer may see that matches, with the overdue
 * filter and the order by due date applied by the functions above (THE SWITCH: once the list
 * query selects `nextDue`/`overdue`, pass `filter.overdue` and `orderBy: DUE` to the server
 * and drop the two client calls; the badge reads the same fields). */
export function useStaffCases(filter: { stage?: CaseStage | "" | null; search?: string; overdue?: boolean }, pause = false) {
  const [result, refetch] = useQuery({
    query: CasesDocument,
    variables: {
      first: 100,
      filter: { stage: filter.stage || null, search: filter.search?.trim() || null },
    },
    requestPolicy: "cache-and-network",
    pause,
  });
  const all = result.data?.cases.edges.map((edge) => edge.node) ?? [];
  const cases = byDue(onlyOverdue(all, filter.overdue ?? false));
  return { cases, data: result.data, fetching: result.fetching, error: result.error, refetch };
}

/** The case waits on the viewer: a duty of theirs (`viewerDuties` once the query selects it),
 * else, until then, any step the server offers them. */
export function waitsOnViewer(item: { availableActions: readonly string[]; viewerDuties?: readonly string[] }) {
  return (item.viewerDuties ?? item.availableActions).length > 0;
}

/** What the viewer must do (duties) and may also do (rights), once the query selects
 * `viewerDuties`/`viewerRights`; until then everything the server offers, undivided. */
export function stepsOf<A extends string>(item: {
  availableActions: readonly A[];
  viewerDuties?: readonly A[];
  viewerRights?: readonly A[];
}): { duties: readonly A[]; rights: readonly A[] } | { all: readonly A[] } {
  if (item.viewerDuties && item.viewerRights) return { duties: item.viewerDuties, rights: item.viewerRights };
  return { all: item.availableActions };
}
