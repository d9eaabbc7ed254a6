import { DomainError, ZFailurePointInput, ZInitiativeInput, ZInsightInput } from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../database.ts';
import { insertJourney, insertKpi, insertOrganisation, insertTeam } from '../testing/fixtures.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createFailurePoint, getFailurePoint, updateFailurePoint } from './failure-point.queries.ts';
import { createInitiative, getInitiative, setInitiativeStage, touchInitiative, updateInitiative } from './initiative.queries.ts';
import { createInsight, getInsight, updateInsight } from './insight.queries.ts';
import { claimJourneyVersion, createJourney, updateJourney } from './journey-edit.queries.ts';
import { updateStep } from './journey.queries.ts';
import { getKpi, updateKpi } from './kpi.queries.ts';
import { createOutcome, getOutcome, updateOutcome } from './outcome.queries.ts';
import { createPolicy, getPolicy, updatePolicy } from './policy.queries.ts';
import { insertProposal, updateProposalState } from './proposal.queries.ts';
import { createSystem, updateSystem } from './system-edit.queries.ts';
import { createTeam, findTeam, updateTeam } from './team-edit.queries.ts';
import { lockAtVersion, updateAtVersion, VERSIONED_ROW_NAMES, type VersionedTable } from './versioned-row.ts';

const NOW = new Date('2026-11-01T00:00:00Z');

let database: Database;
let org: string;
let elsewhere: string;

/** One row of the table, and each of the table's edits asked at a version someone else has moved past. */
interface Case {
  id: string;
  edits: Record<string, (db: Db, version: number) => Promise<unknown>>;
}
// Keyed by every versioned table: a new one does not typecheck until it has its case here.
let cases: Record<VersionedTable, Case>;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  org = (await insertOrganisation(db, 'versioned-rows')).id;
  elsewhere = (await insertOrganisation(db, 'elsewhere')).id;
  const team = await createTeam(db, org, {
    name: 'Claims',
    purpose: 'Settle claims',
    capabilities: ['operations'],
    annualBudget: 100_000,
    spendingAuthority: 10_000,
  });
  const ownerTeamId = await insertTeam(db, org, 'Owners');
  const journey = await insertJourney(db, org, 'Make a claim', { accountableTeamId: team.id, stages: 1, stepsPerStage: 1 });
  const stepId = journey.stepIds[0]!;
  const other = await createJourney(db, org, { name: 'Renew', description: '', personas: [] });
  const system = await createSystem(db, org, { name: 'Claims ledger', description: '', ownerTeamId });
  const kpiId = await insertKpi(db, org, { key: 'nps', name: 'NPS' });
  const policy = await createPolicy(db, org, {
    name: 'Assessor visits',
    statement: 'Claims above £5,000 need a visit.',
    ownerTeamId: team.id,
    stepIds: [stepId],
    decisionRightTeamIds: [],
  });
  const proposal = await insertProposal(
    db,
    org,
    {
      policyId: policy.id,
      teamId: team.id,
      title: 'Video calls',
      proposedStatement: 'Claims may be assessed by video.',
      rationale: '',
      cost: 0,
    },
    'Test',
  );
  const failurePoint = await createFailurePoint(
    db,
    org,
    ZFailurePointInput.parse({
      journeyId: journey.id,
      stepId,
      title: 'Lost forms',
      description: '',
      expectation: 4,
      capability: 2,
      frequency: 10,
      frequencyPeriod: 'month',
      costBasis: 'rework',
      unitCost: 20,
    }),
  );
  const outcome = await createOutcome(
    db,
    org,
    { journeyId: journey.id, kpiId, title: 'Happier claimants', baseline: 10, target: 20, byDate: '2027-06-30' },
    NOW,
  );
  const initiative = await createInitiative(
    db,
    org,
    ZInitiativeInput.parse({ title: 'Claim by video', journeyId: journey.id, teamId: team.id }),
  );
  const insight = await createInsight(
    db,
    org,
    ZInsightInput.parse({
      kind: 'finding',
      title: 'Forms get lost',
      body: 'Three calls said so.',
      source: 'frontline',
      observedOn: '2026-10-01',
      confidence: 'medium',
    }),
  );

  cases = {
    team: {
      id: team.id,
      edits: { updateTeam: async (db, version) => updateTeam(db, org, { ...(await findTeam(db, org, team.id)), version }) },
    },
    system: { id: system.id, edits: { updateSystem: (db, version) => updateSystem(db, org, { ...system, version }) } },
    journey: {
      id: other.id,
      edits: {
        updateJourney: (db, version) => updateJourney(db, org, { ...other, name: 'Renew a policy', version }),
        claimJourneyVersion: (db, version) => claimJourneyVersion(db, org, other.id, version),
      },
    },
    journey_step: { id: stepId, edits: { updateStep: (db, version) => updateStep(db, org, { stepId, version, name: 'Renamed' }) } },
    policy: {
      id: policy.id,
      edits: { updatePolicy: async (db, version) => updatePolicy(db, org, { ...(await getPolicy(db, org, policy.id)), version }) },
    },
    kpi: { id: kpiId, edits: { updateKpi: async (db, version) => updateKpi(db, org, { ...(await getKpi(db, org, kpiId)), version }) } },
    change_proposal: {
      id: proposal.id,
      edits: { updateProposalState: (db, version) => updateProposalState(db, org, { id: proposal.id, version, state: 'proposed' }) },
    },
    failure_point: {
      id: failurePoint.id,
      edits: {
        updateFailurePoint: async (db, version) =>
          updateFailurePoint(db, org, { ...(await getFailurePoint(db, org, failurePoint.id)), version }),
      },
    },
    outcome: {
      id: outcome.id,
      edits: {
        updateOutcome: async (db, version) => updateOutcome(db, org, { ...(await getOutcome(db, org, outcome.id, NOW)), version }, NOW),
      },
    },
    initiative: {
      id: initiative.id,
      edits: {
        updateInitiative: async (db, version) => updateInitiative(db, org, { ...(await getInitiative(db, org, initiative.id)), version }),
        setInitiativeStage: (db, version) => setInitiativeStage(db, org, { id: initiative.id, version, stage: 'designed' }),
        touchInitiative: (db, version) => touchInitiative(db, org, initiative.id, version),
      },
    },
    insight: {
      id: insight.id,
      edits: { updateInsight: async (db, version) => updateInsight(db, org, { ...(await getInsight(db, org, insight.id)), version }) },
    },
  };
});
afterAll(() => database.close());

async function rowOf(db: Db, table: VersionedTable, id: string) {
  return db
    .selectFrom(table as 'team')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** What an editor hears, whichever edit of whichever table they were making. */
const stale = (table: VersionedTable) => ({
  name: 'DomainError',
  code: 'CONFLICT',
  message: `The ${VERSIONED_ROW_NAMES[table]} was changed by someone else since you loaded it; reload and try again`,
  issues: [],
});

const tables = Object.keys(VERSIONED_ROW_NAMES) as VersionedTable[];

describe.each(tables)('a stale edit of a %s row', (table) => {
  it('is refused by each of its edits with CONFLICT, and changes nothing', async () => {
    const { id, edits } = cases[table];
    const loaded = (await rowOf(database.db, table, id)).version;
    // Someone else's edit moves the row on after this editor loaded it.
    await updateAtVersion(database.db, table, { organisationId: org, id, version: loaded }, {});
    const before = await rowOf(database.db, table, id);
    for (const [name, edit] of Object.entries(edits)) {
      const refusal = await edit(database.db, loaded).then(
        () => expect.unreachable(`${name} accepted a stale version`),
        (error: unknown) => error,
      );
      expect(refusal, name).toBeInstanceOf(DomainError);
      expect(refusal, name).toMatchObject(stale(table));
      expect(await rowOf(database.db, table, id), name).toEqual(before);
    }
  });

  it('is refused before any rule reads the row, and the current version is held for the change', async () => {
    const { id } = cases[table];
    const current = (await rowOf(database.db, table, id)).version;
    await expect(lockAtVersion(database.db, table, { organisationId: org, id, version: current - 1 })).rejects.toMatchObject(stale(table));
    await database.db.transaction().execute(async (tx) => {
      await lockAtVersion(tx, table, { organisationId: org, id, version: current });
      await updateAtVersion(tx, table, { organisationId: org, id, version: current }, {});
    });
    expect((await rowOf(database.db, table, id)).version).toBe(current + 1);
  });

  it('of a row that is not there (or not this organisation’s) is NOT_FOUND, not CONFLICT', async () => {
    const { id } = cases[table];
    const { version } = await rowOf(database.db, table, id);
    await expect(updateAtVersion(database.db, table, { organisationId: elsewhere, id, version }, {})).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(lockAtVersion(database.db, table, { organisationId: elsewhere, id, version })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
