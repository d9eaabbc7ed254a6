import type { Journey } from '@throughline/domain';
import { useId } from 'react';
import { ModalDialog } from '../common/modal-dialog.tsx';
import type { OwnershipCell, OwnershipRow } from './ownership-matrix.ts';
import { RemitCellEditor } from './remit-cell-editor.tsx';

export interface CellTarget {
  row: OwnershipRow;
  cell: OwnershipCell;
}

interface RemitCellDialogProps {
  target: CellTarget | null;
  /** The journey with its stages and steps, for choosing the steps a contributor covers. */
  journey: Journey | undefined;
  stepNames: ReadonlyMap<string, string>;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Changing one cell of the ownership matrix, in a modal over it. */
export function RemitCellDialog({ target, journey, stepNames, onClose, onDone }: RemitCellDialogProps) {
  const titleId = useId();
  return (
    <ModalDialog open={target !== null} labelledBy={titleId} onClose={onClose}>
      {target ? (
        <RemitCellEditor
          key={`${target.row.journey.id}:${target.cell.team.id}`}
          titleId={titleId}
          row={target.row}
          cell={target.cell}
          journey={journey}
          stepNames={stepNames}
          onDone={onDone}
          onClose={onClose}
        />
      ) : null}
    </ModalDialog>
  );
}
