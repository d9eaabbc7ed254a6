/**
 * How often a page showing KPI values asks for them again while it is in view, so an import or
 * a scheduled run shows without a reload or "Recompute now". TanStack Query pauses the interval
 * while the tab is hidden; unchanged answers keep their identity, so nothing re-renders.
 */
export const RESULTS_POLL_MS = 5_000;
