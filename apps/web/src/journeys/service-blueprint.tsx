import { teamsOnStep, type Journey, type RemitView, type Stage, type Step, type SystemWithOwner } from '@throughline/domain';
import type { DragEvent, ReactNode } from 'react';
import { channelLabel } from './channel-label.ts';
import { InlineTextEditor } from './inline-text-editor.tsx';
import { StageHeaderEditor } from './stage-header-editor.tsx';
import { stageAnchorId, StageJumpBar } from './stage-jump-bar.tsx';
import { STEP_DRAG_TYPE, StepCardEditor } from './step-card-editor.tsx';
import { SystemsCell } from './systems-cell.tsx';
import type { JourneyEdits } from './use-journey-edits.ts';
import './blueprint.css';

type TextLaneKey = 'customerAction' | 'frontstage' | 'backstage' | 'supportProcesses' | 'evidence';
type Lane = { label: string; hint: string } & ({ kind: 'text'; key: TextLaneKey } | { kind: 'systems' });

/** Lanes the customer sees, above the line of visibility. */
const VISIBLE_LANES: Lane[] = [
  { label: 'Customer actions', hint: 'What the customer does', kind: 'text', key: 'customerAction' },
  { label: 'Frontstage', hint: 'People and screens they meet', kind: 'text', key: 'frontstage' },
];

/** Lanes behind the line of visibility. */
const HIDDEN_LANES: Lane[] = [
  { label: 'Backstage', hint: 'Work the customer does not see', kind: 'text', key: 'backstage' },
  { label: 'Support processes', hint: 'What the work relies on', kind: 'text', key: 'supportProcesses' },
  { label: 'Systems', hint: 'Systems used, and the team that owns each', kind: 'systems' },
  { label: 'Evidence', hint: 'What the customer sees or keeps', kind: 'text', key: 'evidence' },
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

const BLANK = (
  <span className="blueprint__blank">
    <span aria-hidden="true">—</span>
    <span className="visually-hidden">Not recorded</span>
  </span>
);

/** Accepts a dragged step card and moves it to `position` of `stageId`. */
function dropTarget(edits: JourneyEdits | undefined, stageId: string, position: number) {
  if (!edits) return {};
  return {
    onDragOver: (event: DragEvent) => {
      if (event.dataTransfer.types.includes(STEP_DRAG_TYPE)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      }
    },
    onDrop: (event: DragEvent) => {
      const stepId = event.dataTransfer.getData(STEP_DRAG_TYPE);
      if (!stepId) return;
      event.preventDefault();
      void edits.moveStep(stepId, stageId, position).catch(() => undefined);
    },
  };
}

interface ServiceBlueprintProps {
  journey: Journey;
  systems: readonly SystemWithOwner[];
  /** This journey's remits, to mark systems owned outside them. */
  remits: readonly RemitView[];
  /** Present in edit mode: every lane, step and stage becomes editable in place. */
  edits?: JourneyEdits | undefined;
}

/**
 * The journey's service blueprint: stages and their steps run left to right as columns, the
 * blueprint's lanes top to bottom as rows, split by the line of visibility. Systems owned
 * outside the journey's remit are marked; in edit mode everything is edited where it stands.
 */
export function ServiceBlueprint({ journey, systems, remits, edits }: ServiceBlueprintProps) {
  const systemsById = new Map(systems.map((s) => [s.id, s]));
  const stages = byPosition(journey.stages).map((s) => ({ ...s, steps: byPosition(s.steps) }));
  const columns = columnsOf(stages);
  const stepNames = new Map(stages.flatMap((s) => s.steps.map((st) => [st.id, st.name] as const)));
  const remitModel = remits.map((r) => ({ journeyId: r.journeyId, teamId: r.teamId, role: r.role, stepIds: r.stepIds }));

  const cellContent = (lane: Lane, step: Step): ReactNode => {
    if (lane.kind === 'systems') {
      return <SystemsCell step={step} systems={systemsById} remitTeamIds={teamsOnStep(remitModel, journey.id, step.id)} edits={edits} />;
    }
    const text = step.blueprint[lane.key];
    if (!edits) return text || BLANK;
    return (
      <InlineTextEditor
        label={`${lane.label} for ${step.name}`}
        value={text}
        placeholder={`Add ${lane.label.toLowerCase()}`}
        multiline
        onSave={(value) => edits.updateStep({ stepId: step.id, version: step.version, [lane.key]: value })}
      />
    );
  };

  const laneRow = (lane: Lane) => (
    <tr key={lane.label} className="blueprint__lane">
      <th scope="row" className="blueprint__lane-header">
        <span className="blueprint__lane-name">{lane.label}</span>
        <span className="blueprint__lane-hint">{lane.hint}</span>
      </th>
      {columns.map((col) => (
        <td key={col.step?.id ?? col.stage.id} className={col.stageStart ? 'blueprint__cell is-stage-start' : 'blueprint__cell'}>
          {col.step ? cellContent(lane, col.step) : BLANK}
        </td>
      ))}
    </tr>
  );

  return (
    <>
      {stages.length > 1 ? <StageJumpBar stages={stages} /> : null}
      <div className="table-wrap" role="region" aria-label={`Service blueprint for ${journey.name}`} tabIndex={0}>
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
                  {...dropTarget(edits, stage.id, stage.steps.length)}
                >
                  {edits ? (
                    <StageHeaderEditor stage={stage} index={i} stageCount={stages.length} edits={edits} />
                  ) : (
                    <>
                      <span className="blueprint__stage-index">Stage {i + 1}</span>
                      <span className="blueprint__stage-name">{stage.name}</span>
                    </>
                  )}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col" className="blueprint__corner blueprint__corner--label">
                Lane
              </th>
              {columns.map((col) =>
                col.step ? (
                  <th
                    key={col.step.id}
                    scope="col"
                    className={col.stageStart ? 'blueprint__step is-stage-start' : 'blueprint__step'}
                    {...dropTarget(edits, col.stage.id, col.step.position)}
                  >
                    {edits ? (
                      <StepCardEditor step={col.step} number={col.number} stages={stages} edits={edits} />
                    ) : (
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
                    )}
                  </th>
                ) : (
                  <th
                    key={col.stage.id}
                    scope="col"
                    className="blueprint__step blueprint__step--empty is-stage-start"
                    {...dropTarget(edits, col.stage.id, 0)}
                  >
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
