import { sql } from 'kysely';
import {
  detectability,
  DomainError,
  investmentFigures,
  notFound,
  pickValuePerPoint,
  ZKpiKind,
  type KpiAggregate,
  type Measurement,
  type Initiative,
  type InitiativeInput,
  type InitiativeStage,
} from '@throughline/domain';
import type { Db } from '../database.ts';
import { requireOwnedId, requireOwnedIds } from './owned-ids.ts';
import { kpiValueLinks, type ValueLink } from './value-estimate.queries.ts';
import { updateAtVersion } from './versioned-row.ts';

const ids = (
  table: 'initiative_failure_point' | 'initiative_outcome' | 'initiative_system',
  column: 'failure_point_id' | 'outcome_id' | 'system_id',
) =>
  sql<
    string[]
  >`coalesce((SELECT array_agg(x.${sql.ref(column)}::text ORDER BY x.${sql.ref(column)}) FROM ${sql.table(table)} x WHERE x.initiative_id = i.id), '{}')`;
const day = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

function baseQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('initiative as i')
    .innerJoin('journey as j', 'j.id', 'i.journey_id')
    .innerJoin('team as t', 't.id', 'i.team_id')
    .leftJoin('kpi as k', 'k.id', 'i.kpi_id')
    .select([
      'i.id',
      'i.title',
      'i.journey_id as journeyId',
      'j.name as journeyName',
      'i.team_id as teamId',
      't.name as teamName',
      'i.problem',
      'i.hypothesis',
      'i.stage',
      'i.one_off_business as oneOffBusiness',
      'i.one_off_technology as oneOffTechnology',
      'i.running_business as runningBusiness',
      'i.running_technology as runningTechnology',
      'i.it_effort_days as itEffortDays',
      'i.kpi_id as kpiId',
      'k.name as kpiName',
      'i.expected_uplift as expectedUplift',
      'i.uplift_confidence as upliftConfidence',
      'i.value_per_point_override as valuePerPointOverride',
      'i.people_to_train as peopleToTrain',
      'i.people_trained as peopleTrained',
      'i.usage_measure as usageMeasure',
      'i.usage_value as usageValue',
      day('i.delivery_start_on').as('deliveryStartOn'),
      day('i.implemented_on').as('implementedOn'),
      'i.change_summary as changeSummary',
      'i.change_proposal_id as changeProposalId',
      'i.spent_business as spentBusiness',
      'i.spent_technology as spentTechnology',
      'i.funding_approver as fundingApprover',
      day('i.funded_on').as('fundedOn'),
      day('i.measured_on').as('measuredOn'),
      'i.rollout_plan as rollout',
      'i.measured_kpi_id as measuredKpiId',
      'i.measured_design as measuredDesign',
      'i.measured_uplift as measuredUplift',
      'i.measured_low as measuredLow',
      'i.measured_high as measuredHigh',
      'i.version',
      ids('initiative_failure_point', 'failure_point_id').as('failurePointIds'),
      ids('initiative_outcome', 'outcome_id').as('outcomeIds'),
      ids('initiative_system', 'system_id').as('systemIds'),
      sql<number>`(SELECT count(*) FROM insight_link l WHERE l.initiative_id = i.id)::int`.as('evidenceCount'),
    ])
    .where('i.organisation_id', '=', organisationId);
}

export interface InitiativeFilter {
  journeyId?: string | undefined;
  teamId?: string | undefined;
  stage?: InitiativeStage | undefined;
  ids?: readonly string[];
}

/**
 * The value backlog with each investment case's figures, highest priority first. A caller that
 * has read the KPIs' value links already passes them (`known.links`) rather than reading them twice.
 */
export async function listInitiatives(
  db: Db,
  organisationId: string,
  filter: InitiativeFilter = {},
  known: { links?: Map<string, ValueLink> } = {},
): Promise<Initiative[]> {
  let query = baseQuery(db, organisationId);
  if (filter.journeyId) query = query.where('i.journey_id', '=', filter.journeyId);
  if (filter.teamId) query = query.where('i.team_id', '=', filter.teamId);
  if (filter.stage) query = query.where('i.stage', '=', filter.stage);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('i.id', 'in', [...filter.ids]);
  }
  const [rows, links, volumes] = await Promise.all([
    query.execute(),
    known.links ?? kpiValueLinks(db, organisationId),
    recentKpiVolumes(db, organisationId),
  ]);
  return rows
    .map(({ measuredKpiId, measuredDesign, measuredUplift, measuredLow, measuredHigh, ...r }) => {
      const link = r.kpiId ? (links.get(r.kpiId) ?? null) : null;
      const figures = investmentFigures(r, pickValuePerPoint(r.valuePerPointOverride, link));
      const warning =
        figures.valuePerPointSource === 'kpi_entered' && link?.divergence ? { divergence: link.divergence, reason: link.reason } : null;
      const volume = r.kpiId ? volumes.get(r.kpiId) : undefined;
      const measurement: Measurement | null =
        measuredKpiId && measuredDesign && measuredUplift !== null
          ? realised(
              { kpiId: measuredKpiId, design: measuredDesign, uplift: measuredUplift, low: measuredLow!, high: measuredHigh! },
              figures.valuePerPoint,
            )
          : null;
      return {
        ...r,
        figures,
        valuePerPointWarning: warning,
        detectability: volume ? detectability({ ...volume, rollout: r.rollout, expectedUplift: r.expectedUplift }) : null,
        measurement,
      };
    })
    .sort((a, b) => (b.figures.priority ?? -Infinity) - (a.figures.priority ?? -Infinity) || a.title.localeCompare(b.title));
}

/** The measured uplift priced at the case's value per point: the value the change realises a year, with its interval. */
function realised(
  m: { kpiId: string; design: Measurement['design']; uplift: number; low: number; high: number },
  valuePerPoint: number | null,
): Measurement {
  const price = (x: number) => (valuePerPoint === null ? null : Math.round(x * valuePerPoint * 100) / 100);
  const ends = [price(m.low), price(m.high)];
  return {
    kpiId: m.kpiId,
    design: m.design,
    uplift: m.uplift,
    upliftLow: m.low,
    upliftHigh: m.high,
    realisedAnnualValue: price(m.uplift),
    realisedLow: valuePerPoint === null ? null : Math.min(ends[0]!, ends[1]!),
    realisedHigh: valuePerPoint === null ? null : Math.max(ends[0]!, ends[1]!),
  };
}

/** The days of volume a minimum detectable effect is worked out from: the latest three months. */
const RECENT_DAYS = 91;

/**
 * Every KPI's summed figures over the latest three months (all segments), with how many weeks of
 * history it has: what the investment case's minimum detectable effect is worked out from.
 */
async function recentKpiVolumes(db: Db, organisationId: string) {
  const rows = await db
    .selectFrom('kpi as k')
    .innerJoin('kpi_day as d', (j) => j.onRef('d.kpi_id', '=', 'k.id').on('d.segment', '=', ''))
    .select([
      'k.id',
      'k.name',
      'k.kind',
      'k.unit',
      sql<number>`(sum(d.n) FILTER (WHERE d.day > current_date - ${sql.lit(RECENT_DAYS)}))::int`.as('n'),
      sql<number>`(sum(d.positives) FILTER (WHERE d.day > current_date - ${sql.lit(RECENT_DAYS)}))::int`.as('positives'),
      sql<number>`(sum(d.negatives) FILTER (WHERE d.day > current_date - ${sql.lit(RECENT_DAYS)}))::int`.as('negatives'),
      sql<number>`(sum(d.sum) FILTER (WHERE d.day > current_date - ${sql.lit(RECENT_DAYS)}))::float8`.as('sum'),
      sql<number>`(sum(d.sum_squares) FILTER (WHERE d.day > current_date - ${sql.lit(RECENT_DAYS)}))::float8`.as('sumSquares'),
      sql<number>`(sum(d.denominator) FILTER (WHERE d.day > current_date - ${sql.lit(RECENT_DAYS)}))::float8`.as('denominator'),
      sql<number>`((current_date - min(d.day)) / 7)::int`.as('historyWeeks'),
    ])
    .where('k.organisation_id', '=', organisationId)
    .where('d.n', '>', 0)
    .groupBy('k.id')
    .execute();
  return new Map(
    rows.map((r) => {
      const recent: KpiAggregate = {
        n: r.n ?? 0,
        positives: r.positives ?? 0,
        negatives: r.negatives ?? 0,
        sum: r.sum ?? 0,
        sumSquares: r.sumSquares ?? 0,
        denominator: r.denominator ?? 0,
        samples: [],
      };
      const kpi = { id: r.id, name: r.name, kind: ZKpiKind.parse(r.kind), unit: r.unit };
      return [r.id, { kpi, recent, recentDays: RECENT_DAYS, historyWeeks: r.historyWeeks }];
    }),
  );
}

export async function getInitiative(db: Db, organisationId: string, id: string): Promise<Initiative> {
  const [row] = await listInitiatives(db, organisationId, { ids: [id] });
  if (!row) throw notFound('Initiative');
  return row;
}

async function checkLinks(db: Db, organisationId: string, input: InitiativeInput) {
  await requireOwnedId(db, organisationId, 'journey', input.journeyId, 'journeyId', 'a journey');
  await requireOwnedId(db, organisationId, 'team', input.teamId, 'teamId', 'a team');
  if (input.kpiId) await requireOwnedId(db, organisationId, 'kpi', input.kpiId, 'kpiId', 'a KPI');
  if (input.changeProposalId)
    await requireOwnedId(db, organisationId, 'change_proposal', input.changeProposalId, 'changeProposalId', 'a change proposal');
  await requireOwnedIds(db, organisationId, 'failure_point', input.failurePointIds, 'failurePointIds', 'a failure point');
  await requireOwnedIds(db, organisationId, 'outcome', input.outcomeIds, 'outcomeIds', 'an outcome');
  await requireOwnedIds(db, organisationId, 'system', input.systemIds, 'systemIds', 'a system');
  const { rollout } = input;
  if (rollout.dimension === 'step') {
    await requireOwnedIds(
      db,
      organisationId,
      'journey_step',
      [...rollout.waves.flatMap((w) => w.scopes), ...rollout.holdout],
      'rollout.waves',
      'a step',
    );
  }
  if (rollout.comparison) {
    if (rollout.comparison.journeyId === input.journeyId)
      throw new DomainError('BAD_REQUEST', 'A comparison journey must be one the change does not touch', [
        { path: 'rollout.comparison.journeyId', message: 'is the initiative’s own journey: choose one the change does not touch' },
      ]);
    await requireOwnedId(db, organisationId, 'journey', rollout.comparison.journeyId, 'rollout.comparison.journeyId', 'a journey');
    if (rollout.comparison.stepId)
      await requireOwnedId(db, organisationId, 'journey_step', rollout.comparison.stepId, 'rollout.comparison.stepId', 'a step');
  }
}

const columns = (i: InitiativeInput) => ({
  title: i.title,
  journey_id: i.journeyId,
  team_id: i.teamId,
  problem: i.problem,
  hypothesis: i.hypothesis,
  one_off_business: i.oneOffBusiness,
  one_off_technology: i.oneOffTechnology,
  running_business: i.runningBusiness,
  running_technology: i.runningTechnology,
  it_effort_days: i.itEffortDays,
  kpi_id: i.kpiId,
  expected_uplift: i.expectedUplift,
  uplift_confidence: i.upliftConfidence,
  value_per_point_override: i.valuePerPointOverride,
  people_to_train: i.peopleToTrain,
  people_trained: i.peopleTrained,
  usage_measure: i.usageMeasure,
  usage_value: i.usageValue,
  delivery_start_on: i.deliveryStartOn,
  implemented_on: i.implementedOn,
  change_summary: i.changeSummary,
  change_proposal_id: i.changeProposalId,
  spent_business: i.spentBusiness,
  spent_technology: i.spentTechnology,
  rollout_plan: JSON.stringify(i.rollout),
});

async function replaceLinks(db: Db, organisationId: string, id: string, input: InitiativeInput) {
  const base = { organisation_id: organisationId, initiative_id: id };
  await db.deleteFrom('initiative_failure_point').where('initiative_id', '=', id).execute();
  await db.deleteFrom('initiative_outcome').where('initiative_id', '=', id).execute();
  await db.deleteFrom('initiative_system').where('initiative_id', '=', id).execute();
  const fps = [...new Set(input.failurePointIds)];
  const outcomes = [...new Set(input.outcomeIds)];
  const systems = [...new Set(input.systemIds)];
  if (fps.length)
    await db
      .insertInto('initiative_failure_point')
      .values(fps.map((failure_point_id) => ({ ...base, failure_point_id })))
      .execute();
  if (outcomes.length)
    await db
      .insertInto('initiative_outcome')
      .values(outcomes.map((outcome_id) => ({ ...base, outcome_id })))
      .execute();
  if (systems.length)
    await db
      .insertInto('initiative_system')
      .values(systems.map((system_id) => ({ ...base, system_id })))
      .execute();
}

export async function createInitiative(db: Db, organisationId: string, input: InitiativeInput): Promise<Initiative> {
  await checkLinks(db, organisationId, input);
  const { id } = await db
    .insertInto('initiative')
    .values({ organisation_id: organisationId, ...columns(input) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceLinks(db, organisationId, id, input);
  return getInitiative(db, organisationId, id);
}

/** Rewrites the initiative's fields (not its stage) when it is still at `version`. */
export async function updateInitiative(
  db: Db,
  organisationId: string,
  input: InitiativeInput & { id: string; version: number },
): Promise<Initiative> {
  await checkLinks(db, organisationId, input);
  await updateAtVersion(db, 'initiative', { organisationId, ...input }, columns(input));
  await replaceLinks(db, organisationId, input.id, input);
  return getInitiative(db, organisationId, input.id);
}

/** Moves the stage when still at `version`; the caller has checked the gate. */
export async function setInitiativeStage(
  db: Db,
  organisationId: string,
  p: {
    id: string;
    version: number;
    stage: InitiativeStage;
    fundingApprover?: 'team' | 'council';
    fundedOn?: string;
    measuredOn?: string;
    /** What the measured gate found: the deciding design's estimate on the case's KPI. */
    measurement?: { kpiId: string; design: Measurement['design']; uplift: number; low: number; high: number } | null;
  },
): Promise<Initiative> {
  const set = {
    stage: p.stage,
    ...(p.fundingApprover && { funding_approver: p.fundingApprover }),
    ...(p.fundedOn && { funded_on: p.fundedOn }),
    ...(p.measuredOn && { measured_on: p.measuredOn }),
    ...(p.measurement && {
      measured_kpi_id: p.measurement.kpiId,
      measured_design: p.measurement.design,
      measured_uplift: p.measurement.uplift,
      measured_low: p.measurement.low,
      measured_high: p.measurement.high,
    }),
  };
  await updateAtVersion(db, 'initiative', { organisationId, ...p }, set);
  return getInitiative(db, organisationId, p.id);
}

/** A version bump with nothing else changed: a rejected funding request still moves the record on. */
export async function touchInitiative(db: Db, organisationId: string, id: string, version: number): Promise<Initiative> {
  await updateAtVersion(db, 'initiative', { organisationId, id, version }, {});
  return getInitiative(db, organisationId, id);
}

export async function deleteInitiative(db: Db, organisationId: string, id: string): Promise<void> {
  const row = await db
    .deleteFrom('initiative')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('Initiative');
}
