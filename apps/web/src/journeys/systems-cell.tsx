import type { Step, SystemWithOwner } from '@throughline/domain';
import { useId, useState } from 'react';
import type { JourneyEdits } from './use-journey-edits.ts';

interface SystemsCellProps {
  step: Step;
  systems: ReadonlyMap<string, SystemWithOwner>;
  /** Teams with a remit over this step; a system owned by any other team crosses the boundary. */
  remitTeamIds: ReadonlySet<string>;
  /** Present in edit mode. */
  edits?: JourneyEdits | undefined;
}

/**
 * The systems lane of one step: each system with its owning team, and a warning on those owned
 * outside the journey's remit (cross-boundary dependencies). In edit mode, a checklist.
 */
export function SystemsCell({ step, systems, remitTeamIds, edits }: SystemsCellProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const used = step.blueprint.systemIds.map((id) => systems.get(id)).filter((s): s is SystemWithOwner => s !== undefined);

  const toggle = (systemId: string, on: boolean) => {
    const next = on ? [...step.blueprint.systemIds, systemId] : step.blueprint.systemIds.filter((id) => id !== systemId);
    void edits?.updateStep({ stepId: step.id, version: step.version, systemIds: next }).catch(() => undefined);
  };

  return (
    <div className="systems-cell">
      {used.length > 0 ? (
        <ul className="system-list">
          {used.map((s) => {
            const crosses = s.ownerTeamId !== null && !remitTeamIds.has(s.ownerTeamId);
            return (
              <li key={s.id} className={crosses ? 'system-chip system-chip--crossing' : 'system-chip'}>
                <span className="system-chip__name">{s.name}</span>
                <span className="system-chip__owner">{s.ownerTeamName ?? 'No owner'}</span>
                {crosses ? <span className="system-chip__flag">Outside the journey’s remit</span> : null}
              </li>
            );
          })}
        </ul>
      ) : edits ? null : (
        <span className="blueprint__blank">
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">Not recorded</span>
        </span>
      )}
      {edits ? (
        <>
          <button
            type="button"
            className="inline-edit inline-edit--small"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Done' : 'Choose systems'}
            <span className="visually-hidden"> for {step.name}</span>
          </button>
          {open ? (
            <fieldset id={listId} className="checks checks--compact">
              <legend className="visually-hidden">Systems {step.name} relies on</legend>
              {[...systems.values()].map((s) => (
                <label key={s.id} className="checks__item">
                  <input
                    type="checkbox"
                    checked={step.blueprint.systemIds.includes(s.id)}
                    disabled={edits.pending}
                    onChange={(e) => toggle(s.id, e.target.checked)}
                  />
                  <span>{s.name}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
