// Instants in a person's own time zone (issue 20): the account's IANA zone, not the browser's,
// so a session shows at the time its invitation says, wherever the page is opened.

/** The browser's zone: for someone whose account has none yet. */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "12 Dec 2026, 18:00 (Asia/Shanghai)" in the reader's language. */
export function inZone(iso: string, locale: string, zone: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: zone,
  }).format(new Date(iso));
  return `${text} (${zone})`;
}

/** The zone's wall-clock time at `ms`, as if it were UTC: the zone's offset is the difference. */
function wallClock(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/** A `datetime-local` value ("2026-12-20T18:00") read as a time in `zone`, as an ISO instant;
 * null when it is not one. */
export function zonedToIso(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  // Two steps settle the offset, also across a change of summer time.
  let ms = wanted - (wallClock(wanted, zone) - wanted);
  ms = wanted - (wallClock(ms, zone) - ms);
  return new Date(ms).toISOString();
}
