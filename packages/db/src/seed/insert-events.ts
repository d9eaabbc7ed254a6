import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { OperationalRow, OrderedEvents, SurveyRow } from './demo-event-log.ts';

const CHUNK = 5_000;

/**
 * A column of few distinct values sent as a small dictionary plus 1-based codes; code 0 reads
 * back as NULL (`array[0]` is NULL in PostgreSQL). Far less for the driver to serialise and the
 * server to parse than one uuid or JSON text per row, which matters on PGlite.
 */
function dictionary<Row>(rows: readonly Row[], pick: (row: Row) => string | null): { keys: string[]; codes: number[] } {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const codes = rows.map((row) => {
    const v = pick(row);
    if (v === null) return 0;
    let code = index.get(v);
    if (code === undefined) {
      keys.push(v);
      code = keys.length;
      index.set(v, code);
    }
    return code;
  });
  return { keys, codes };
}

/** Whole milliseconds as epoch seconds; to_timestamp() turns them back exactly. */
const epochSeconds = (rows: readonly { occurredAt: number }[]) => rows.map((r) => r.occurredAt / 1000);

function* chunks<Row>(events: OrderedEvents<Row>): Generator<{ rows: Row[]; externalIds: string[] }> {
  for (let from = 0; from < events.rows.length; from += CHUNK) {
    yield { rows: events.rows.slice(from, from + CHUNK), externalIds: events.externalIds.slice(from, from + CHUNK) };
  }
}

/**
 * Inserts rows in chunks, one `INSERT … SELECT FROM unnest(…)` each: a few dozen statements for
 * a hundred thousand rows. Arrays go as parameters, which node-postgres and PGlite both serialise.
 */
export async function insertSurveyResponses(db: Db, organisationId: string, events: OrderedEvents<SurveyRow>): Promise<number> {
  for (const { rows: chunk, externalIds } of chunks(events)) {
    const source = dictionary(chunk, (r) => r.source);
    const instrument = dictionary(chunk, (r) => r.instrument);
    const journey = dictionary(chunk, (r) => r.journeyId);
    const step = dictionary(chunk, (r) => r.stepId);
    const channel = dictionary(chunk, (r) => r.channel);
    const segment = dictionary(chunk, (r) => r.segment);
    await sql`
      INSERT INTO survey_response
        (organisation_id, source, external_id, instrument, score, customer_id, journey_id, step_id, channel, segment, verbatim, occurred_at)
      SELECT ${organisationId}::uuid,
             (${source.keys}::text[])[u.source], u.external_id, (${instrument.keys}::text[])[u.instrument], u.score,
             u.customer_id, (${journey.keys}::uuid[])[u.journey], (${step.keys}::uuid[])[u.step],
             (${channel.keys}::text[])[u.channel], (${segment.keys}::text[])[u.segment], u.verbatim, to_timestamp(u.occurred_at)
      FROM unnest(
        ${source.codes}::int[],
        ${externalIds}::text[],
        ${instrument.codes}::int[],
        ${chunk.map((r) => r.score)}::smallint[],
        ${chunk.map((r) => r.customerId)}::text[],
        ${journey.codes}::int[],
        ${step.codes}::int[],
        ${channel.codes}::int[],
        ${segment.codes}::int[],
        ${chunk.map((r) => r.verbatim)}::text[],
        ${epochSeconds(chunk)}::float8[]
      ) AS u(source, external_id, instrument, score, customer_id, journey, step, channel, segment, verbatim, occurred_at)
    `.execute(db);
  }
  return events.rows.length;
}

export async function insertOperationalEvents(db: Db, organisationId: string, events: OrderedEvents<OperationalRow>): Promise<number> {
  for (const { rows: chunk, externalIds } of chunks(events)) {
    const source = dictionary(chunk, (r) => r.source);
    const type = dictionary(chunk, (r) => r.type);
    const journey = dictionary(chunk, (r) => r.journeyId);
    const step = dictionary(chunk, (r) => r.stepId);
    const attributes = dictionary(chunk, (r) => JSON.stringify(r.attributes));
    await sql`
      INSERT INTO operational_event
        (organisation_id, source, external_id, type, value, customer_id, journey_id, step_id, attributes, occurred_at)
      SELECT ${organisationId}::uuid,
             (${source.keys}::text[])[u.source], u.external_id, (${type.keys}::text[])[u.type], u.value, u.customer_id,
             (${journey.keys}::uuid[])[u.journey], (${step.keys}::uuid[])[u.step],
             (${attributes.keys}::jsonb[])[u.attributes], to_timestamp(u.occurred_at)
      FROM unnest(
        ${source.codes}::int[],
        ${externalIds}::text[],
        ${type.codes}::int[],
        ${chunk.map((r) => r.value)}::float8[],
        ${chunk.map((r) => r.customerId)}::text[],
        ${journey.codes}::int[],
        ${step.codes}::int[],
        ${attributes.codes}::int[],
        ${epochSeconds(chunk)}::float8[]
      ) AS u(source, external_id, type, value, customer_id, journey, step, attributes, occurred_at)
    `.execute(db);
  }
  return events.rows.length;
}
