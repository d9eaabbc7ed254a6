import type { Blueprint, Journey, Stage, Step, SystemWithOwner } from '@throughline/domain';
import { channelLabel } from './channel-label.ts';
import { stageAnchorId, StageJumpBar } from './stage-jump-bar.tsx';

interface Lane {
  label: string;
  hint: string;
  content: (blueprint: Blueprint, systems: ReadonlyMap<string, SystemWithOwner>) => string;
}

const textOf = (key: 'customerAction' | 'frontstage' | 'backstage' | 'supportProcesses' | 'evidence') => (b: Blueprint) => b[key];

/** Lanes the customer sees, above the line of visibility. */
const VISIBLE_LANES: Lane[] = [
  { label: 'Customer actions', hint: 'What the customer does', content: textOf('customerAction') },
  { label: 'Frontstage', hint: 'People and screens they meet', content: textOf('frontstage') },
];

/** Lanes behind the line of visibility. */
const HIDDEN_LANES: Lane[] = [
  { label: 'Backstage', hint: 'Work the customer does not see', content: textOf('backstage') },
  { label: 'Support processes', hint: 'What the work relies on', content: textOf('supportProcesses') },
  {
    label: 'Systems',
    hint: 'Systems used, and the team that owns each',
    content: (b, systems) =>
      b.systemIds
        .map((id) => systems.get(id))
        .map((s) => (s ? `${s.name} (${s.ownerTeamName ?? 'no owner'})` : 'Unknown system'))
        .join(', '),
  },
  { label: 'Evidence', hint: 'What the customer sees or keeps', content: textOf('evidence') },
];

interface Column {
  stage: Stage;
  step: Step | null;
  /** The first column of its stage, which draws the stage boundary. */
  stageStart: boolean;
  /** The step's number across the whole journey. */
  number: number;
}

function byPosition<T extends { position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}

function columnsOf(stages: readonly Stage[]): Column[] {
  const columns: Column[] = [];
  let number = 0;
  for (const stage of stages) {
    const steps = byPosition(stage.steps);
    if (steps.length === 0) columns.push({ stage, step: null, stageStart: true, number });
    steps.forEach((step, i) => {
      number += 1;
      columns.push({ stage, step, stageStart: i === 0, number });
    });
  }
  return columns;
}

/**
 * The journey's service blueprint, read-only: stages and their steps run left to right as
 * columns, the blueprint's lanes top to bottom as rows, split by the line of visibility.
 */
export function ServiceBlueprint({ journey, systems }: { journey: Journey; systems: readonly SystemWithOwner[] }) {
  const systemsById = new Map(systems.map((s) => [s.id, s]));
  const stages = byPosition(journey.stages);
  const columns = columnsOf(stages);
  const stepNames = new Map(stages.flatMap((s) => s.steps.map((st) => [st.id, st.name] as const)));

  const laneRow = (lane: Lane) => (
    <tr key={lane.label} className="blueprint__lane">
      <th scope="row" className="blueprint__lane-header">
        <span className="blueprint__lane-name">{lane.label}</span>
        <span className="blueprint__lane-hint">{lane.hint}</span>
      </th>
      {columns.map((col) => {
        const text = col.step ? lane.content(col.step.blueprint, systemsById) : '';
        return (
          <td key={col.step?.id ?? col.stage.id} className={col.stageStart ? 'blueprint__cell is-stage-start' : 'blueprint__cell'}>
            {text ? (
              text
            ) : (
              <span className="blueprint__blank">
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">Not recorded</span>
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );

  return (
    <>
      {stages.length > 1 ? <StageJumpBar stages={stages} /> : null}
      <div className="blueprint-scroll" role="region" aria-label={`Service blueprint for ${journey.name}`} tabIndex={0}>
        <table className="blueprint">
          <caption className="visually-hidden">
            Service blueprint for {journey.name}: steps as columns grouped by stage, blueprint lanes as rows.
          </caption>
          <colgroup>
            <col className="blueprint__lane-col" />
          </colgroup>
          {stages.map((stage) => (
            <colgroup key={stage.id} span={Math.max(1, stage.steps.length)} />
          ))}
          <thead>
            <tr>
              <td className="blueprint__corner" />
              {stages.map((stage, i) => (
                <th
                  key={stage.id}
                  id={stageAnchorId(stage.id)}
                  scope="colgroup"
                  colSpan={Math.max(1, stage.steps.length)}
                  className="blueprint__stage"
                >
                  <span className="blueprint__stage-index">Stage {i + 1}</span>
                  <span className="blueprint__stage-name">{stage.name}</span>
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col" className="blueprint__corner blueprint__corner--label">
                Lane
              </th>
              {columns.map((col) =>
                col.step ? (
                  <th key={col.step.id} scope="col" className={col.stageStart ? 'blueprint__step is-stage-start' : 'blueprint__step'}>
                    <div className="step-card">
                      <span className="step-card__number" aria-label={`Step ${col.number}`}>
                        {col.number}
                      </span>
                      <span className="step-card__name">{col.step.name}</span>
                      <span className="chip chip--channel">
                        <span className="visually-hidden">Channel: </span>
                        {channelLabel(col.step.channel)}
                      </span>
                      {col.step.dependsOnStepIds.length > 0 ? (
                        <span className="step-card__deps">
                          After {col.step.dependsOnStepIds.map((id) => stepNames.get(id) ?? 'another step').join(', ')}
                        </span>
                      ) : null}
                    </div>
                  </th>
                ) : (
                  <th key={col.stage.id} scope="col" className="blueprint__step blueprint__step--empty is-stage-start">
                    No steps in this stage yet
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {VISIBLE_LANES.map(laneRow)}
            <tr className="blueprint__line">
              <th scope="row" colSpan={columns.length + 1}>
                <span className="blueprint__line-label">Line of visibility</span>
              </th>
            </tr>
            {HIDDEN_LANES.map(laneRow)}
          </tbody>
        </table>
      </div>
    </>
  );
}
