import { DomainError, JOURNEY_FORMAT, JOURNEY_FORMAT_VERSION, journeyDocumentProblems, type JourneyDocument } from '@throughline/domain';
import type { Db } from '../database.ts';
import { getJourney } from './journey.queries.ts';
import { createJourney, setStepDependencies } from './journey-edit.queries.ts';

/** A journey and its blueprint as a portable document: steps keyed by position, systems by name. */
export async function exportJourney(db: Db, organisationId: string, journeyId: string, now: Date): Promise<JourneyDocument> {
  const journey = await getJourney(db, organisationId, journeyId);
  const systems = await db.selectFrom('system').select(['id', 'name']).where('organisation_id', '=', organisationId).execute();
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  const keyOf = new Map(journey.stages.flatMap((stage, i) => stage.steps.map((s, j) => [s.id, `s${i + 1}.${j + 1}`] as const)));
  return {
    format: JOURNEY_FORMAT,
    formatVersion: JOURNEY_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    journey: {
      name: journey.name,
      description: journey.description,
      personas: journey.personas,
      stages: journey.stages.map((stage) => ({
        name: stage.name,
        steps: stage.steps.map((s) => ({
          key: keyOf.get(s.id)!,
          name: s.name,
          channel: s.channel,
          customerAction: s.blueprint.customerAction,
          frontstage: s.blueprint.frontstage,
          backstage: s.blueprint.backstage,
          supportProcesses: s.blueprint.supportProcesses,
          evidence: s.blueprint.evidence,
          systems: s.blueprint.systemIds.map((id) => systemName.get(id)!).sort(),
          dependsOn: s.dependsOnStepIds.map((id) => keyOf.get(id)!),
        })),
      })),
    },
  };
}

/**
 * Creates a journey from a document, all or nothing: call inside a transaction. Every problem
 * is reported at once with its path. Systems are matched by name; unknown ones are created
 * without an owner when `createMissingSystems`, and refused otherwise.
 */
export async function importJourney(db: Db, organisationId: string, doc: JourneyDocument, opts: { createMissingSystems: boolean }) {
  const problems = journeyDocumentProblems(doc);
  const systems = await db.selectFrom('system').select(['id', 'name']).where('organisation_id', '=', organisationId).execute();
  const systemId = new Map(systems.map((s) => [s.name.toLowerCase(), s.id]));
  const missing = new Set<string>();
  doc.journey.stages.forEach((stage, i) =>
    stage.steps.forEach((step, j) =>
      step.systems.forEach((name, k) => {
        if (systemId.has(name.toLowerCase())) return;
        missing.add(name);
        if (!opts.createMissingSystems)
          problems.push({
            path: `journey.stages.${i}.steps.${j}.systems.${k}`,
            message: `names no system of this organisation (“${name}”)`,
          });
      }),
    ),
  );
  if (problems.length > 0)
    throw new DomainError(
      'BAD_REQUEST',
      `The journey file has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was imported`,
      problems,
    );

  for (const name of missing) {
    const row = await db
      .insertInto('system')
      .values({ organisation_id: organisationId, name, owner_team_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    systemId.set(name.toLowerCase(), row.id);
  }
  const journey = await createJourney(db, organisationId, doc.journey);
  const stepId = new Map<string, { id: string; journeyId: string }>();
  for (const [i, stage] of doc.journey.stages.entries()) {
    const { id: stageId } = await db
      .insertInto('journey_stage')
      .values({ organisation_id: organisationId, journey_id: journey.id, name: stage.name, position: i })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (stage.steps.length === 0) continue;
    const rows = await db
      .insertInto('journey_step')
      .values(
        stage.steps.map((s, j) => ({
          organisation_id: organisationId,
          journey_id: journey.id,
          stage_id: stageId,
          name: s.name,
          channel: s.channel,
          position: j,
          customer_action: s.customerAction,
          frontstage: s.frontstage,
          backstage: s.backstage,
          support_processes: s.supportProcesses,
          evidence: s.evidence,
        })),
      )
      .returning(['id', 'journey_id as journeyId', 'position'])
      .execute();
    for (const row of rows) stepId.set(stage.steps[row.position]!.key, row);
  }
  const links = doc.journey.stages.flatMap((stage) =>
    stage.steps.flatMap((s) =>
      [...new Set(s.systems.map((n) => systemId.get(n.toLowerCase())!))].map((system_id) => ({
        organisation_id: organisationId,
        step_id: stepId.get(s.key)!.id,
        system_id,
      })),
    ),
  );
  if (links.length > 0) await db.insertInto('step_system').values(links).execute();
  for (const stage of doc.journey.stages) {
    for (const s of stage.steps) {
      if (s.dependsOn.length > 0)
        await setStepDependencies(
          db,
          organisationId,
          stepId.get(s.key)!,
          s.dependsOn.map((k) => stepId.get(k)!.id),
        );
    }
  }
  return { journeyId: journey.id, stages: doc.journey.stages.length, steps: stepId.size, systemsCreated: [...missing] };
}
