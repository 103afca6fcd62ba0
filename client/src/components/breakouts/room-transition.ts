/**
 * <mashup-room-transition> — a short screen over the main view when one's
 * room changes, naming the destination ("Sie wechseln in den Workshopraum
 * X", "Ihr Tisch: Tisch 3", "Sie sind in der Lobby „Social Eating“",
 * "Speed-Dating: Ihr Gespräch mit Ada", "Zurück ins Plenum"), so a move
 * is seen while it happens and the view is never blank (shared/UI.md). It
 * says the same to screen readers. With prefers-reduced-motion it appears
 * and goes without a fade.
 *
 * Properties: `roomId` (the current room), `destination` (its name, shown
 * for a workshop, a table or a lobby's floor; a pair's partners; why one is
 * on a speed-dating floor; the plenary has its own words). The first value set is where one arrived, not a move: no screen for it.
 */
import { localized, msg, str } from '@lit/localize';
import { PLENARY_ROOM, isDatingFloorRoom, isLobbyRoom, isPairRoom, isTableRoom } from '@mashup/shared';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../../styles/shared.js';

/** Long enough to read a short title, short enough not to hold anyone up. */
export const TRANSITION_MS = 1_800;

@customElement('mashup-room-transition')
@localized()
export class RoomTransition extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: absolute;
        inset: 0;
        pointer-events: none;
        z-index: 3;
      }
      .screen {
        position: absolute;
        inset: 0;
        display: grid;
        place-content: center;
        gap: var(--mu-space-2);
        text-align: center;
        padding: var(--mu-space-5);
        background: var(--mu-bg);
        animation: fade ${TRANSITION_MS}ms ease-in-out both;
      }
      .where {
        font-size: 1.75rem;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      @keyframes fade {
        0% {
          opacity: 0;
        }
        15%,
        80% {
          opacity: 1;
        }
        100% {
          opacity: 0;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .screen {
          animation: none;
        }
      }
    `,
  ];

  @property() roomId = '';
  @property() destination = '';
  @state() private showing = false;
  #arrived = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('roomId') || !this.roomId) return;
    if (!this.#arrived) {
      this.#arrived = true;
      return;
    }
    this.showing = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.showing = false), TRANSITION_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.showing = false;
  }

  override render() {
    const text =
      this.roomId === PLENARY_ROOM
        ? msg('Zurück ins Plenum', { id: 'breakout.transition.plenary' })
        : isTableRoom(this.roomId)
          ? msg(str`Ihr Tisch: ${this.destination}`, { id: 'lobby.transition.table' })
          : isLobbyRoom(this.roomId)
            ? msg(str`Sie sind in der Lobby „${this.destination}“`, { id: 'lobby.transition.floor' })
            : isPairRoom(this.roomId)
              ? msg(str`Speed-Dating: Ihr Gespräch mit ${this.destination}`, { id: 'speedDating.transitionPair' })
              : isDatingFloorRoom(this.roomId)
                ? msg(str`Speed-Dating: ${this.destination}`, { id: 'speedDating.transitionFloor' })
                : msg(str`Sie wechseln in den Workshopraum ${this.destination}`, { id: 'breakout.transition.workshop' });
    return html`<div role="status">
      ${this.showing
        ? html`<div class="screen" data-testid="room-transition" data-destination=${this.roomId}>
            <p class="where">${text}</p>
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-room-transition': RoomTransition;
  }
}
