/**
 * The ordered rows of a set-up dialog (the Pecha Kucha talks, a round's
 * workshops): add, remove, move up and down. After each, focus goes where a
 * keyboard user expects it and the dialog's live region says what happened.
 * The dialog keeps its data and its words; this holds what the two share.
 *
 * Rows render as `<li data-key=…>`; the buttons carry the test ids
 * `<testId>-up`, `-down`, `-remove`, and the dialog's add button `<testId>-add`.
 */
import { html, type LitElement } from 'lit';
import { icon } from '../icons.js';
import { moveItem } from '../state/pechakucha.js';

export interface EditableRow {
  readonly key: string;
  readonly title: string;
}

/** One row's button texts, localized by the dialog (`upFor` etc. name the row). */
export interface RowButtonWords {
  up: string;
  down: string;
  remove: string;
  upFor: string;
  downFor: string;
  removeFor: string;
}

export interface EditableRowsOptions<T extends EditableRow> {
  /** Test id prefix of the row buttons and the add button. */
  testId: string;
  /** Test id of the title input that a new row's focus goes to. */
  titleTestId: string;
  max: number;
  rows(): readonly T[] | undefined;
  setRows(rows: T[]): void;
  create(): T;
  /** What row n (from 1) is called while it has no title. */
  fallbackName(n: number): string;
  removed(name: string): string;
  moved(name: string, place: number): string;
  say(text: string): void;
}

export class EditableRows<T extends EditableRow> {
  readonly #host: LitElement;
  readonly #o: EditableRowsOptions<T>;

  constructor(host: LitElement, options: EditableRowsOptions<T>) {
    this.#host = host;
    this.#o = options;
  }

  /** The up, down and remove buttons of row `i` of `count`. */
  buttons(row: T, i: number, count: number, words: RowButtonWords) {
    const id = this.#o.testId;
    return html`<div class="row-buttons">
      <button class="btn small" type="button" data-testid="${id}-up" aria-disabled=${i === 0 ? 'true' : 'false'}
        aria-label=${words.upFor} @click=${() => this.move(row.key, -1, 'up')}>
        ${words.up}
      </button>
      <button class="btn small" type="button" data-testid="${id}-down" aria-disabled=${i === count - 1 ? 'true' : 'false'}
        aria-label=${words.downFor} @click=${() => this.move(row.key, 1, 'down')}>
        ${words.down}
      </button>
      <button class="btn small" type="button" data-testid="${id}-remove"
        aria-label=${words.removeFor} @click=${() => this.remove(row.key)}>
        ${icon('close')}${words.remove}
      </button>
    </div>`;
  }

  add = async (): Promise<void> => {
    const rows = this.#o.rows();
    if (!rows || rows.length >= this.#o.max) return;
    const row = this.#o.create();
    this.#o.setRows([...rows, row]);
    await this.#host.updateComplete;
    this.#focus(`li[data-key="${row.key}"] [data-testid="${this.#o.titleTestId}"]`);
  };

  async remove(key: string): Promise<void> {
    const all = this.#o.rows();
    if (!all) return;
    const index = all.findIndex((r) => r.key === key);
    const removed = all[index];
    const rows = all.filter((r) => r.key !== key);
    this.#o.setRows(rows);
    this.#o.say(this.#o.removed(removed?.title.trim() || this.#o.fallbackName(index + 1)));
    await this.#host.updateComplete;
    // Focus goes to the row that took its place, or to "add" when the list ended there.
    const next = rows[Math.min(index, rows.length - 1)];
    this.#focus(next ? `li[data-key="${next.key}"] [data-testid="${this.#o.testId}-remove"]` : `[data-testid="${this.#o.testId}-add"]`);
  }

  async move(key: string, delta: number, button: 'up' | 'down'): Promise<void> {
    const all = this.#o.rows();
    if (!all) return;
    const index = all.findIndex((r) => r.key === key);
    const rows = moveItem(all, index, delta);
    const to = rows.findIndex((r) => r.key === key);
    if (to === index) return;
    this.#o.setRows(rows);
    this.#o.say(this.#o.moved(rows[to]!.title.trim() || this.#o.fallbackName(to + 1), to + 1));
    await this.#host.updateComplete;
    // The row moved in the DOM, which drops focus: put it back on the same button.
    this.#focus(`li[data-key="${key}"] [data-testid="${this.#o.testId}-${button}"]`);
  }

  #focus(selector: string): void {
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
