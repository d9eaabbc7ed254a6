import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../database.ts';
import { insertOrganisation } from '../testing/fixtures.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { kpisFedBy } from './kpi-refresh.queries.ts';

let database: Database;
const ids: Record<string, string> = {};

async function kpi(db: Db, organisationId: string, key: string, source: object): Promise<string> {
  const row = await db
    .insertInto('kpi')
    .values({
      organisation_id: organisationId,
      key,
      name: key,
      kind: 'count',
      source: JSON.stringify(source),
      scope_level: 'organisation',
      direction: 'higher_is_better',
      grain: 'month',
      schedule: '0 2 * * *',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = (await insertOrganisation(db, 'harbour')).id;
  ids.org = org;
  ids.nps = await kpi(db, org, 'nps', { stream: 'survey', instrument: 'nps' });
  ids.csat = await kpi(db, org, 'csat', { stream: 'survey', instrument: 'csat' });
  ids.contacts = await kpi(db, org, 'contacts', { stream: 'operational', eventType: 'contact' });
  ids.costToServe = await kpi(db, org, 'cost-to-serve', { stream: 'operational', eventType: 'cost', denominatorEventType: 'sale' });
  const other = (await insertOrganisation(db, 'other')).id;
  ids.theirNps = await kpi(db, other, 'nps', { stream: 'survey', instrument: 'nps' });
});
afterAll(() => database.close());

describe('the KPIs a stored batch feeds', () => {
  it('are the survey KPIs on its instruments, of its organisation only', async () => {
    expect(await kpisFedBy(database.db, ids.org!, { instruments: ['nps'], eventTypes: [] })).toEqual([ids.nps]);
    expect((await kpisFedBy(database.db, ids.org!, { instruments: ['nps', 'csat', 'ces'], eventTypes: [] })).sort()).toEqual(
      [ids.nps, ids.csat].sort(),
    );
  });

  it('are the operational KPIs on its event types, a ratio’s denominator included', async () => {
    expect(await kpisFedBy(database.db, ids.org!, { instruments: [], eventTypes: ['contact'] })).toEqual([ids.contacts]);
    expect(await kpisFedBy(database.db, ids.org!, { instruments: [], eventTypes: ['sale'] })).toEqual([ids.costToServe]);
    expect(await kpisFedBy(database.db, ids.org!, { instruments: [], eventTypes: ['claim_reported'] })).toEqual([]);
    expect(await kpisFedBy(database.db, ids.org!, { instruments: [], eventTypes: [] })).toEqual([]);
  });
});
