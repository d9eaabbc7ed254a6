import type { ReactNode } from 'react';
import { FieldFrame } from './field-frame.tsx';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface SelectFieldProps<V extends string> {
  label: string;
  name: string;
  value: V;
  options: readonly SelectOption<V>[];
  /** Options under headings, after the plain ones: a journey's steps by stage. */
  groups?: readonly { key: string; label: string; options: readonly SelectOption<V>[] }[];
  onChange: (value: V) => void;
  disabled?: boolean;
  issue?: string | undefined;
  hint?: ReactNode;
}

/** A labelled select with its hint and its issue; the options fix the values it can take. */
export function SelectField<V extends string>({
  label,
  name,
  value,
  options,
  groups = [],
  onChange,
  disabled,
  issue,
  hint,
}: SelectFieldProps<V>) {
  return (
    <FieldFrame label={label} hint={hint} issue={issue}>
      {(control) => (
        <select
          {...control}
          name={name}
          value={value}
          disabled={disabled}
          // The options are exactly the values V, so what the select reports is one of them.
          onChange={(e) => onChange(e.target.value as V)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {groups.map((g) => (
            <optgroup key={g.key} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
