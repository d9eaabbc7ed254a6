export interface SourceLatest {
  source: string;
  latestAt: Date;
}

/** Sources that have sent nothing for longer than `maxAgeHours` as of `now`, stalest first. */
export function staleSources(sources: readonly SourceLatest[], now: Date, maxAgeHours: number) {
  return sources
    .map((s) => ({ ...s, ageHours: Math.round(((now.getTime() - s.latestAt.getTime()) / 36e5) * 10) / 10 }))
    .filter((s) => s.ageHours > maxAgeHours)
    .sort((a, b) => b.ageHours - a.ageHours);
}
