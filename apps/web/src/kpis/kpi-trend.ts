/** One point of a series as the trend sentence needs it: a period label and a formatted value. */
interface TrendPoint {
  label: string;
  value: number;
}

/**
 * A chart's trend in one sentence, for its accessible name: where it started and ended, and
 * its lowest and highest points. Screen-reader users get the shape; the table has the rest.
 */
export function describeTrend(points: readonly TrendPoint[], format: (value: number) => string): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'No values yet.';
  if (points.length === 1) return `One value so far: ${format(first.value)} in ${first.label}.`;
  let low = first;
  let high = first;
  for (const p of points) {
    if (p.value < low.value) low = p;
    if (p.value > high.value) high = p;
  }
  const move = last.value > first.value ? 'rising' : last.value < first.value ? 'falling' : 'level';
  return (
    `${points.length} values, ${move} from ${format(first.value)} in ${first.label} to ${format(last.value)} in ${last.label}; ` +
    `lowest ${format(low.value)} in ${low.label}, highest ${format(high.value)} in ${high.label}.`
  );
}
