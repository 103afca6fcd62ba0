/**
 * <mashup-copy-field> — a read-only value (a link) with a copy button and a
 * spoken confirmation.
 *
 * Properties: `label`, `value`, `description`, `inputTestid`, `buttonTestid`.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';

const FEEDBACK_MS = 3_000;

@customElement('mashup-copy-field')
@localized()
export class CopyField extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        gap: var(--mu-space-2);
      }
      input {
        flex: 1;
        font-family: var(--mu-font-mono);
        font-size: 0.9rem;
      }
      .status {
        min-height: 1.5em;
        font-size: 0.875rem;
        color: var(--mu-success);
        font-weight: 600;
      }
    `,
  ];

  @property() label = '';
  @property() value = '';
  @property() description = '';
  @property() inputTestid = '';
  @property() buttonTestid = '';
  @state() private status = '';
  @query('input') private input!: HTMLInputElement;
  #clearTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    clearTimeout(this.#clearTimer);
    super.disconnectedCallback();
  }

  override render() {
    return html`
      <label for="value">${this.label}</label>
      ${this.description ? html`<p class="hint" id="desc">${this.description}</p>` : ''}
      <div class="row">
        <input
          id="value"
          readonly
          .value=${this.value}
          data-testid=${this.inputTestid}
          aria-describedby=${this.description ? 'desc' : ''}
          @focus=${() => this.input.select()}
        />
        <button class="btn" type="button" data-testid=${this.buttonTestid} @click=${this.#copy}>
          ${icon('copy')}${msg('Kopieren', { id: 'copy.button' })}
        </button>
      </div>
      <p class="status" role="status">${this.status}</p>
    `;
  }

  async #copy(): Promise<void> {
    let copied = false;
    try {
      await navigator.clipboard.writeText(this.value);
      copied = true;
    } catch {
      // Clipboard API missing or denied (http, locked-down browsers): select the
      // text so Ctrl+C works, and say so.
      this.input.focus();
      this.input.select();
    }
    this.status = copied
      ? msg('Kopiert.', { id: 'copy.done' })
      : msg('Der Link ist markiert – kopieren Sie ihn mit Strg+C.', { id: 'copy.manual' });
    clearTimeout(this.#clearTimer);
    this.#clearTimer = setTimeout(() => (this.status = ''), FEEDBACK_MS);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-copy-field': CopyField;
  }
}
