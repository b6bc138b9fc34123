/** Where to go after a step that interrupted the way (signing in, claiming the account): the
 * `next` of the query string, only a path on this site, since it comes from the address bar. */
export function safeNext(search: string): string | null {
  const next = new URLSearchParams(search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : null;
}
