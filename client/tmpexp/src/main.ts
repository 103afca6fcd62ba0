import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
@customElement('x-a')
export class XA extends LitElement {
  @property() name = 'hi';
  @state() private count = 0;
  override render() { return html`${this.name}${this.count}`; }
}
