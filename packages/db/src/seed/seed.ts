import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { DEMO_ADMIN_EMAIL } from './demo-organisation.ts';
import { generateDemoEvents } from './demo-events.ts';
import { insertOperationalEvents, insertSurveyResponses } from './insert-events.ts';
import { insertOperatingModel } from './insert-operating-model.ts';
import { insertValueAndDelivery } from './insert-value-delivery.ts';

export const DEMO_ORGANISATION_SLUG = 'harbour-home';
export const DEMO_SIGN_IN = { email: DEMO_ADMIN_EMAIL, password: 'harbour-demo-2026' } as const;

export interface SeedResult {
  seeded: boolean;
  rows: number;
  ms: number;
}

/** Advisory-lock key that serialises seeding across processes sharing one database. */
const SEED_LOCK_KEY = 7_305_200_126;
/** The window's default end, so a seed without `now` is still the same every time. */
const DEFAULT_NOW = new Date('2026-11-01T00:00:00Z');

/**
 * Seeds the demo organisation when the database holds no organisation at all. Safe to call from
 * several processes at once: one transaction takes an advisory lock, checks for emptiness inside
 * it and inserts everything, so either the whole demo exists or none of it does.
 */
export async function seedDemoIfEmpty(db: Db, opts: { adminPasswordHash: string; now?: Date }): Promise<SeedResult> {
  const started = performance.now();
  const rows = await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(SEED_LOCK_KEY)})`.execute(trx);
    const existing = await trx.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
    if (existing) return 0;

    const model = await insertOperatingModel(trx, DEMO_ORGANISATION_SLUG, opts.adminPasswordHash);
    const events = await generateDemoEvents(opts.now ?? DEFAULT_NOW, model.journeyIds, model.steps);
    const surveys = await insertSurveyResponses(trx, model.organisationId, events.surveys);
    const operational = await insertOperationalEvents(trx, model.organisationId, events.operational);
    const stepIdOf = (key: string) => {
      const step = model.steps.get(key);
      if (!step) throw new Error(`Demo seed: unknown step ${key}`);
      return step.id;
    };
    const delivery = await insertValueAndDelivery(trx, model.organisationId, model.journeyIds, stepIdOf, opts.now ?? DEFAULT_NOW);
    // Fresh statistics for the planner: the embedded database has no autovacuum to gather them.
    await sql`ANALYZE survey_response, operational_event`.execute(trx);
    return model.rows + surveys + operational + delivery;
  });
  return { seeded: rows > 0, rows, ms: Math.round(performance.now() - started) };
}
