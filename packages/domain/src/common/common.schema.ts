import { z } from 'zod';

export const ZId = z.uuid();
export type Id = z.infer<typeof ZId>;

/** A short human label: trimmed, non-empty, bounded so no one stores a novel in a name. */
export const ZName = z.string().trim().min(1, 'is required').max(200);
export const ZText = z.string().trim().max(5_000);

/** Money in the organisation's currency, major units (e.g. pounds), never negative. */
export const ZMoney = z.number().finite().nonnegative().max(1e12);

/**
 * A point in time as it travels over JSON: a Date inside the server, an ISO-8601 string in
 * every response, so the client's type says what it really receives.
 */
export const ZTimestampOut = z.date().transform((d) => d.toISOString());
