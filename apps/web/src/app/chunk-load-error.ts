/**
 * Whether an error is the browser failing to fetch a page's code (a dynamic import), as after a
 * release replaced the chunks this tab was built against, or when the connection dropped.
 * Browsers word it differently; Vite's own wording is for a chunk's stylesheet.
 */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return [
    /Failed to fetch dynamically imported module/i, // Chromium
    /error loading dynamically imported module/i, // Firefox
    /Importing a module script failed/i, // Safari
    /Unable to preload CSS/i, // Vite
  ].some((pattern) => pattern.test(error.message));
}
