import { isUuid, type Parsed } from './cell-parsers.ts';

export interface JourneyRef {
  id: string;
  name: string;
}

/** The organisation's journeys, found by id or by name (ignoring case and surrounding spaces). */
export interface JourneyIndex {
  byId: ReadonlyMap<string, string>;
  byName: ReadonlyMap<string, readonly string[]>;
}

export function indexJourneys(journeys: readonly JourneyRef[]): JourneyIndex {
  const byId = new Map(journeys.map((j) => [j.id.toLowerCase(), j.name]));
  const byName = new Map<string, string[]>();
  for (const j of journeys) {
    const key = j.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), j.id]);
  }
  return { byId, byName };
}

/**
 * A journey cell, as a name or an id, to the journey's id. Checked here rather than left to
 * the server, which would refuse the whole batch for one unknown journey.
 */
export function resolveJourney(index: JourneyIndex, text: string): Parsed<string> {
  if (isUuid(text)) {
    const id = text.toLowerCase();
    return index.byId.has(id) ? { ok: true, value: id } : { ok: false, issue: `is not a journey of this organisation (“${text}”)` };
  }
  const ids = index.byName.get(text.trim().toLowerCase()) ?? [];
  if (ids.length === 1) return { ok: true, value: ids[0]! };
  if (ids.length > 1) return { ok: false, issue: `“${text}” names ${ids.length} journeys; use the journey’s id instead` };
  return { ok: false, issue: `names no journey of this organisation (“${text}”)` };
}
