import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './modal-dialog.css';

interface ModalDialogProps {
  open: boolean;
  /** The id of the dialog's heading, which names it. */
  labelledBy: string;
  /** Called however it closes: Escape, a Close button, or `open` turning false. */
  onClose: () => void;
  children: ReactNode;
}

/**
 * The browser's modal dialog: it keeps focus inside, closes on Escape, and returns focus to
 * the button that opened it. Children render only while open, so each opening starts afresh;
 * one marked `data-autofocus` gets focus first.
 */
export function ModalDialog({ open, labelledBy, onClose, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // The browser focuses the first control; a child may name a better start, such as its heading.
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  // Escape inside a "Remove?" question (ConfirmAction) cancels the question, not the dialog.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && event.target instanceof Element && event.target.closest('.confirm')) event.preventDefault();
  };

  return (
    <dialog ref={dialog} className="modal-dialog" aria-labelledby={labelledBy} onClose={onClose} onKeyDown={onKeyDown}>
      {open ? children : null}
    </dialog>
  );
}
