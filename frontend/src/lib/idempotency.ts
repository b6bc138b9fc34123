import { useCallback, useState } from "react";

/**
 * One idempotency key per intended change (issue 18, 5): a repeat with the key (a double
 * submit, a retry after a lost answer) gets the first answer back, a refusal included. After
 * an answer, what the person sends next is another change: `renew` gives it a key of its own.
 */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return [key, renew];
}
