import {
  ALLOWED_SCALE_MAX,
  INSTRUMENT_SCALES,
  ZOperationalEvent,
  ZSurveyResponse,
  type OperationalEvent,
  type SurveyResponse,
} from '@throughline/domain';
import { isUuid, parseAttribute, parseDate, parseInteger, parseNumber, type Parsed } from './cell-parsers.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { fieldsFor, type ImportKind, type TargetField } from './import-fields.ts';
import { resolveJourney, type JourneyIndex } from './journey-index.ts';

/** Everything that decides how one CSV record becomes one API row. */
export interface ImportPlan {
  kind: ImportKind;
  source: string;
  header: readonly string[];
  mapping: ColumnMapping;
  journeys: JourneyIndex;
}

/** What is wrong with one field of one row; `field` is a field key, `attributes.<name>` or `row`. */
export interface CellIssue {
  field: string;
  message: string;
}

export type IngestRow = SurveyResponse | OperationalEvent;

export interface BuiltRow {
  /** The values as they will be sent (dates as ISO text), for the preview; shown even when invalid. */
  values: Record<string, unknown>;
  /** The row the API takes, when nothing is wrong with it. */
  row: IngestRow | null;
  issues: CellIssue[];
}

function parseCell(field: TargetField, text: string, journeys: JourneyIndex): Parsed<unknown> {
  switch (field.cell) {
    case 'text':
      return { ok: true, value: text };
    case 'instrument':
      return { ok: true, value: text.toLowerCase() };
    case 'integer':
      return parseInteger(text);
    case 'number':
      return parseNumber(text);
    case 'date':
      return parseDate(text);
    case 'journey':
      return resolveJourney(journeys, text);
    case 'uuid':
      return isUuid(text) ? { ok: true, value: text.toLowerCase() } : { ok: false, issue: `is not a step id, which is a UUID (“${text}”)` };
  }
}

// zod is the domain package's dependency, not this app's: its issue type is taken from a schema.
type SchemaIssue = NonNullable<ReturnType<typeof ZSurveyResponse.safeParse>['error']>['issues'][number];

/** Zod's wording made to read after a field label, for the checks the cell parsers leave to the schema. */
export function zodIssueText(issue: SchemaIssue): string {
  if (issue.code === 'too_big' && issue.origin === 'string') return `is longer than ${String(issue.maximum)} characters`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'is empty';
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

function attributesOf(plan: ImportPlan, cells: readonly string[]): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {};
  for (const column of plan.mapping.attributeColumns) {
    const text = (cells[column] ?? '').trim();
    // An empty cell is an absent attribute, not an empty string to filter on later.
    if (text !== '') attributes[(plan.header[column] ?? `column ${column + 1}`).trim()] = parseAttribute(text);
  }
  return attributes;
}

/**
 * The instrument's scale, checked here as well as by the schema: the schema skips its scale
 * check when another field is wrong, and a person fixing a line wants every fault at once.
 */
function checkScale(values: Record<string, unknown>, issues: CellIssue[]): void {
  const { instrument, score, scale } = values;
  if (typeof score !== 'number' || typeof instrument !== 'string' || !(instrument in INSTRUMENT_SCALES)) return;
  const key = instrument as keyof typeof INSTRUMENT_SCALES;
  const allowed: readonly number[] = ALLOWED_SCALE_MAX[key];
  // A scale the instrument is never asked on is the scale cell's fault, and the schema says so.
  if (typeof scale === 'number' && !allowed.includes(scale)) return;
  const { min } = INSTRUMENT_SCALES[key];
  const max = typeof scale === 'number' ? scale : INSTRUMENT_SCALES[key].max;
  if (score < min || score > max)
    issues.push({ field: 'score', message: `is outside the ${instrument} scale of ${min}–${max} (${score})` });
}

/** One CSV record mapped, converted and checked against the same schema the API applies. */
export function buildRow(plan: ImportPlan, cells: readonly string[]): BuiltRow {
  const issues: CellIssue[] = [];
  if (cells.length !== plan.header.length) {
    issues.push({
      field: 'row',
      message: `has ${cells.length} values where the header has ${plan.header.length}; check for a stray comma or quote`,
    });
  }
  const values: Record<string, unknown> = { source: plan.source };
  for (const field of fieldsFor(plan.kind)) {
    const from = plan.mapping.fields[field.key];
    const text = (from ? ('column' in from ? (cells[from.column] ?? '') : from.fixed) : '').trim();
    if (text === '') {
      values[field.key] = null;
      if (field.required) issues.push({ field: field.key, message: from ? 'is empty' : 'has no column' });
      continue;
    }
    const parsed = parseCell(field, text, plan.journeys);
    values[field.key] = parsed.ok ? parsed.value : text;
    if (!parsed.ok) issues.push({ field: field.key, message: parsed.issue });
  }
  checkScale(values, issues);
  if (plan.kind === 'operational') values.attributes = attributesOf(plan, cells);

  const schema = plan.kind === 'survey' ? ZSurveyResponse : ZOperationalEvent;
  const result = schema.safeParse(values);
  if (!result.success) {
    const flagged = new Set(issues.map((i) => i.field));
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.') || 'row';
      // A cell that failed to parse already says why; the schema would only add "expected number".
      if (!flagged.has(field.split('.')[0] ?? field)) issues.push({ field, message: zodIssueText(issue) });
    }
  }
  return { values, row: issues.length === 0 && result.success ? result.data : null, issues };
}
