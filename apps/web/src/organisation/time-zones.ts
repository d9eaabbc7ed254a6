/**
 * The IANA zones this browser knows, UTC first, for choosing where an organisation's days end.
 * Some browsers leave "UTC" itself out of Intl.supportedValuesOf; the current zone is kept even
 * if the browser does not list it.
 */
export function timeZoneOptions(current: string, supported: readonly string[] = Intl.supportedValuesOf('timeZone')): string[] {
  const zones = new Set(['UTC', ...supported]);
  zones.add(current);
  return ['UTC', ...[...zones].filter((z) => z !== 'UTC').sort((a, b) => a.localeCompare(b))];
}
