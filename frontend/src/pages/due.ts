// What a case waits on, for the staff lists (the organisation's inbox, the provider's queue, the
// neutral's cases, the case list): its next duty due, whose delay it is, and whether it is
// overdue. All of it is the server's one function (portal/cases/duties.py): `DisputeCase.nextDue`
// and `overdue` for the badge, `cases(filter: {overdue})` for the filter and
// `cases(orderBy: {field: NEXT_DUE})` for the order, so the three cannot disagree. Nothing is recomputed here.
import { useQuery } from "urql";
import { CasesDocument } from "../gql/graphql";
import type { CaseStage } from "../gql/graphql";
import type { DueDuty } from "./case/duties";

export interface CaseDue {
  /** The first duty still owed, soonest first; null when the case waits on no duty clock. */
  next: DueDuty | null;
  overdue: boolean;
}

/** The badge's source: the server's flag and next duty, as the list query selects them. */
export function caseDue(item: { nextDue?: DueDuty | null; overdue: boolean }): CaseDue {
  return { next: item.nextDue ?? null, overdue: item.overdue };
}

/** The staff lists' query: every case the viewer may see that matches, soonest due first
 * (the cases waiting on nobody after, newest first), "overdue only" filtered by the server. */
export function useStaffCases(filter: { stage?: CaseStage | "" | null; search?: string; overdue?: boolean }, pause = false) {
  const [result, refetch] = useQuery({
    query: CasesDocument,
    variables: {
      first: 100,
      orderBy: { field: "NEXT_DUE" },
      filter: {
        stage: filter.stage || null,
        search: filter.search?.trim() || null,
        overdue: filter.overdue ? true : null,
      },
    },
    requestPolicy: "cache-and-network",
    pause,
  });
  const cases = result.data?.cases.edges.map((edge) => edge.node) ?? [];
  return { cases, data: result.data, fetching: result.fetching, error: result.error, refetch };
}

/** The case waits on the viewer: a duty of theirs now (by the transition table). */
export function waitsOnViewer(item: { viewerDuties: readonly string[] }) {
  return item.viewerDuties.length > 0;
}
