/**
 * What every set-up dialog shares (a workshop round, a lobby, a Pecha Kucha
 * block, a speed-dating session), as a reactive controller; the host element
 * keeps its own form.
 *
 * - A fresh draft each time the dialog opens: what was typed and cancelled
 *   last time, and the last error, do not come back.
 * - The modal <dialog> in step with the host's `open` (syncDialog): focus
 *   stays inside, Escape cancels.
 * - Saving: check the draft; if it has problems, say so in the error line and
 *   move focus to the first field marked invalid, so a keyboard or
 *   screen-reader user lands where the fix is. Otherwise send it once (a second
 *   press while it is on its way does nothing), show the server's refusal, or
 *   close.
 * - After it has closed (saved, cancelled or Escape), the host's close event.
 */
import { msg } from '@lit/localize';
import type { Ack } from '@mashup/shared';
import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { errorMessage } from '../i18n/error-messages.js';
import { icon } from '../icons.js';
import { syncDialog } from './dialog-sync.js';

export type DraftCheck<P, I> = { ok: true; input: I } | { ok: false; problems: P[] };

export interface DraftDialogOptions<D, P, I> {
  /** The draft to start from each time the dialog opens. */
  fresh(): D;
  check(draft: D): DraftCheck<P, I>;
  /** What the error line says when the draft has these problems. */
  problemsMessage(problems: readonly P[]): string;
  /** Sends the checked input; a refusal is shown, success closes the dialog. */
  send(input: I): Promise<Ack<unknown>>;
  /** Dispatched (bubbling, composed) once the dialog has closed. */
  closeEvent: string;
  /** For what else the host starts afresh on opening (its live region). */
  onOpen?(): void;
}

/** The test ids of the error line and the two buttons at the foot of a form. */
export interface DraftDialogFooterIds {
  error: string;
  cancel: string;
  save: string;
}

type DialogHost = LitElement & { open: boolean };

export class DraftDialog<D, P, I> implements ReactiveController {
  readonly #host: DialogHost;
  readonly #options: DraftDialogOptions<D, P, I>;
  #draft: D | null = null;
  #problems: P[] = [];
  #error = '';
  #busy = false;
  #wasOpen = false;
  /** Counts openings: a reply that arrives after the dialog was closed and opened again belongs to the old draft. */
  #opening = 0;

  constructor(host: DialogHost, options: DraftDialogOptions<D, P, I>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The form's state: null until the dialog first opens, fresh on every opening. Changed through `set`, so every change renders. */
  get draft(): D | null {
    return this.#draft;
  }

  get problems(): readonly P[] {
    return this.#problems;
  }

  /** What the error line says ('' for nothing). */
  get error(): string {
    return this.#error;
  }

  /** A save is on its way. */
  get busy(): boolean {
    return this.#busy;
  }

  hostUpdate(): void {
    // A controller does not see which properties changed, so it keeps the last `open` itself;
    // here, before rendering, the form of the update that opens the dialog renders the fresh draft.
    if (this.#host.open && !this.#wasOpen) {
      this.#opening += 1;
      this.#draft = this.#options.fresh();
      this.#problems = [];
      this.#error = '';
      this.#busy = false;
      this.#options.onOpen?.();
    }
    this.#wasOpen = this.#host.open;
  }

  hostUpdated(): void {
    syncDialog(this.#dialog, this.#host.open);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  has(problem: P): boolean {
    return this.#problems.includes(problem);
  }

  /** Changes the draft (a field was edited). */
  set(patch: Partial<D>): void {
    if (!this.#draft) return;
    this.#draft = { ...this.#draft, ...patch };
    this.#host.requestUpdate();
  }

  close(): void {
    this.#dialog?.close();
  }

  /** The <dialog> with the form while it is open; `labelledBy`: the id of the form's heading. */
  render(ids: { labelledBy: string; testId: string }, form: (draft: D) => TemplateResult): TemplateResult {
    return html`<dialog aria-labelledby=${ids.labelledBy} data-testid=${ids.testId} @close=${this.#closed}>
      ${this.#host.open && this.#draft ? form(this.#draft) : nothing}
    </dialog>`;
  }

  /** The error line, "Abbrechen" and the save button (labelled `saveLabel`), at the foot of the form. */
  footer(ids: DraftDialogFooterIds, saveLabel: string): TemplateResult {
    return html`${this.#error ? html`<p class="error" role="alert" data-testid=${ids.error}>${icon('alert')}${this.#error}</p>` : nothing}
      <div class="buttons">
        <button class="btn" type="button" data-testid=${ids.cancel} @click=${() => this.close()}>${msg('Abbrechen', { id: 'common.cancel' })}</button>
        <button class="btn primary" type="submit" data-testid=${ids.save} aria-disabled=${this.#busy ? 'true' : 'false'}>${icon('check')}${saveLabel}</button>
      </div>`;
  }

  /** The form's submit handler. */
  readonly save = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!this.#draft || this.#busy) return;
    const checked = this.#options.check(this.#draft);
    if (!checked.ok) {
      this.#problems = checked.problems;
      this.#error = this.#options.problemsMessage(checked.problems);
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      this.#host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.#problems = [];
    this.#error = '';
    this.#busy = true;
    this.#host.requestUpdate();
    const opening = this.#opening;
    const reply = await this.#options.send(checked.input);
    // Cancelled meanwhile and opened again: that is a new draft, which this reply neither closes nor marks.
    if (opening !== this.#opening) return;
    this.#busy = false;
    if (!reply.ok) this.#error = errorMessage(reply.error);
    this.#host.requestUpdate();
    if (reply.ok) this.close();
  };

  readonly #closed = (): void => {
    this.#host.dispatchEvent(new CustomEvent(this.#options.closeEvent, { bubbles: true, composed: true }));
  };
}
