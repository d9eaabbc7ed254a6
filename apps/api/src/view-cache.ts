/**
 * Views built from stored results, kept against a fingerprint of what they read: a key names
 * the organisation, the view, its input, the day and that fingerprint, so a changed result,
 * definition, zone or date is a different key and a stale view is never served, on one
 * process or many (each asks the database for the fingerprint on every call). Fifty people
 * opening the same dashboard share one build; a build in progress is shared too, so a burst
 * after a run builds once. Bounded: the least recently used views go first.
 */
export class ViewCache {
  readonly #views = new Map<string, Promise<unknown>>();

  constructor(private readonly capacity = 500) {}

  get size(): number {
    return this.#views.size;
  }

  view<T>(key: string, build: () => Promise<T>): Promise<T> {
    const kept = this.#views.get(key) as Promise<T> | undefined;
    if (kept) {
      // Most recently used last, so eviction takes the oldest first.
      this.#views.delete(key);
      this.#views.set(key, kept);
      return kept;
    }
    const building = build();
    this.#views.set(key, building);
    // A failed build is not kept: the next call tries again.
    building.catch(() => {
      if (this.#views.get(key) === building) this.#views.delete(key);
    });
    for (const oldest of this.#views.keys()) {
      if (this.#views.size <= this.capacity) break;
      this.#views.delete(oldest);
    }
    return building;
  }
}
