// Receipts of a case's record: the number of its last event and that event's hash (the chain
// head). Kept in this browser's localStorage, per person and case, until the person removes
// them (they are no secret: anyone who may see the case sees the same head); handed out as a
// small JSON file, and read back from that file or from what was copied.

export interface Receipt {
  /** The case's reference, for people; `caseId` for the API. */
  case: string;
  caseId: string;
  sequence: number;
  hash: string;
  keptAt: string;
}

const PREFIX = "parley.receipts.";
const MAX_KEPT = 50;
export const RECEIPT_FORMAT = "parley-timeline-receipt/1";

function storageKey(person: string | null | undefined, caseId: string): string {
  return `${PREFIX}${person ?? "anon"}.${caseId}`;
}

/** The receipts kept here for one case, newest first. */
export function keptReceipts(person: string | null | undefined, caseId: string): Receipt[] {
  try {
    const raw = localStorage.getItem(storageKey(person, caseId));
    const list = raw ? (JSON.parse(raw) as Receipt[]) : [];
    return Array.isArray(list) ? list.filter((r) => Number.isInteger(r.sequence) && isHash(r.hash)) : [];
  } catch {
    return [];
  }
}

/** Keep one (once: the same head kept twice stays one entry); returns the list now. */
export function keepReceipt(person: string | null | undefined, receipt: Receipt): Receipt[] {
  const others = keptReceipts(person, receipt.caseId).filter(
    (r) => !(r.sequence === receipt.sequence && r.hash === receipt.hash),
  );
  const list = [receipt, ...others].slice(0, MAX_KEPT);
  try {
    localStorage.setItem(storageKey(person, receipt.caseId), JSON.stringify(list));
  } catch {
    // Storage full or disabled: the receipt can still be downloaded or copied.
  }
  return list;
}

export function forgetReceipt(person: string | null | undefined, receipt: Receipt): Receipt[] {
  const list = keptReceipts(person, receipt.caseId).filter(
    (r) => !(r.sequence === receipt.sequence && r.hash === receipt.hash),
  );
  localStorage.setItem(storageKey(person, receipt.caseId), JSON.stringify(list));
  return list;
}

export const isHash = (text: unknown): text is string => typeof text === "string" && /^[0-9a-f]{64}$/.test(text);

/** The receipt as a file's (and the clipboard's) text. */
export function receiptText(receipt: Receipt, pretty = true): string {
  const body = {
    format: RECEIPT_FORMAT,
    case: receipt.case,
    caseId: receipt.caseId,
    sequence: receipt.sequence,
    hash: receipt.hash,
    keptAt: receipt.keptAt,
  };
  return pretty ? `${JSON.stringify(body, null, 2)}\n` : JSON.stringify(body);
}

export interface ReadReceipt {
  sequence: number;
  hash: string;
  /** The case it names, when the text names one. */
  case?: string;
  caseId?: string;
}

/** A receipt from pasted text or a file: our JSON, or any text with an event number followed
 * by a 64-character hexadecimal code ("12 d06d6a..."). */
export function readReceipt(text: string): ReadReceipt | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    const parsed = JSON.parse(trimmed) as Partial<Receipt>;
    if (parsed && Number.isInteger(parsed.sequence) && isHash(parsed.hash?.toLowerCase())) {
      return {
        sequence: parsed.sequence as number,
        hash: (parsed.hash as string).toLowerCase(),
        case: typeof parsed.case === "string" ? parsed.case : undefined,
        caseId: typeof parsed.caseId === "string" ? parsed.caseId : undefined,
      };
    }
    return null;
  } catch {
    // Not JSON: the plain form below.
  }
  const plain = /(?:^|\D)(\d{1,9})\D+?([0-9a-fA-F]{64})(?![0-9a-fA-F])/.exec(trimmed);
  if (!plain) return null;
  return { sequence: Number(plain[1]), hash: plain[2].toLowerCase() };
}
