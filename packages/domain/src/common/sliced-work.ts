/**
 * Long pure work written as a generator that yields between slices of it, so the caller decides
 * what happens in between: a server lets its other requests run (see the database package's
 * refit), a test or a script runs it straight through. The result is the same either way.
 */
export type SlicedWork<T> = Generator<void, T, void>;

/** Runs sliced work straight through, without pausing. */
export function runAtOnce<T>(work: SlicedWork<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
