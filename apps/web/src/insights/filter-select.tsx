import './filter-bar.css';

interface FilterSelectProps {
  label: string;
  value: string;
  /** The first option's wording, meaning no filter: "All journeys". */
  any: string;
  /** Undefined while they load: the select then offers only `any`. */
  options: readonly { value: string; label: string }[] | undefined;
  onChange: (value: string) => void;
}

/** One filter of a list: a labelled select whose empty value means "any". */
export function FilterSelect({ label, value, any, options, onChange }: FilterSelectProps) {
  return (
    <label className="filter-bar__field">
      <span>{label}</span>
      <select className="inline-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
