/**
 * Keeps keyboard focus among a host's controls when the focused button is
 * replaced by the command it ran: "Öffnen" becomes "+5 Minuten … Schließen"
 * once the round is open, "Starten" becomes "Beenden". Without it focus falls
 * to the page and a keyboard user starts again from the top (WCAG 2.4.3).
 *
 * Only a button that the host's own update removed counts, so focus the person
 * moved elsewhere is left alone. Focus goes to the first button of the
 * `.buttons` group in the same scope: the element marked
 * `data-focus-scope="<key>"` around the removed button (one per item of a
 * list), else the whole component.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export class FocusKeeper implements ReactiveController {
  readonly #host: Host;
  /** The focused button before an update, and the scope it was in. */
  #before: { button: HTMLButtonElement; scope: string | null } | null = null;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdate(): void {
    const active = this.#host.shadowRoot?.activeElement;
    this.#before =
      active instanceof HTMLButtonElement ? { button: active, scope: active.closest('[data-focus-scope]')?.getAttribute('data-focus-scope') ?? null } : null;
  }

  hostUpdated(): void {
    const before = this.#before;
    this.#before = null;
    const root = this.#host.shadowRoot;
    if (!before || before.button.isConnected || !root) return;
    const scope = before.scope === null ? root : [...root.querySelectorAll('[data-focus-scope]')].find((el) => el.getAttribute('data-focus-scope') === before.scope);
    scope?.querySelector<HTMLElement>('.buttons button')?.focus();
  }
}
