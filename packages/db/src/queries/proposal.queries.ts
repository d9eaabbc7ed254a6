import { notFound, type Approver, type ChangeProposal, type Decision, type ProposalInput, type ProposalState } from '@throughline/domain';
import type { Db } from '../database.ts';
import { updateAtVersion } from './versioned-row.ts';

function baseQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('change_proposal as p')
    .innerJoin('policy', 'policy.id', 'p.policy_id')
    .innerJoin('team', 'team.id', 'p.team_id')
    .select([
      'p.id',
      'p.policy_id as policyId',
      'policy.name as policyName',
      'p.team_id as teamId',
      'team.name as teamName',
      'p.title',
      'p.proposed_statement as proposedStatement',
      'p.rationale',
      'p.cost',
      'p.state',
      'p.approver',
      'p.routing_reason as routingReason',
      'p.decision_reason as decisionReason',
      'p.created_at',
      'p.version',
    ])
    .where('p.organisation_id', '=', organisationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
const toProposal = ({ created_at, ...r }: Row): ChangeProposal => ({ ...r, createdAt: created_at.toISOString() });

export async function listProposals(
  db: Db,
  organisationId: string,
  filter: { state?: ProposalState | undefined; teamId?: string | undefined } = {},
) {
  let query = baseQuery(db, organisationId);
  if (filter.state) query = query.where('p.state', '=', filter.state);
  if (filter.teamId) query = query.where('p.team_id', '=', filter.teamId);
  return (await query.orderBy('p.created_at', 'desc').limit(500).execute()).map(toProposal);
}

export async function getProposal(db: Db, organisationId: string, id: string): Promise<ChangeProposal> {
  const row = await baseQuery(db, organisationId).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Change proposal');
  return toProposal(row);
}

export async function insertProposal(db: Db, organisationId: string, input: ProposalInput, createdBy: string): Promise<ChangeProposal> {
  const { id } = await db
    .insertInto('change_proposal')
    .values({
      organisation_id: organisationId,
      policy_id: input.policyId,
      team_id: input.teamId,
      title: input.title,
      proposed_statement: input.proposedStatement,
      rationale: input.rationale,
      cost: input.cost,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getProposal(db, organisationId, id);
}

/** Moves a proposal on when it is still at `version`; the caller has checked the transition. */
export async function updateProposalState(
  db: Db,
  organisationId: string,
  p: { id: string; version: number; state: ProposalState; approver?: Approver; routingReason?: string; decisionReason?: string },
): Promise<ChangeProposal> {
  await updateAtVersion(
    db,
    'change_proposal',
    { organisationId, ...p },
    {
      state: p.state,
      ...(p.approver !== undefined && { approver: p.approver }),
      ...(p.routingReason !== undefined && { routing_reason: p.routingReason }),
      ...(p.decisionReason !== undefined && { decision_reason: p.decisionReason }),
    },
  );
  return getProposal(db, organisationId, p.id);
}

export async function insertDecision(db: Db, organisationId: string, d: Omit<Decision, 'id' | 'decidedAt'>): Promise<void> {
  await db
    .insertInto('decision')
    .values({
      organisation_id: organisationId,
      subject_type: d.subjectType,
      subject_id: d.subjectId,
      summary: d.summary,
      outcome: d.outcome,
      reason: d.reason,
      decided_by: d.decidedBy,
      decided_by_body: d.decidedByBody,
    })
    .execute();
}

export async function listDecisions(db: Db, organisationId: string, limit = 200): Promise<Decision[]> {
  const rows = await db
    .selectFrom('decision')
    .select([
      'id',
      'subject_type as subjectType',
      'subject_id as subjectId',
      'summary',
      'outcome',
      'reason',
      'decided_by as decidedBy',
      'decided_by_body as decidedByBody',
      'decided_at',
    ])
    .where('organisation_id', '=', organisationId)
    .orderBy('decided_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(({ decided_at, ...r }) => ({ ...r, decidedAt: decided_at.toISOString() }));
}
