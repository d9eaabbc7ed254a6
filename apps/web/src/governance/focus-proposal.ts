/** How long to wait for a moved proposal to appear after a refetch, in animation frames. */
const MAX_FRAMES = 120;

/**
 * Moves focus to a proposal's heading once it shows in its new state. An action moves a
 * proposal to another group, so React renders it afresh after the list refetches; waiting for
 * the element in the new state keeps focus from landing on the copy about to disappear.
 */
export function focusProposal(id: string, state: string, frame = 0): void {
  const heading = document.querySelector<HTMLElement>(`[data-proposal-id="${id}"][data-state="${state}"] .proposal__title`);
  if (heading) {
    heading.focus();
    return;
  }
  if (frame < MAX_FRAMES) requestAnimationFrame(() => focusProposal(id, state, frame + 1));
}
