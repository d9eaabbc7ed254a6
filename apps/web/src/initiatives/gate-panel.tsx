import { useMutation } from '@tanstack/react-query';
import type { Initiative } from '@throughline/domain';
import type { RefObject } from 'react';
import { errorMessage } from '../common/error-message.ts';
import type { FieldIssue } from '../common/field-issues.ts';
import { trpc } from '../trpc.ts';
import { focusById } from './focus-field.ts';
import { GateRefusal } from './gate-refusal.tsx';
import { uniqueIssues } from '../common/field-issues.ts';
import { gateAction, stageLabel, type GateTarget } from './stage-labels.ts';

/** What the last attempt at a gate was told. */
export interface GateRefused {
  to: GateTarget;
  message: string;
  issues: FieldIssue[];
}

interface GatePanelProps {
  initiative: Initiative;
  to: GateTarget;
  /** May move this team's initiatives. */
  canAct: boolean;
  refused: GateRefused | null;
  onAdvanced: (after: Initiative, message: string) => void;
  onRefused: (refused: GateRefused) => void;
  /** A new attempt: the last refusal goes, so the next one is announced afresh. */
  onAttempt: () => void;
  /** Brings a field into view in the case editor. */
  onShowField: (path: string) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/**
 * The next gate and its button. The server checks the gate: when it refuses, its issues are
 * listed here and beside their fields in the case editor, and focus moves to the list.
 */
export function GatePanel({
  initiative: i,
  to,
  canAct,
  refused,
  onAdvanced,
  onRefused,
  onAttempt,
  onShowField,
  headingRef,
}: GatePanelProps) {
  const action = gateAction(to);
  const advance = useMutation(
    trpc.initiative.advance.mutationOptions({
      onSuccess: (after) => {
        onAdvanced(after, `“${after.title}” ${action.done}`);
      },
      onError: (error) => {
        if (error.data?.code !== 'PRECONDITION_FAILED') return;
        onRefused({ to, message: error.message, issues: uniqueIssues(error.data?.issues ?? []) });
        focusById('gate-refusal-heading');
      },
    }),
  );
  const otherError = advance.error && advance.error.data?.code !== 'PRECONDITION_FAILED' ? advance.error : null;
  const conflict = otherError?.data?.code === 'CONFLICT';
  const shownRefusal = refused?.to === to ? refused : null;

  return (
    <section className="next-step" aria-labelledby="next-step-heading">
      <h2 ref={headingRef} id="next-step-heading" className="next-step__title" tabIndex={-1}>
        Next gate: {stageLabel(to).toLowerCase()}
      </h2>
      <p>{action.asks}</p>
      {canAct ? (
        <div className="form__buttons">
          <button
            type="button"
            className="button button--primary"
            disabled={advance.isPending}
            aria-busy={advance.isPending}
            onClick={() => {
              advance.reset();
              onAttempt();
              advance.mutate({ id: i.id, version: i.version, to });
            }}
          >
            {advance.isPending ? action.pending : action.button}
          </button>
        </div>
      ) : (
        <p className="next-step__waiting">Waiting for {i.teamName} to move it on.</p>
      )}
      {shownRefusal ? (
        <GateRefusal
          headingId="gate-refusal-heading"
          title={
            shownRefusal.issues.length > 0
              ? `It cannot be ${stageLabel(to).toLowerCase()} yet: ${shownRefusal.issues.length === 1 ? 'one thing is' : `${shownRefusal.issues.length} things are`} missing`
              : shownRefusal.message
          }
          issues={shownRefusal.issues}
          onShowField={canAct ? onShowField : undefined}
        />
      ) : null}
      {otherError ? (
        <div className="gate-refusal" role="alert">
          <p>{errorMessage(otherError)}</p>
          {conflict ? (
            <button type="button" className="button button--secondary" onClick={() => advance.reset()}>
              Reload the initiative
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
