import { useId, type ReactNode } from 'react';
import { issueText } from './field-issues.ts';
import './check-list-field.css';

export interface CheckOption {
  value: string;
  label: ReactNode;
  /** A second line: the journey a step belongs to, a failure point's annual cost… */
  detail?: ReactNode;
}

interface CheckListFieldProps {
  legend: string;
  /** The field's path, so issue summaries can find and focus the group. */
  name?: string;
  options: readonly CheckOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  hint?: ReactNode;
  issue?: string | undefined;
  /** Shown instead of the boxes when there is nothing to choose from. */
  empty: ReactNode;
  /**
   * `framed`: in a box that scrolls past six options, details inline, for dialogs.
   * `stack` or `columns`: open on the page, each detail on a line of its own.
   */
  layout?: 'framed' | 'stack' | 'columns';
}

/** A group of checkboxes for a list of ids, with its legend, hint and issue read together. */
export function CheckListField({ legend, name, options, value, onChange, hint, issue, empty, layout = 'stack' }: CheckListFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, issue ? `${id}-issue` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (optionValue: string, checked: boolean) =>
    onChange(checked ? [...value, optionValue] : value.filter((v) => v !== optionValue));
  const framed = layout === 'framed';
  const listClass = framed
    ? `check-list__items${options.length > 6 ? ' check-list__items--scroll' : ''}`
    : `check-list__options${layout === 'columns' ? ' check-list__options--columns' : ''}`;
  return (
    // Focusable, so an issue summary can bring a group with nothing to tick into view.
    <fieldset
      className={`check-list check-list--${framed ? 'framed' : 'open'}`}
      data-field={name}
      tabIndex={-1}
      aria-describedby={describedBy}
      aria-invalid={issue ? true : undefined}
    >
      <legend className="check-list__legend">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.length === 0 ? (
        <div className="check-list__empty">{empty}</div>
      ) : (
        <ul className={listClass}>
          {options.map((o) => (
            <li key={o.value}>
              <label className="checks__item">
                <input
                  type="checkbox"
                  name={name}
                  value={o.value}
                  checked={value.includes(o.value)}
                  onChange={(e) => toggle(o.value, e.target.checked)}
                />
                <span>
                  <span className="check-list__label">{o.label}</span>
                  {o.detail ? (
                    <span className="check-list__detail">
                      {framed ? ' · ' : null}
                      {o.detail}
                    </span>
                  ) : null}
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
