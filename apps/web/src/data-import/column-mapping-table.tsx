import type { CsvRecord } from './csv-records.ts';
import { assignField, namesJourneyOrStep, unmappedColumns, type ColumnMapping, type FieldSource } from './column-mapping.ts';
import { fieldsFor, type ImportKind, type TargetField } from './import-fields.ts';

interface ColumnMappingTableProps {
  kind: ImportKind;
  header: readonly string[];
  /** The first data row, to show what each chosen column holds. */
  sample: CsvRecord | undefined;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  disabled: boolean;
}

// A select's value names its source: "c:3" is the fourth column, "f:nps" one value for every row.
function encode(source: FieldSource): string {
  if (!source) return '';
  return 'column' in source ? `c:${source.column}` : `f:${source.fixed}`;
}

function decode(value: string): FieldSource {
  if (value.startsWith('c:')) return { column: Number(value.slice(2)) };
  if (value.startsWith('f:')) return { fixed: value.slice(2) };
  return null;
}

function columnName(header: readonly string[], column: number): string {
  return header[column] || `Column ${column + 1}`;
}

/** Step two: which column feeds each field, proposed from the header and corrected here. */
export function ColumnMappingTable({ kind, header, sample, mapping, onChange, disabled }: ColumnMappingTableProps) {
  const unmapped = unmappedColumns(mapping, header.length);
  return (
    <section className="panel import-step" aria-labelledby="import-columns-heading">
      <h2 id="import-columns-heading" className="panel__title">
        2. Columns
      </h2>
      <p className="import-step__lead">
        Proposed from the column names; check each one. Fields marked required must have a column or a value.
      </p>
      <div className="table-wrap">
        <table className="table import-mapping">
          <caption className="visually-hidden">Which column of the file feeds each field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Column in the file</th>
              <th scope="col">First row holds</th>
            </tr>
          </thead>
          <tbody>
            {fieldsFor(kind).map((field) => (
              <MappingRow
                key={field.key}
                field={field}
                header={header}
                sample={sample}
                mapping={mapping}
                onChange={onChange}
                disabled={disabled}
              />
            ))}
          </tbody>
        </table>
      </div>
      {namesJourneyOrStep(mapping) ? null : (
        <p className="notice import-journey-warning" role="status">
          <strong>No column says which journey or step each row belongs to.</strong> These rows will count only towards organisation-wide
          KPIs; no journey or step KPI will include them. If the file has one, choose its column for <em>Journey</em> (a journey’s name or
          id) or <em>Step</em> (a step id) above.
        </p>
      )}
      {kind === 'operational' && unmapped.length > 0 ? (
        <fieldset className="checks import-attributes" disabled={disabled}>
          <legend>Send the other columns as attributes</legend>
          {unmapped.map((column) => (
            <label key={column} className="checks__item">
              <input
                type="checkbox"
                checked={mapping.attributeColumns.includes(column)}
                onChange={(e) =>
                  onChange({
                    ...mapping,
                    attributeColumns: e.target.checked
                      ? [...mapping.attributeColumns, column].sort((a, b) => a - b)
                      : mapping.attributeColumns.filter((c) => c !== column),
                  })
                }
              />
              <span>
                {columnName(header, column)} <span className="checks__hint">e.g. {sample?.cells[column] || 'empty'}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}

interface MappingRowProps extends Omit<ColumnMappingTableProps, 'kind'> {
  field: TargetField;
}

function MappingRow({ field, header, sample, mapping, onChange, disabled }: MappingRowProps) {
  const source = mapping.fields[field.key] ?? null;
  const shown = source ? ('column' in source ? sample?.cells[source.column] : source.fixed) : undefined;
  const hintId = `import-field-${field.key}-hint`;
  return (
    <tr>
      <th scope="row">
        <span className="import-mapping__field">
          {field.label}
          {field.required ? <span className="tag import-mapping__required">required</span> : null}
        </span>
        <span id={hintId} className="import-mapping__hint">
          {field.hint}
        </span>
      </th>
      <td>
        <select
          className="inline-select import-mapping__select"
          aria-label={`Column for ${field.label}`}
          aria-describedby={hintId}
          aria-invalid={field.required && !source ? true : undefined}
          value={encode(source)}
          disabled={disabled}
          onChange={(e) => onChange(assignField(mapping, field.key, decode(e.target.value)))}
        >
          <option value="">{field.required ? '— Choose a column —' : '— Not in this file —'}</option>
          {field.fixedOptions ? (
            <optgroup label="The same for every row">
              {field.fixedOptions.map((value) => (
                <option key={value} value={`f:${value}`}>
                  Every row: {value}
                </option>
              ))}
            </optgroup>
          ) : null}
          <optgroup label="Columns">
            {header.map((name, column) => (
              <option key={column} value={`c:${column}`}>
                {name || `Column ${column + 1}`}
              </option>
            ))}
          </optgroup>
        </select>
      </td>
      <td className="import-mapping__sample">
        {shown === undefined ? <span className="muted">—</span> : shown || <span className="muted">empty</span>}
      </td>
    </tr>
  );
}
