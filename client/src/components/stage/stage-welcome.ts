/**
 * <mashup-stage-welcome> — the plenary's main view until stage video and
 * slides arrive: welcome, the event's title and description, and how many
 * people are here right now.
 *
 * Properties: `event` (EventInfo), `connected` (number of connected participants).
 */
import { localized, msg } from '@lit/localize';
import type { EventInfo } from '@mashup/shared';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';
import { kickerStyles } from '../../styles/stage.js';

@customElement('mashup-stage-welcome')
@localized()
export class StageWelcome extends LitElement {
  static override styles = [
    baseStyles,
    kickerStyles,
    css`
      :host {
        display: block;
      }
      .stage {
        display: grid;
        gap: var(--mu-space-3);
        align-content: center;
        min-height: 240px;
        padding: clamp(16px, 4vw, 40px);
        border-radius: calc(var(--mu-radius) * 1.5);
        background: var(--mu-surface);
        border: 1px solid var(--mu-border-soft);
        box-shadow: var(--mu-shadow);
      }
      h2 {
        font-size: clamp(1.5rem, 3vw, 2.25rem);
      }
      .description {
        white-space: pre-line;
        max-width: 70ch;
        overflow-wrap: anywhere;
      }
      .presence {
        display: inline-flex;
        align-items: center;
        gap: var(--mu-space-2);
        font-weight: 600;
        color: var(--mu-success);
      }
      .presence svg {
        width: 20px;
        height: 20px;
      }
      .count {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) event!: EventInfo;
  @property({ type: Number }) connected = 0;

  override render() {
    return html`<section class="stage" aria-labelledby="stage-title" data-testid="stage">
      <p class="kicker">${msg('Willkommen im Plenum', { id: 'stage.welcome' })}</p>
      <h2 id="stage-title">${this.event.title}</h2>
      ${this.event.description ? html`<p class="description" data-testid="event-description">${this.event.description}</p>` : ''}
      <p class="presence">
        ${icon('people')}
        <span
          ><span class="count" data-testid="presence-count">${this.connected}</span>
          ${this.connected === 1
            ? msg('Person online', { id: 'stage.presence.one' })
            : msg('Teilnehmende online', { id: 'stage.presence.many' })}</span
        >
      </p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-stage-welcome': StageWelcome;
  }
}
