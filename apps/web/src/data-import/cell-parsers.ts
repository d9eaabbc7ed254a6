// Turning CSV text into the values the API takes. Each parser returns the value or a phrase
// saying what is wrong, worded to follow the field's label ("Score is not a whole number").

export type Parsed<T> = { ok: true; value: T } | { ok: false; issue: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (issue: string): Parsed<never> => ({ ok: false, issue });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export function parseInteger(text: string): Parsed<number> {
  // "7.0" is a spreadsheet's way of writing 7; "7.5" is not a score.
  if (!/^[+-]?\d+(\.0+)?$/.test(text)) return fail(`is not a whole number (“${text}”)`);
  return ok(Number.parseInt(text, 10));
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string): Parsed<number> {
  // No thousands separators: "1,5" means 1.5 in half of Europe and 15 in the other half.
  if (!DECIMAL.test(text)) return fail(`is not a number (“${text}”); use a point for decimals and no thousands separators`);
  return ok(Number(text));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * ISO 8601 only: "03/04/2026" is March in one export and April in the next, and the browser
 * would guess. Dates without a zone are read as UTC so a file means the same everywhere.
 */
export function parseDate(text: string): Parsed<string> {
  const m = ISO_DATE.exec(text);
  const wrong = fail(`is not a date such as 2026-03-14 or 2026-03-14T09:30:00Z (“${text}”)`);
  if (!m) return wrong;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset}`);
  if (Number.isNaN(date.getTime())) return wrong;
  // Date rolls 2026-02-30 over into March; a calendar that has no such day is an error instead.
  const local = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (local.getUTCMonth() !== Number(mo) - 1 || local.getUTCDate() !== Number(d)) return wrong;
  return ok(date.toISOString());
}

/**
 * An attribute cell as the most specific type it plainly is. Numbers with leading zeros
 * ("007", postcodes, account numbers) stay text, so nothing meaningful is stripped.
 */
export function parseAttribute(text: string): string | number | boolean {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text) && Number.isFinite(Number(text))) return Number(text);
  return text;
}
