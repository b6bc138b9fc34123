// Amounts as people type them, in their locale: "149,00", "149.00", "1 234,5", "1,234.50",
// "€149" all read as the decimal string the API takes ("149.00"). Ambiguous input ("1,234"
// in a locale whose decimal mark is ".") is read by the locale's own marks.

export interface ParsedAmount {
  /** The API's decimal string, two places: "149.00". */
  value: string;
}

function marks(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((part) => part.type === "decimal")?.value ?? ".",
    group: parts.find((part) => part.type === "group")?.value ?? ",",
  };
}

/** null when the text is not an amount of at most two decimal places. */
export function parseAmount(text: string, locale: string): ParsedAmount | null {
  // Currency signs, letters of a currency code and every kind of space are not part of it.
  const cleaned = text
    .normalize("NFKC")
    .replace(/[\s\u00a0\u202f'’]/g, "")
    .replace(/^[A-Za-z$€£¥]+|[A-Za-z$€£¥]+$/g, "");
  if (!/^\d[\d.,]*$/.test(cleaned)) return null;
  const { decimal } = marks(locale);
  const lastDot = cleaned.lastIndexOf(".");
  const lastComma = cleaned.lastIndexOf(",");
  let separator: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    separator = lastDot > lastComma ? "." : ",";
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? "." : ",";
    const digitsAfter = cleaned.length - cleaned.lastIndexOf(mark) - 1;
    const occurrences = cleaned.split(mark).length - 1;
    // One mark followed by one or two digits is a decimal mark; three digits is a group
    // separator unless the locale uses that mark for decimals.
    if (occurrences === 1 && (digitsAfter <= 2 || mark === decimal)) separator = mark;
  }
  let whole = cleaned;
  let fraction = "";
  if (separator) {
    const at = cleaned.lastIndexOf(separator);
    whole = cleaned.slice(0, at);
    fraction = cleaned.slice(at + 1);
  }
  whole = whole.replace(/[.,]/g, "");
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return null;
  return { value: `${BigInt(whole).toString()}.${fraction.padEnd(2, "0")}` };
}

/** An example amount in the reader's locale, for hints and error messages. */
export function exampleAmount(locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(149);
}
