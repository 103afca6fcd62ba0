/**
 * <mashup-lang-toggle> — switches the interface between Deutsch and English
 * and remembers the choice on this device. The button names the language it
 * switches to, in that language.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AppController } from '../../context.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';

@customElement('mashup-lang-toggle')
@localized()
export class LangToggle extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
      }
    `,
  ];

  readonly #app = new AppController(this);

  override render() {
    const next = this.#app.services.i18n.locale === 'de' ? 'en' : 'de';
    return html`<button
      class="btn quiet small"
      type="button"
      data-testid="lang-toggle"
      lang=${next}
      title=${msg('Sprache wechseln', { id: 'lang.switch' })}
      @click=${() => this.#app.services.i18n.choose(next)}
    >
      ${icon('globe')}<span>${next === 'en' ? 'English' : 'Deutsch'}</span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-lang-toggle': LangToggle;
  }
}
