/**
 * The order of `ids` after moving `id` to `toIndex` (clamped to the list). Pure, so the web
 * app can show a move before the server confirms it, and the server applies the same rule.
 */
export function moveInList<T>(items: readonly T[], item: T, toIndex: number): T[] {
  const rest = items.filter((x) => x !== item);
  const at = Math.max(0, Math.min(toIndex, rest.length));
  return [...rest.slice(0, at), item, ...rest.slice(at)];
}

/** The stage lists after moving a step into `toStage` at `toIndex` (same stage or another). */
export function moveAcross<T>(lists: ReadonlyMap<string, readonly T[]>, item: T, toStage: string, toIndex: number): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const [stage, items] of lists)
    out.set(
      stage,
      items.filter((x) => x !== item),
    );
  out.set(toStage, moveInList(out.get(toStage) ?? [], item, toIndex));
  return out;
}
