/**
 * <mashup-results-wall> — the plenary's wall of workshop results: one card
 * per workshop, grouped by round (the live round and those that took place,
 * newest first), entries in the three sections with pinned ones first. The
 * board a host puts in the spotlight (`snapshot.spotlight`) is shown large
 * above the wall for everyone; hosts get "Hervorheben" / "Nicht mehr
 * hervorheben" on every card (`results:spotlight`). Once a round is over,
 * hosts and each workshop's moderator edit, remove and pin that card's
 * entries right here (rule B6), with the room board's <mashup-result-item>.
 *
 * Renders nothing before the first round has opened. Session from context.
 */
import { localized, msg, str } from '@lit/localize';
import { RESULT_SECTIONS, type ResultsBoard, type Round, type Workshop } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { canEditOnWall, sectionItems, wallGroups } from '../../state/breakouts.js';
import { isHost } from '../../state/selectors.js';
import { baseStyles } from '../../styles/shared.js';
import { tileStyles } from '../../styles/stage.js';
import { sectionTitle } from './results-board.js';
import './result-item.js';

@customElement('mashup-results-wall')
@localized()
export class ResultsWall extends LitElement {
  static override styles = [
    baseStyles,
    tileStyles,
    css`
      .wall {
        display: grid;
        gap: var(--mu-space-5);
      }
      h3 {
        font-size: 1.1rem;
        margin-bottom: var(--mu-space-3);
      }
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
        gap: var(--mu-space-3);
      }
      article.lit {
        border: 3px solid var(--mu-primary);
      }
      .spotlight article {
        font-size: 1.15rem;
        box-shadow: var(--mu-shadow);
      }
      h4 {
        font-size: 1.05rem;
        margin: 0;
        overflow-wrap: anywhere;
      }
      h5 {
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--mu-text-muted);
        margin: var(--mu-space-2) 0 0;
      }
      ul {
        margin: 0;
        padding-left: 1.2em;
      }
      li {
        overflow-wrap: anywhere;
      }
      /* Editable entries are boxes with their own buttons: no bullets. */
      ul.editable {
        list-style: none;
        padding: 0;
        display: grid;
        gap: var(--mu-space-2);
      }
      .text {
        white-space: pre-line;
      }
      .empty {
        color: var(--mu-text-muted);
        font-size: 0.875rem;
      }
    `,
  ];

  @state() private error = '';
  readonly #live = new SessionController(this);

  override render() {
    const view = this.#live.view;
    const session = this.#live.session;
    if (!view || !session) return nothing;
    const now = session.clock.serverNow();
    const groups = wallGroups(view, now);
    if (groups.length === 0) return nothing;
    const host = isHost(view);
    const spot = view.spotlight;
    const lit = spot ? groups.find((g) => g.round.id === spot.roundId)?.cards.find((c) => c.workshop.id === spot.workshopId) : undefined;
    const litRound = spot ? groups.find((g) => g.round.id === spot.roundId)?.round : undefined;
    return html`<section class="wall card" aria-labelledby="wall-title" data-testid="results-wall">
      <h2 id="wall-title">${icon('check')}${msg('Ergebnisse der Workshops', { id: 'results.wall.title' })}</h2>
      ${lit && litRound
        ? html`<div class="spotlight" data-testid="results-spotlight" aria-live="polite">
            <h3>${msg('Im Fokus', { id: 'results.wall.spotlight' })}</h3>
            ${this.#card(litRound, lit.workshop, lit.board, host, true, false)}
          </div>`
        : html`<div aria-live="polite"></div>`}
      ${groups.map(
        (g) => html`<div>
          <h3>${g.live ? msg(str`${g.round.title} (läuft)`, { id: 'results.wall.live' }) : g.round.title}</h3>
          <div class="cards">${g.cards.map((c) => this.#card(g.round, c.workshop, c.board, host, false, canEditOnWall(view, g.round, c.workshop, now)))}</div>
        </div>`,
      )}
      ${this.error ? html`<p class="error" role="alert">${icon('alert')}${this.error}</p>` : nothing}
    </section>`;
  }

  /** `editable`: entries with edit, remove and pin; never in the spotlight, which shows the same card again (one editor per entry). */
  #card(round: Round, w: Workshop, board: ResultsBoard | null, host: boolean, inSpotlight: boolean, editable: boolean) {
    const spot = this.#live.view?.spotlight;
    const isLit = spot?.roundId === round.id && spot.workshopId === w.id;
    const count = board?.items.length ?? 0;
    const ref = { roundId: round.id, workshopId: w.id };
    return html`<article
      class="tile ${isLit && !inSpotlight ? 'lit' : ''}"
      aria-label=${w.title}
      data-testid=${inSpotlight ? 'results-spotlight-card' : 'results-card'}
      data-round-id=${round.id}
      data-workshop-id=${w.id}
    >
      <h4>${w.title}</h4>
      ${count === 0 ? html`<p class="empty">${msg('Noch keine Ergebnisse', { id: 'results.wall.empty' })}</p>` : nothing}
      ${RESULT_SECTIONS.map((section) => {
        const items = sectionItems(board, section);
        if (items.length === 0) return nothing;
        if (editable) {
          // Keyed by id, so an open editor stays with its entry when pinning reorders the list.
          return html`<h5>${sectionTitle(section)}</h5>
            <ul class="editable">
              ${repeat(
                items,
                (i) => i.id,
                (i) => html`<li data-testid="results-card-item" data-pinned=${i.pinned ? 'true' : 'false'}>
                  <mashup-result-item .item=${i} .board=${ref} canEdit canPin></mashup-result-item>
                </li>`,
              )}
            </ul>`;
        }
        return html`<h5>${sectionTitle(section)}</h5>
          <ul>
            ${items.map(
              (i) => html`<li data-testid="results-card-item" data-pinned=${i.pinned ? 'true' : 'false'}>
${i.pinned ? html`<span class="badge">${msg('Angeheftet', { id: 'results.pinned' })}</span> ` : nothing}<span class="text">${i.text}</span></li>`,
            )}
          </ul>`;
      })}
      ${host && !inSpotlight
        ? html`<button
            class="btn small"
            type="button"
            data-testid="results-spotlight-toggle"
            @click=${() => this.#toggle(isLit ? null : { roundId: round.id, workshopId: w.id })}
          >
            ${isLit ? msg('Nicht mehr hervorheben', { id: 'results.unspotlight' }) : msg('Hervorheben', { id: 'results.spotlight' })}
          </button>`
        : nothing}
    </article>`;
  }

  async #toggle(board: { roundId: string; workshopId: string } | null): Promise<void> {
    const session = this.#live.session;
    if (!session) return;
    this.error = '';
    const reply = await session.spotlightResults(board);
    if (!reply.ok) this.error = errorMessage(reply.error);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-results-wall': ResultsWall;
  }
}
