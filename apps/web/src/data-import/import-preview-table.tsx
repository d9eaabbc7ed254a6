import { issueText } from '../common/field-issues.ts';
import type { CsvRecord } from './csv-records.ts';
import { fieldLabel, fieldsFor, type CellKind } from './import-fields.ts';
import type { JourneyIndex } from './journey-index.ts';
import { buildRow, type CellIssue, type ImportPlan } from './row-builder.ts';

interface ImportPreviewTableProps {
  plan: ImportPlan;
  records: readonly CsvRecord[];
}

function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  // Attributes read as "region: North · vip: true"; their types show in the values themselves.
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(' · ');
  // What is left is a scalar a CSV cell gives: a string, a number or a boolean.
  return `${value as string | number | boolean}`;
}

interface CellProps {
  text: string;
  issues: CellIssue[];
  journeys: JourneyIndex;
  kind: CellKind | 'attributes';
}

function Cell({ text, issues, journeys, kind }: CellProps) {
  const name = kind === 'journey' && issues.length === 0 ? journeys.byId.get(text) : undefined;
  return (
    <td className={`import-preview__cell--${kind}${issues.length > 0 ? ' import-preview__bad' : ''}`}>
      {/* The journey id is what is sent; its name is what people recognise, with the id one hover away. */}
      <span className="import-preview__value" title={name ? text : undefined}>
        {name ?? (text || <span className="muted">—</span>)}
      </span>
      {issues.map((issue, i) => (
        <span key={i} className="import-preview__issue">
          <span className="visually-hidden">Problem: </span>
          {issue.message}
        </span>
      ))}
    </td>
  );
}

/** Step three: the first rows exactly as they will be sent, each faulty cell marked with why. */
export function ImportPreviewTable({ plan, records }: ImportPreviewTableProps) {
  const fields = fieldsFor(plan.kind).filter((f) => plan.mapping.fields[f.key]);
  const withAttributes = plan.kind === 'operational' && plan.mapping.attributeColumns.length > 0;
  const rows = records.map((record) => ({ record, built: buildRow(plan, record.cells) }));
  const bad = rows.filter((r) => r.built.issues.length > 0 || r.record.problem).length;

  return (
    <section className="panel import-step" aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading" className="panel__title">
        3. Preview
      </h2>
      <p className="import-step__lead">
        The first {rows.length} rows as they will be sent.{' '}
        {bad > 0 ? (
          <strong className="import-preview__summary">
            {bad === 1 ? '1 of them has a problem' : `${bad} of them have problems`}: see the marked cells.
          </strong>
        ) : (
          'No problems in these rows.'
        )}
      </p>
      <div className="table-wrap import-preview">
        <table className="table">
          <caption className="visually-hidden">The first rows of the file, mapped to fields</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              {fields.map((f) => (
                <th key={f.key} scope="col">
                  {f.label}
                </th>
              ))}
              {withAttributes ? <th scope="col">Attributes</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ record, built }) => {
              const rowIssues = [
                ...(record.problem ? [{ field: 'row', message: record.problem }] : []),
                ...built.issues.filter((i) => i.field === 'row'),
              ];
              const issuesOf = (key: string) => built.issues.filter((i) => i.field === key || i.field.startsWith(`${key}.`));
              return (
                <tr key={record.line} className={built.issues.length > 0 ? 'import-preview__row--bad' : undefined}>
                  <th scope="row" className={rowIssues.length > 0 ? 'import-preview__bad' : undefined}>
                    {record.line}
                    {rowIssues.map((issue, i) => (
                      <span key={i} className="import-preview__issue">
                        {issueText(fieldLabel(plan.kind, 'row'), issue.message)}
                      </span>
                    ))}
                  </th>
                  {fields.map((f) => (
                    <Cell key={f.key} text={display(built.values[f.key])} issues={issuesOf(f.key)} journeys={plan.journeys} kind={f.cell} />
                  ))}
                  {withAttributes ? (
                    <Cell
                      text={display(built.values.attributes)}
                      issues={issuesOf('attributes')}
                      journeys={plan.journeys}
                      kind="attributes"
                    />
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
