import type { Journey } from '@throughline/domain';
import { ConfirmAction } from '../common/confirm-action.tsx';
import { errorMessage } from '../common/error-message.ts';
import { ContributorStepsForm } from './contributor-steps-form.tsx';
import type { OwnershipCell, OwnershipRow } from './ownership-matrix.ts';
import { namesOf } from './ownership-matrix-table.tsx';
import { useRemitChanges } from './use-remit-changes.ts';

interface RemitCellEditorProps {
  titleId: string;
  row: OwnershipRow;
  cell: OwnershipCell;
  journey: Journey | undefined;
  stepNames: ReadonlyMap<string, string>;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** What one team holds on one journey, and the changes that can be made to it. */
export function RemitCellEditor({ titleId, row, cell, journey, stepNames, onDone, onClose }: RemitCellEditorProps) {
  const change = useRemitChanges(onDone);
  const { team, remit } = cell;
  const journeyName = row.journey.name;
  const owner = row.accountable;

  return (
    <div className="remit-editor">
      {/* Focus starts on the heading, so nothing is triggered by an Enter pressed too soon. */}
      <h2 id={titleId} className="remit-editor__title" tabIndex={-1} data-autofocus>
        {team.name} <span className="remit-editor__on">on</span> “{journeyName}”
      </h2>
      <p className="remit-editor__now">{describe(cell, stepNames)}</p>
      {/* Always present, so screen readers are already listening when the server says no. */}
      <div role="alert" className={change.isError ? 'form__alert' : 'form__alert form__alert--empty'}>
        {change.isError ? <p>{errorMessage(change.error)}</p> : null}
      </div>

      {remit === null ? (
        <>
          <section className="remit-editor__option" aria-labelledby={`${titleId}-accountable`}>
            <h3 id={`${titleId}-accountable`} className="remit-editor__option-title">
              Make accountable
            </h3>
            <p className="field__hint">
              The accountable team owns the whole journey end to end; a journey has exactly one.
              {owner ? ` ${owner.teamName} holds it now.` : ' Nobody holds it now.'}
            </p>
            <button
              type="button"
              className="button button--primary"
              disabled={change.isPending}
              onClick={() =>
                change.mutate({
                  kind: 'add',
                  teamName: team.name,
                  journeyName,
                  input: { journeyId: row.journey.id, teamId: team.id, role: 'accountable', stepIds: [] },
                })
              }
            >
              Make {team.name} accountable
            </button>
          </section>
          <ContributorStepsForm
            headingId={`${titleId}-contributing`}
            journey={journey}
            pending={change.isPending}
            onSubmit={(stepIds) =>
              change.mutate({
                kind: 'add',
                teamName: team.name,
                journeyName,
                input: { journeyId: row.journey.id, teamId: team.id, role: 'contributing', stepIds },
              })
            }
          />
        </>
      ) : null}

      {remit?.role === 'contributing' ? (
        owner ? (
          <p className="field__hint">
            To make {team.name} accountable, first remove {owner.teamName}’s accountability: a journey has exactly one accountable team.
          </p>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={change.isPending}
            onClick={() => change.mutate({ kind: 'promote', remit })}
          >
            Make {team.name} accountable
          </button>
        )
      ) : null}

      <div className="remit-editor__footer">
        {remit ? (
          <ConfirmAction
            label={remit.role === 'accountable' ? 'Remove accountability' : 'Remove contribution'}
            subject={`of ${team.name} on ${journeyName}`}
            question={
              remit.role === 'accountable'
                ? `Remove ${team.name}’s accountability? “${journeyName}” will have no owner until another team is made accountable.`
                : `Remove ${team.name}’s contribution to “${journeyName}”?`
            }
            confirmLabel="Remove"
            pendingLabel="Removing…"
            pending={change.isPending}
            onConfirm={() => change.mutate({ kind: 'remove', remit })}
          />
        ) : null}
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function describe({ team, remit, overlapStepIds }: OwnershipCell, stepNames: ReadonlyMap<string, string>): string {
  if (!remit) return `${team.name} has no remit on this journey.`;
  if (remit.role === 'accountable') return `${team.name} is accountable for the whole journey.`;
  const scope = remit.stepIds.length === 0 ? 'the whole journey' : namesOf(remit.stepIds, stepNames);
  const overlap = overlapStepIds.length > 0 ? ` Another contributor also claims ${namesOf(overlapStepIds, stepNames)}.` : '';
  return `${team.name} contributes to ${scope}.${overlap}`;
}
