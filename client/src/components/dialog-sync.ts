/**
 * Keeps a native <dialog> in step with the element's state: open it as a modal
 * when the state says so, close it when not. showModal() gives the focus trap,
 * Escape and the inert background that a hand-made overlay would have to rebuild.
 */
export function syncDialog(dialog: HTMLDialogElement | null | undefined, shouldBeOpen: boolean): void {
  if (!dialog) return;
  if (shouldBeOpen && !dialog.open) dialog.showModal();
  if (!shouldBeOpen && dialog.open) dialog.close();
}
