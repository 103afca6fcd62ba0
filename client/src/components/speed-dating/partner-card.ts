/**
 * <mashup-partner-card> — whom one talks to in a speed-dating round: name,
 * municipality and the topics they chose, the topics one shares marked in
 * words ("gemeinsam"), not by colour alone. One card per partner (two in the
 * trio), under one heading ("Ihr Gegenüber", "In der nächsten Runde"). A
 * partner whose connection is gone keeps the card, with "… ist nicht mehr
 * verbunden" in words (a status line, so it is heard when it happens). With
 * no cards it renders nothing: the view around it says why.
 *
 * Properties: `cards` (PartnerCard[]), `heading`.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { icon } from '../../icons.js';
import type { PartnerCard } from '../../state/speed-dating.js';
import { baseStyles } from '../../styles/shared.js';

@customElement('mashup-partner-card')
@localized()
export class PartnerCardElement extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        display: flex;
        align-items: center;
        gap: var(--mu-space-2);
        font-size: 1.05rem;
        margin-bottom: var(--mu-space-2);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 240px), 1fr));
        gap: var(--mu-space-3);
      }
      li {
        display: grid;
        gap: var(--mu-space-1);
        padding: var(--mu-space-3) var(--mu-space-4);
        border: 2px solid var(--mu-primary);
        border-radius: var(--mu-radius);
        background: var(--mu-surface);
      }
      .name {
        font-size: 1.25rem;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .org {
        color: var(--mu-text-muted);
        font-weight: 600;
      }
      .topics {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-1);
        margin-top: var(--mu-space-1);
      }
      .gone {
        display: flex;
        align-items: center;
        gap: var(--mu-space-1);
        color: var(--mu-warning);
        font-weight: 700;
      }
      .badge.shared {
        background: var(--mu-success-soft);
        color: var(--mu-success);
        border: 1px solid var(--mu-success);
      }
    `,
  ];

  @property({ attribute: false }) cards: PartnerCard[] = [];
  @property() heading = '';

  override render() {
    if (this.cards.length === 0) return nothing;
    return html`<h3>${icon('people')}${this.heading}</h3>
      <ul aria-label=${this.heading}>
        ${repeat(
          this.cards,
          (c) => c.participantId,
          (c) => html`<li data-testid="partner-card" data-participant-id=${c.participantId} data-connected=${c.connected ? 'true' : 'false'}>
            <span class="name" data-testid="partner-name">${c.name}</span>
            <span class="org" data-testid="partner-org">${c.org || msg('Kommune nicht angegeben', { id: 'speedDating.noOrg' })}</span>
            <span class="gone" role="status" data-testid="partner-disconnected">${c.connected ? nothing : this.#gone(c.name)}</span>
            ${c.topics.length > 0
              ? html`<span class="visually-hidden">${msg('Themen:', { id: 'speedDating.topicsLabel' })}</span>
                  <span class="topics" data-testid="partner-topics">
                    ${c.topics.map((t) =>
                      c.shared.includes(t)
                        ? html`<span class="badge shared">${msg(str`${t} (gemeinsam)`, { id: 'speedDating.sharedTopic' })}</span>`
                        : html`<span class="badge">${t}</span>`,
                    )}
                  </span>`
              : nothing}
          </li>`,
        )}
      </ul>`;
  }

  #gone(name: string) {
    return html`${icon('alert')}${msg(str`${name} ist nicht mehr verbunden.`, { id: 'speedDating.partnerDisconnected' })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-partner-card': PartnerCardElement;
  }
}
