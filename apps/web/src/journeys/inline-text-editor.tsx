import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface InlineTextEditorProps {
  /** What is edited, for screen readers: "Customer actions for Call us". */
  label: string;
  value: string;
  /** Shown when the value is empty, e.g. "Add customer actions". */
  placeholder: string;
  multiline?: boolean;
  onSave: (value: string) => Promise<unknown>;
  /** How the value reads when not editing; the plain text by default. */
  children?: ReactNode;
}

/**
 * A value edited where it stands: a button showing it, which becomes a field with Save and
 * Cancel. Enter (Ctrl+Enter in a multi-line field) saves, Escape cancels; focus returns to the
 * button either way, so keyboard users keep their place in the blueprint.
 */
export function InlineTextEditor({ label, value, placeholder, multiline = false, onSave, children }: InlineTextEditorProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [saving, setSaving] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const id = useId();

  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      button.current?.focus();
    }
  }, [editing]);

  const stop = () => {
    refocus.current = true;
    setEditing(false);
  };
  const save = async () => {
    if (draft.trim() === value.trim()) return stop();
    setSaving(true);
    try {
      await onSave(draft.trim());
      stop();
    } catch {
      // The failure is announced by the page's live region; keep the draft for another try.
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      stop();
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  if (!editing) {
    return (
      <button
        ref={button}
        type="button"
        className="inline-edit"
        aria-label={`Edit ${label}${value ? `: ${value}` : ' (empty)'}`}
        onClick={() => {
          setDraft(value);
          setEditing(true);
        }}
      >
        {value ? (children ?? value) : <span className="inline-edit__placeholder">{placeholder}</span>}
      </button>
    );
  }
  const fieldProps = {
    id,
    'aria-label': label,
    value: draft,
    autoFocus: true,
    disabled: saving,
    onKeyDown,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
  };
  return (
    <div className="inline-edit__form">
      {multiline ? <textarea rows={4} {...fieldProps} /> : <input type="text" {...fieldProps} />}
      <div className="inline-edit__buttons">
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => void save()}
          disabled={saving}
          aria-busy={saving}
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={stop} disabled={saving}>
          Cancel
        </button>
      </div>
    </div>
  );
}
