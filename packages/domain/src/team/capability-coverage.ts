import { CAPABILITIES, type Capability } from './team.schema.ts';

/** The capabilities a team lacks; PRODUCT.md: a team missing one is flagged. */
export function missingCapabilities(has: readonly Capability[]): Capability[] {
  const present = new Set(has);
  return CAPABILITIES.filter((c) => !present.has(c));
}
