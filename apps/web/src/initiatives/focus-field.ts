/** How long to wait for a field to appear (the editor opening), in animation frames. */
const MAX_FRAMES = 60;

/**
 * Brings a case field into view and focuses it: its control by name, or for a group of
 * checkboxes with none to tick, the group itself.
 */
export function focusField(path: string, frame = 0): void {
  const form = document.querySelector('form.case-editor');
  const target =
    form?.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`) ??
    form?.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
  if (target) {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    target.focus({ preventScroll: true });
    return;
  }
  if (frame < MAX_FRAMES) requestAnimationFrame(() => focusField(path, frame + 1));
}

/** Focuses an element by id once it is in the page (after a refetch re-renders it). */
export function focusById(id: string, frame = 0): void {
  const element = document.getElementById(id);
  if (element) {
    element.focus();
    return;
  }
  if (frame < MAX_FRAMES) requestAnimationFrame(() => focusById(id, frame + 1));
}
