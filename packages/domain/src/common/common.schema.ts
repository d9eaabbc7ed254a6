import { z } from 'zod';

/*
 * The building blocks of every input schema. Each refuses, with the field's path, what would
 * otherwise pass validation and then fail in the database or in a computed figure: a NUL in
 * text, a date PostgreSQL cannot hold, a number wider than its column or so large that a product
 * of it is Infinity.
 */

export const ZId = z.uuid();
export type Id = z.infer<typeof ZId>;

/**
 * What no text may hold: NUL, which PostgreSQL cannot store in text or jsonb, and half of a
 * UTF-16 surrogate pair, which is no character at all (the driver would silently store U+FFFD in
 * its place). With the `u` flag a well-formed pair is one code point, so only a lone half
 * matches: one regex test a string, cheap enough for a 5,000-row ingest batch.
 */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

/** A string as every input takes text: anything but NUL and broken characters, each refused with its reason. */
export function text() {
  return z.string().refine((s) => !UNSTORABLE.test(s), {
    abort: true,
    error: (issue) =>
      String(issue.input).includes('\u0000')
        ? 'must not contain a NUL character (\\u0000)'
        : 'must not contain an unpaired UTF-16 surrogate (half of a character)',
  });
}

/** A short human label: trimmed, non-empty, bounded so no one stores a novel in a name. */
export const ZName = text().trim().min(1, 'is required').max(200);
export const ZText = text().trim().max(5_000);

/** The most a money column (numeric(14,2)) holds: a trillion is one digit too wide. */
export const MAX_MONEY = 999_999_999_999.99;

/** Money in the organisation's currency, major units (e.g. pounds), never negative. */
export const ZMoney = z.number().nonnegative().max(MAX_MONEY);

/** Money that may be negative, such as a value per point: bounded like money, so what it multiplies stays finite. */
export const ZSignedMoney = z.number().min(-MAX_MONEY).max(MAX_MONEY);

/**
 * The widest figure on a KPI's own scale an input may give: a target, a threshold, an outcome's
 * baseline, an event's value. Its products with money (value at stake) and its sums over a
 * whole table stay far inside what a double holds.
 */
export const MAX_FIGURE = 1e12;
export const ZFigure = z.number().min(-MAX_FIGURE).max(MAX_FIGURE);

/** The largest int column value; row versions are int. */
export const MAX_INT = 2_147_483_647;
export const ZVersion = z.number().int().positive().max(MAX_INT);

/**
 * The days an input may name: any real record or plan, and far inside what PostgreSQL and
 * JavaScript hold, so the period after the last of them is still a date both can store.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2999-12-31';
const DATE_RANGE = `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`;

/** A calendar day, YYYY-MM-DD, within the years above. */
export const ZIsoDate = z.iso.date({ abort: true }).refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, DATE_RANGE);

const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
const LATEST_MS = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

/**
 * A point in time as an input takes it (an ISO 8601 string or a Date), within the same years.
 * One refinement rather than zod's min and max: half the cost on a 5,000-row batch.
 */
export const ZTimestampIn = z.coerce
  .date()
  .refine((at) => at.getTime() >= EARLIEST_MS && at.getTime() <= LATEST_MS, { message: DATE_RANGE, abort: true });

/**
 * A point in time as it travels over JSON: a Date inside the server, an ISO-8601 string in
 * every response, so the client's type says what it really receives.
 */
export const ZTimestampOut = z.date().transform((d) => d.toISOString());
