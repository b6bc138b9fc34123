// Drafts: what someone typed into a form and has not sent yet, kept in this browser's
// localStorage per signed-in person and per form, so that an expired session, a sign-out in
// another tab or a reload never loses it. A draft is removed when the form is sent, and all of a
// person's drafts when they sign out here. Drafts older than DRAFT_DAYS are dropped on read.
// Each draft is also kept in this tab's sessionStorage: a sign-out in another tab removes the
// person's drafts from localStorage, and the form still open here keeps its own copy, whatever
// order the two tabs learn of the sign-out in.

const PREFIX = "parley.draft.";
const DRAFT_DAYS = 14;

interface Stored<V> {
  savedAt: number;
  values: V;
}

/** The storage key of one person's draft of one form ("anon" before signing in). */
export function draftKey(person: string | null | undefined, form: string): string {
  return `${PREFIX}${person ?? "anon"}.${form}`;
}

export function readDraft<V>(key: string): V | null {
  try {
    const raw = localStorage.getItem(key) ?? sessionStorage.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored<V>;
    if (Date.now() - stored.savedAt > DRAFT_DAYS * 86_400_000) {
      removeDraft(key);
      return null;
    }
    return stored.values;
  } catch {
    return null;
  }
}

export function saveDraft<V>(key: string, values: V): void {
  try {
    const raw = JSON.stringify({ savedAt: Date.now(), values } satisfies Stored<V>);
    sessionStorage.setItem(key, raw);
    localStorage.setItem(key, raw);
  } catch {
    // Storage full or disabled: the form still works, only without a draft.
  }
}

export function removeDraft(key: string): void {
  localStorage.removeItem(key);
  sessionStorage.removeItem(key);
}

/** Signing out on a shared device: this person's drafts go with them. */
export function removeDraftsOf(person: string): void {
  const mine = `${PREFIX}${person}.`;
  for (const storage of [localStorage, sessionStorage]) {
    for (let index = storage.length - 1; index >= 0; index -= 1) {
      const key = storage.key(index);
      if (key?.startsWith(mine)) storage.removeItem(key);
    }
  }
}
