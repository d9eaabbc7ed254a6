import { useId } from 'react';
import './filter-bar.css';

interface FilterSelectProps {
  label: string;
  /** The select's name, e.g. the address parameter it sets. */
  name?: string;
  value: string;
  /** The first option's wording, meaning no filter: "All journeys". */
  any: string;
  /** Undefined while they load: the select then offers only `any`. */
  options: readonly { value: string; label: string }[] | undefined;
  onChange: (value: string) => void;
}

/** One filter of a list: a labelled select whose empty value means "any". */
export function FilterSelect({ label, name, value, any, options, onChange }: FilterSelectProps) {
  const id = useId();
  return (
    <div className="filter-bar__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} className="inline-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
