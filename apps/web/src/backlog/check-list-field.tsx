import { useId, type ReactNode } from 'react';

export interface CheckOption {
  value: string;
  label: string;
  /** A second line: a failure point's annual cost, an outcome's target… */
  detail?: ReactNode;
}

interface CheckListFieldProps {
  legend: string;
  /** The field's path, so the gate's and the API's issues can find and focus it. */
  name: string;
  options: readonly CheckOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  hint?: ReactNode;
  issue?: string | undefined;
  /** Shown instead of the boxes when there is nothing to choose from. */
  empty: ReactNode;
  columns?: boolean;
}

/** A group of checkboxes for a list of ids, with its legend, hint and issue read together. */
export function CheckListField({ legend, name, options, value, onChange, hint, issue, empty, columns = false }: CheckListFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, issue ? `${id}-issue` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (optionValue: string, checked: boolean) =>
    onChange(checked ? [...value, optionValue] : value.filter((v) => v !== optionValue));
  return (
    // Focusable, so an issue summary can bring a group with nothing to tick into view.
    <fieldset
      className={`checks case-checks${issue ? ' case-checks--invalid' : ''}`}
      data-field={name}
      tabIndex={-1}
      aria-describedby={describedBy}
      aria-invalid={issue ? true : undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.length === 0 ? (
        <div className="case-checks__empty">{empty}</div>
      ) : (
        <ul className={`case-checks__options${columns ? ' case-checks__options--columns' : ''}`}>
          {options.map((o) => (
            <li key={o.value}>
              <label className="checks__item">
                <input type="checkbox" name={name} value={o.value} checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
                <span>
                  <span className="case-checks__label">{o.label}</span>
                  {o.detail ? <span className="case-checks__detail">{o.detail}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {issue ? (
        <p id={`${id}-issue`} className="field__issue">
          {issue}
        </p>
      ) : null}
    </fieldset>
  );
}
