import type { Db } from '../database.ts';
import { DAY_MS, DemoCalendar, HOUR_MS } from './demo-calendar.ts';
import { EventLog, type OperationalRow, type SurveyRow } from './demo-event-log.ts';
import { insertOperationalEvents, insertSurveyResponses } from './insert-events.ts';
import { churnProbability, sampleNps } from './demo-survey-scores.ts';
import { SeededRandom } from './seeded-random.ts';

export interface CustomerBaseOptions {
  customers: number;
  /** The end of the year of events. */
  now: Date;
  seed?: number;
}

/**
 * A year of one organisation's customers at any size, for measuring and testing at scale: the
 * shape of the demo's insurer without its journeys. Every customer pays a premium (monthly, or
 * once a year), some contact the service (each contact with its cost), about half answer an NPS
 * survey, and those due in the year renew or churn, churn following their latest answer. About
 * twenty rows per customer: 20,000 customers are ~25,000 answers and ~400,000 events.
 */
export function generateCustomerBase(options: CustomerBaseOptions): {
  surveys: EventLog<SurveyRow>;
  operational: EventLog<OperationalRow>;
} {
  const rng = new SeededRandom(options.seed ?? 0x5eed_c0de);
  const calendar = new DemoCalendar(options.now);
  const surveys = new EventLog<SurveyRow>();
  const operational = new EventLog<OperationalRow>();
  const event = (
    customerId: string,
    type: string,
    value: number | null,
    at: number,
    source = 'guidewire',
    attributes: OperationalRow['attributes'] = {},
  ) => operational.push({ source, type, value, customerId, journeyId: null, stepId: null, attributes, occurredAt: at });
  for (let i = 0; i < options.customers; i++) {
    const id = `C${String(i + 1).padStart(7, '0')}`;
    const segment = rng.pick(['Homeowner', 'Homeowner', 'Homeowner', 'Landlord', 'First-time buyer', 'Tenant (contents only)']);
    const premium = Math.round(rng.logNormal(segment === 'Landlord' ? 520 : segment.startsWith('Tenant') ? 120 : 340, 0.3) * 100) / 100;
    const shift = rng.normal(0, 28);
    // A fifth bought during the year and are not due yet; the rest fall due once in it.
    const joinedAt = rng.chance(0.2) ? calendar.uniform(rng, 0, 14) : null;
    const dueAt = joinedAt === null ? calendar.uniform(rng, 5, -24) : null;
    const from = joinedAt ?? calendar.start;
    if (joinedAt !== null) event(id, 'sale', premium, joinedAt, 'guidewire', { segment });

    // Premiums: monthly direct debits, or one payment a year on the anniversary.
    if (rng.chance(0.62)) {
      for (let at = from + rng.int(1, 27) * DAY_MS; at < calendar.end; at += 30 * DAY_MS)
        event(id, 'revenue', Math.round(premium * 8.5) / 100, at, 'billing', { kind: 'monthly_dd' });
    } else event(id, 'revenue', premium, joinedAt ?? calendar.uniform(rng), 'billing', { kind: 'annual' });

    // Contacts through the year, each with its cost, some escalated.
    const contacts = rng.weightedIndex([40, 25, 15, 10, 6, 4]);
    for (let c = 0; c < contacts; c++) {
      const at = from + Math.floor(rng.next() * (calendar.end - from));
      const resolved = rng.chance(0.72);
      event(id, 'contact', null, at, 'genesys', { channel: rng.pick(['phone', 'chat', 'email']), resolved_first_time: resolved });
      event(id, 'cost', Math.round(rng.logNormal(5.5, 0.25) * (resolved ? 100 : 135)) / 100, at, 'finance', {
        cost_centre: 'contact-centre',
      });
      if (!resolved && rng.chance(0.3)) event(id, 'escalation', null, at + rng.int(1, 48) * HOUR_MS, 'genesys');
    }

    // NPS: a relationship survey for some, one before renewal for more; the latest counts.
    const answers: [number, number][] = [];
    const answer = (at: number, target: number) => {
      if (at < calendar.start || at >= calendar.end) return;
      const score = sampleNps(rng, target + shift);
      surveys.push({
        source: 'qualtrics',
        instrument: 'nps',
        score,
        customerId: id,
        journeyId: null,
        stepId: null,
        channel: 'email',
        segment,
        verbatim: null,
        occurredAt: at,
      });
      answers.push([at, score]);
    };
    if (rng.chance(0.4)) answer(from + Math.floor(rng.next() * (calendar.end - from)), 18);
    if (dueAt !== null && rng.chance(0.62)) answer(dueAt - rng.int(6, 24) * DAY_MS, 12);
    if (dueAt === null || dueAt > calendar.end - 3 * DAY_MS) continue;

    const before = answers.filter(([at]) => at <= dueAt).sort((a, b) => b[0] - a[0])[0];
    event(id, 'renewal_due', premium, dueAt - 21 * DAY_MS);
    if (rng.chance(churnProbability(before?.[1] ?? null)))
      event(id, 'churn', premium, dueAt - rng.int(0, 4) * DAY_MS, 'guidewire', { segment });
    else event(id, 'renewal', Math.round(premium * rng.between(0.95, 1.2) * 100) / 100, dueAt);
  }
  return { surveys, operational };
}

/** Generates a customer base (see generateCustomerBase) and stores it; returns the rows stored. */
export async function insertCustomerBase(
  db: Db,
  organisationId: string,
  options: CustomerBaseOptions,
): Promise<{ surveys: number; operational: number }> {
  const { surveys, operational } = generateCustomerBase(options);
  return {
    surveys: await insertSurveyResponses(db, organisationId, surveys.inTimeOrder()),
    operational: await insertOperationalEvents(db, organisationId, operational.inTimeOrder()),
  };
}
