import { fieldsFor, type ImportKind } from './import-fields.ts';

/** Where a field's value comes from: a column (by position, as headers may repeat), or one value for every row. */
export type FieldSource = { column: number } | { fixed: string } | null;

export interface ColumnMapping {
  fields: Record<string, FieldSource>;
  /** Columns sent as attributes of operational events, keyed by their header. */
  attributeColumns: number[];
}

/** "Response ID", "response_id" and "responseId" compare equal. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** "NPS Score" and "npsScore" → ["nps", "score"]: for spotting an instrument named in a header. */
function words(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** How well a header fits a field: an exact alias beats a contained one, and earlier aliases beat later ones. */
function fit(header: string, candidates: readonly string[]): number {
  const name = normalizeName(header);
  let best = 0;
  candidates.forEach((candidate, i) => {
    if (name === candidate) best = Math.max(best, 200 - i);
    // Containment only for longer names, so "id" does not claim "customer_id".
    else if (candidate.length >= 5 && name.includes(candidate)) best = Math.max(best, 100 - i);
  });
  return best;
}

/**
 * A first guess at the mapping, from header names alone. Each column serves one field at
 * most; the closest fits are settled first. The person checks and corrects it before anything
 * is read further.
 */
export function proposeMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const fields = fieldsFor(kind);
  const fits = fields.flatMap((field) => {
    const candidates = [normalizeName(field.key), ...field.aliases.map(normalizeName)];
    return headers.map((header, column) => ({ key: field.key, column, score: fit(header, candidates) })).filter((f) => f.score > 0);
  });
  fits.sort((a, b) => b.score - a.score || a.column - b.column);

  const mapping: Record<string, FieldSource> = Object.fromEntries(fields.map((f) => [f.key, null]));
  const taken = new Set<number>();
  for (const { key, column } of fits) {
    if (mapping[key] || taken.has(column)) continue;
    mapping[key] = { column };
    taken.add(column);
  }
  if (kind === 'survey' && !mapping.instrument) {
    // NPS-only exports rarely carry an instrument column, but their score header names it.
    const named = headers.flatMap(words).find((w) => w === 'nps' || w === 'csat' || w === 'ces');
    if (named) mapping.instrument = { fixed: named };
  }
  const attributeColumns = kind === 'operational' ? headers.map((_, i) => i).filter((i) => !taken.has(i)) : [];
  return { fields: mapping, attributeColumns };
}

/** Required fields that have no source yet: the import cannot start while any remain. */
export function missingRequired(kind: ImportKind, mapping: ColumnMapping): string[] {
  return fieldsFor(kind)
    .filter((f) => f.required && !mapping.fields[f.key])
    .map((f) => f.label);
}

/**
 * Whether the rows will say which journey or step they belong to. Without either they count only
 * towards organisation-wide KPIs: every journey and step KPI leaves them out.
 */
export function namesJourneyOrStep(mapping: ColumnMapping): boolean {
  return !!mapping.fields.journeyId || !!mapping.fields.stepId;
}

/** A column given to a field stops being an attribute, so no value is sent twice. */
export function assignField(mapping: ColumnMapping, key: string, source: FieldSource): ColumnMapping {
  const column = source && 'column' in source ? source.column : null;
  return {
    fields: { ...mapping.fields, [key]: source },
    attributeColumns: mapping.attributeColumns.filter((c) => c !== column),
  };
}

/** Columns mapped to no field, which operational events may carry as attributes. */
export function unmappedColumns(mapping: ColumnMapping, headerCount: number): number[] {
  const used = new Set(Object.values(mapping.fields).flatMap((s) => (s && 'column' in s ? [s.column] : [])));
  return Array.from({ length: headerCount }, (_, i) => i).filter((i) => !used.has(i));
}
