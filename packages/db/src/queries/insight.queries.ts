import { sql } from 'kysely';
import { notFound, type Insight, type InsightInput, type InsightSearch } from '@throughline/domain';
import type { Db } from '../database.ts';
import { requireOwnedIds } from './owned-ids.ts';
import { updateAtVersion } from './versioned-row.ts';

const links = (column: 'journey_id' | 'step_id' | 'failure_point_id' | 'initiative_id') =>
  sql<
    string[]
  >`coalesce((SELECT array_agg(l.${sql.ref(column)}::text ORDER BY l.${sql.ref(column)}) FROM insight_link l WHERE l.insight_id = i.id AND l.${sql.ref(column)} IS NOT NULL), '{}')`;

/**
 * The insight repository: with a query, PostgreSQL's own full-text search (English stemming,
 * web-search syntax: "quoted phrases", or, -not), best matches first with the matching passage;
 * without one, the newest first. Filters narrow to what an insight is linked to.
 */
export async function searchInsights(
  db: Db,
  organisationId: string,
  s: Partial<InsightSearch> & { ids?: readonly string[] },
): Promise<Insight[]> {
  const q = s.query?.trim() ? s.query.trim() : null;
  const tsQuery = q ? sql`websearch_to_tsquery('english', ${q})` : null;
  let query = db
    .selectFrom('insight as i')
    .select([
      'i.id',
      'i.kind',
      'i.title',
      'i.body',
      'i.source',
      sql<string>`to_char(i.observed_on, 'YYYY-MM-DD')`.as('observedOn'),
      'i.confidence',
      'i.personas',
      'i.version',
      links('journey_id').as('journeyIds'),
      links('step_id').as('stepIds'),
      links('failure_point_id').as('failurePointIds'),
      links('initiative_id').as('initiativeIds'),
      (tsQuery
        ? sql<string | null>`ts_headline('english', i.body, ${tsQuery}, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2')`
        : sql<string | null>`NULL`
      ).as('headline'),
    ])
    .where('i.organisation_id', '=', organisationId);
  if (tsQuery) query = query.where(sql<boolean>`i.search @@ ${tsQuery}`);
  if (s.source) query = query.where('i.source', '=', s.source);
  if (s.ids) {
    if (s.ids.length === 0) return [];
    query = query.where('i.id', 'in', [...s.ids]);
  }
  const linkedTo = (column: 'journey_id' | 'failure_point_id' | 'initiative_id', id: string) =>
    sql<boolean>`EXISTS (SELECT 1 FROM insight_link l WHERE l.insight_id = i.id AND l.${sql.ref(column)} = ${id})`;
  if (s.journeyId) query = query.where(linkedTo('journey_id', s.journeyId));
  if (s.failurePointId) query = query.where(linkedTo('failure_point_id', s.failurePointId));
  if (s.initiativeId) query = query.where(linkedTo('initiative_id', s.initiativeId));
  query = tsQuery
    ? query.orderBy(sql`ts_rank(i.search, ${tsQuery})`, 'desc').orderBy('i.observed_on', 'desc')
    : query.orderBy('i.observed_on', 'desc').orderBy('i.title');
  return query.limit(s.limit ?? 50).execute();
}

export async function getInsight(db: Db, organisationId: string, id: string): Promise<Insight> {
  const [row] = await searchInsights(db, organisationId, { ids: [id] });
  if (!row) throw notFound('Insight');
  return row;
}

async function checkLinks(db: Db, organisationId: string, input: InsightInput) {
  await requireOwnedIds(db, organisationId, 'journey', input.journeyIds, 'journeyIds', 'a journey');
  await requireOwnedIds(db, organisationId, 'journey_step', input.stepIds, 'stepIds', 'a step');
  await requireOwnedIds(db, organisationId, 'failure_point', input.failurePointIds, 'failurePointIds', 'a failure point');
  await requireOwnedIds(db, organisationId, 'initiative', input.initiativeIds, 'initiativeIds', 'an initiative');
}

async function replaceLinks(db: Db, organisationId: string, insightId: string, input: InsightInput) {
  await db.deleteFrom('insight_link').where('insight_id', '=', insightId).execute();
  const none = { journey_id: null, step_id: null, failure_point_id: null, initiative_id: null };
  const rows = [
    ...[...new Set(input.journeyIds)].map((id) => ({ ...none, journey_id: id })),
    ...[...new Set(input.stepIds)].map((id) => ({ ...none, step_id: id })),
    ...[...new Set(input.failurePointIds)].map((id) => ({ ...none, failure_point_id: id })),
    ...[...new Set(input.initiativeIds)].map((id) => ({ ...none, initiative_id: id })),
  ];
  if (rows.length)
    await db
      .insertInto('insight_link')
      .values(rows.map((r) => ({ organisation_id: organisationId, insight_id: insightId, ...r })))
      .execute();
}

const columns = (i: InsightInput) => ({
  kind: i.kind,
  title: i.title,
  body: i.body,
  source: i.source,
  observed_on: i.observedOn,
  confidence: i.confidence,
  personas: i.personas,
});

export async function createInsight(db: Db, organisationId: string, input: InsightInput): Promise<Insight> {
  await checkLinks(db, organisationId, input);
  const { id } = await db
    .insertInto('insight')
    .values({ organisation_id: organisationId, ...columns(input) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceLinks(db, organisationId, id, input);
  return getInsight(db, organisationId, id);
}

export async function updateInsight(
  db: Db,
  organisationId: string,
  input: InsightInput & { id: string; version: number },
): Promise<Insight> {
  await getInsight(db, organisationId, input.id);
  await checkLinks(db, organisationId, input);
  await updateAtVersion(db, 'insight', { organisationId, ...input }, columns(input));
  await replaceLinks(db, organisationId, input.id, input);
  return getInsight(db, organisationId, input.id);
}

export async function deleteInsight(db: Db, organisationId: string, id: string): Promise<void> {
  const row = await db
    .deleteFrom('insight')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('Insight');
}
