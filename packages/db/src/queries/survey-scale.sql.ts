import { sql, type RawBuilder } from 'kysely';
import { DEFAULT_SURVEY_SCALE } from '@throughline/domain';

/**
 * `AND` the answers given on a scale running to `max`. An answer that states no scale was given on
 * its instrument's usual one. Written as `scale IS NULL OR scale = n` (never `coalesce(scale, …)`):
 * ANALYZE's null fraction then estimates it, where an expression gets a 0.5% guess that turns the
 * joins behind it into nested loops.
 */
export function onSurveyScale(instrument: 'nps' | 'csat' | 'ces', max: number): RawBuilder<unknown> {
  return max === DEFAULT_SURVEY_SCALE[instrument].max
    ? sql`AND (scale IS NULL OR scale = ${sql.lit(max)})`
    : sql`AND scale = ${sql.lit(max)}`;
}
