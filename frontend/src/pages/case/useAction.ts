// Running one case mutation: its userErrors shown, and `onDone` (refetch the case) on success,
// or when the case had moved to another stage meanwhile.
import { useState } from "react";
import { useMutation, type AnyVariables, type TypedDocumentNode } from "urql";
import type { UserErrorLike } from "../../components/Status";

type Payload = { userErrors: readonly UserErrorLike[] };

export function useAction<Data extends Record<string, Payload | unknown>, Vars extends AnyVariables>(
  document: TypedDocumentNode<Data, Vars>,
  onDone: () => void,
) {
  const [state, execute] = useMutation<Data, Vars>(document);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  async function run(variables: Vars): Promise<boolean> {
    const result = await execute(variables);
    const payload = result.data ? (Object.values(result.data)[0] as Payload) : null;
    setErrors(payload?.userErrors ?? []);
    const ok = !result.error && payload !== null && payload.userErrors.length === 0;
    // STAGE_CHANGED: the page was stale (another party acted first); reload the case so the
    // forms shown are the ones for the stage it is at now.
    const stale = payload?.userErrors.some((e) => e.code === "STAGE_CHANGED") ?? false;
    if (ok || stale) onDone();
    return ok;
  }
  return { run, errors, error: state.error, busy: state.fetching };
}
