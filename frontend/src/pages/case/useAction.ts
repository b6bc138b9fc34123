// Running one case mutation: its userErrors kept, and `onDone` (refetch the case, and show what
// was done) on success, or when the case had moved to another stage meanwhile.
import { useRef, useState } from "react";
import { useMutation, type AnyVariables, type TypedDocumentNode } from "urql";
import type { UserErrorLike } from "../../components/Status";

type Payload = { userErrors: readonly UserErrorLike[] };

/** What the case page shows after an action: a success banner, or for a step that cannot be
 * undone (`receipt`) the confirmation panel with what happens next and the receipt by mail. */
export interface Done {
  title: string;
  next?: string;
  receipt?: boolean;
}

export function useAction<Data extends Record<string, Payload | unknown>, Vars extends AnyVariables>(
  document: TypedDocumentNode<Data, Vars>,
  onDone: (done?: Done) => void,
  /** The refusals that mean the page was stale: it is reloaded (a complaint has no
   * `expectedStage`: there, ACTION_NOT_AVAILABLE says it has moved on). */
  staleCodes: readonly string[] = ["STAGE_CHANGED"],
) {
  const [state, execute] = useMutation<Data, Vars>(document);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const last = useRef<readonly UserErrorLike[]>([]);
  async function run(variables: Vars, done?: Done): Promise<boolean> {
    const result = await execute(variables);
    const payload = result.data ? (Object.values(result.data)[0] as Payload) : null;
    last.current = payload?.userErrors ?? [];
    setErrors(last.current);
    const ok = !result.error && payload !== null && payload.userErrors.length === 0;
    // STAGE_CHANGED: the page was stale (another party acted first); reload the case so the
    // forms shown are the ones for the stage it is at now.
    const stale = payload?.userErrors.some((e) => staleCodes.includes(e.code)) ?? false;
    if (ok) onDone(done);
    else if (stale) onDone();
    return ok;
  }
  return {
    run,
    errors,
    /** The userErrors of the last run, as soon as it returns (before a re-render). */
    lastErrors: () => last.current,
    error: state.error,
    busy: state.fetching,
  };
}
