import { useId, type ReactNode } from 'react';
import { issueText } from '../common/field-issues.ts';

export interface CheckOption {
  value: string;
  label: string;
  /** A second line, e.g. the journey a step belongs to. */
  detail?: string;
}

interface CheckListProps {
  legend: string;
  options: readonly CheckOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  hint?: ReactNode;
  issue?: string | undefined;
  /** Shown instead of an empty list. */
  none: string;
}

/**
 * A labelled set of checkboxes for picking several linked items; long lists scroll inside
 * their frame so the form stays short. Tied to its hint and issue like any other field.
 */
export function CheckList({ legend, options, selected, onChange, hint, issue, none }: CheckListProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, issue ? `${id}-issue` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="check-list" aria-describedby={describedBy} aria-invalid={issue ? true : undefined}>
      <legend className="check-list__legend">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.length === 0 ? (
        <p className="check-list__none muted">{none}</p>
      ) : (
        <ul className={options.length > 6 ? 'check-list__items check-list__items--scroll' : 'check-list__items'}>
          {options.map((o) => (
            <li key={o.value}>
              <label className="checks__item">
                <input type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
                <span>
                  {o.label}
                  {o.detail ? <span className="check-list__detail"> · {o.detail}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {issue ? (
        <p id={`${id}-issue`} className="field__issue">
          {issueText(legend, issue)}
        </p>
      ) : null}
    </fieldset>
  );
}
