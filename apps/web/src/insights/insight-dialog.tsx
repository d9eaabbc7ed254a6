import type { Insight } from '@throughline/domain';
import { useId } from 'react';
import { ModalDialog } from '../common/modal-dialog.tsx';
import { InsightForm } from './insight-form.tsx';

/** What the dialog is open for: a new insight (with the links it starts with) or an existing one. */
export type InsightEditing = { kind: 'new'; journeyId?: string; failurePointId?: string } | { kind: 'edit'; insight: Insight } | null;

interface InsightDialogProps {
  editing: InsightEditing;
  onClose: () => void;
  onSaved: (insight: Insight, message: string) => void;
}

/** Adds or edits an insight in a modal over the repository. */
export function InsightDialog({ editing, onClose, onSaved }: InsightDialogProps) {
  const titleId = useId();
  const insight = editing?.kind === 'edit' ? editing.insight : null;
  const startLinks = editing?.kind === 'new' ? { journeyId: editing.journeyId, failurePointId: editing.failurePointId } : {};
  return (
    <ModalDialog open={editing !== null} labelledBy={titleId} onClose={onClose}>
      {editing ? (
        <InsightForm
          key={insight?.id ?? 'new'}
          titleId={titleId}
          insight={insight}
          startLinks={startLinks}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </ModalDialog>
  );
}
