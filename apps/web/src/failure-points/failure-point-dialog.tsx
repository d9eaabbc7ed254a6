import type { FailurePoint } from '@throughline/domain';
import { useId } from 'react';
import { ModalDialog } from '../common/modal-dialog.tsx';
import { FailurePointForm } from './failure-point-form.tsx';

/** A new failure point (on a starting journey) or an existing one; null when closed. */
export type FailurePointEditing = { kind: 'new'; journeyId: string } | { kind: 'edit'; point: FailurePoint } | null;

interface FailurePointDialogProps {
  editing: FailurePointEditing;
  onClose: () => void;
  onSaved: (point: FailurePoint, message: string) => void;
}

/** Adds or edits a failure point in a modal over the ranking. */
export function FailurePointDialog({ editing, onClose, onSaved }: FailurePointDialogProps) {
  const titleId = useId();
  const point = editing?.kind === 'edit' ? editing.point : null;
  return (
    <ModalDialog open={editing !== null} labelledBy={titleId} onClose={onClose}>
      {editing ? (
        <FailurePointForm
          key={point?.id ?? 'new'}
          titleId={titleId}
          point={point}
          startJourneyId={editing.kind === 'new' ? editing.journeyId : ''}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </ModalDialog>
  );
}
