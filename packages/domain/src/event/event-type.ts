/**
 * Operational event types Throughline itself reads by name: KPIs are defined on them, and the
 * value model joins scores to `churn`, `renewal`, `revenue` and `cost` by these exact names.
 */
export const OPERATIONAL_EVENT_TYPES = [
  'contact',
  'escalation',
  'resolution',
  'churn',
  'renewal',
  'revenue',
  'cost',
  'claim',
  'sale',
] as const;

/** The types the value model reads; a typo in one would silently leave it out of every estimate. */
export const VALUE_MODEL_EVENT_TYPES = ['churn', 'renewal', 'revenue', 'cost'] as const;

/** A custom type: lower-case words of letters and digits joined by `_`, `.` or `-` (`claim_reported`). */
const CUSTOM_TYPE = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;

/**
 * Edits (insert, delete, substitute, swap two neighbours) between a and b: optimal string
 * alignment, so "chrun" is one edit from "churn". Short strings only; no library in the domain's
 * dependencies counts a swap as one edit.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many edits apart a name and a known type are taken for a typo: one between short names, two otherwise. */
const typoReach = (type: string, known: string) => (Math.max(type.length, known.length) <= 5 ? 1 : 2);

/** The known type a name is probably a typo of, or null. */
export function nearestKnownType(type: string): string | null {
  let nearest: { known: string; distance: number } | null = null;
  for (const known of OPERATIONAL_EVENT_TYPES) {
    const distance = editDistance(type, known);
    if (distance > 0 && distance <= typoReach(type, known) && (nearest === null || distance < nearest.distance))
      nearest = { known, distance };
  }
  return nearest?.known ?? null;
}

/** A known type written in another case ("Churn") is that type; anything else is left as sent. */
export function normaliseEventType(type: string): string {
  const lower = type.toLowerCase();
  return (OPERATIONAL_EVENT_TYPES as readonly string[]).includes(lower) ? lower : type;
}

/**
 * What is wrong with an (already normalised) event type, in words that follow the field's name,
 * or null. A near miss of a known type is refused rather than stored under a name nothing reads.
 */
export function eventTypeIssue(type: string): string | null {
  if ((OPERATIONAL_EVENT_TYPES as readonly string[]).includes(type)) return null;
  const nearest = nearestKnownType(type.toLowerCase());
  if (nearest) return `is “${type}”, which is not a type Throughline reads: did you mean '${nearest}'?`;
  if (!CUSTOM_TYPE.test(type))
    return `must be a lower-case name such as claim_reported (letters and digits, words joined by _ . or -), not “${type}”`;
  return null;
}
