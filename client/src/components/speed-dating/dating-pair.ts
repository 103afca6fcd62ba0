/**
 * <mashup-dating-pair> — the main view while one is in a speed-dating pair
 * (`roomOf(self)` is `pair:<id>:<round>:<group>`, rule S2): the round
 * ("Runde 2 von 5"), the large countdown with its 30-second warning, the
 * partner card (name, municipality, chosen topics; two cards in the trio),
 * the round's conversation starter, the pair's video grid (everyone here
 * sends, like a table) and "Nächste Runde aussetzen". The chat in the side
 * panel is the pair's own. A partner who lost the connection keeps the card
 * ("… ist nicht mehr verbunden"); when every partner has left the event, it
 * says so and when the next round begins (or, in the last round, when the
 * session ends) instead of an empty space.
 *
 * Properties: `sd` (the running SpeedDating), `round` (0-based). Session from context.
 */
import { localized, msg, str } from '@lit/localize';
import { formatRemaining, partnersIn, starterOf, type SpeedDating } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SessionController, TickController } from '../../context.js';
import { icon } from '../../icons.js';
import { partnerCards, partnersGone } from '../../state/speed-dating.js';
import { baseStyles } from '../../styles/shared.js';
import { kickerStyles } from '../../styles/stage.js';
import '../media/media-grid.js';
import './dating-countdown.js';
import './dating-options.js';
import './partner-card.js';
import { datingStyles } from './dating-styles.js';

@customElement('mashup-dating-pair')
@localized()
export class DatingPair extends LitElement {
  static override styles = [baseStyles, kickerStyles, datingStyles];

  @property({ attribute: false }) sd: SpeedDating | null = null;
  @property({ type: Number }) round = 0;
  readonly #live = new SessionController(this);
  /** Whether the "nobody left" line with its mm:ss is shown: only then does this view tick (the countdown ticks itself). */
  #alone = false;

  constructor() {
    super();
    new TickController(this, 1_000, () => this.#alone);
  }

  override render() {
    const view = this.#live.view;
    const session = this.#live.session;
    const sd = this.sd;
    this.#alone = false;
    if (!view || !session || !sd) return nothing;
    const self = view.self.participantId;
    const now = session.clock.serverNow();
    const cards = partnerCards(view, sd, this.round, self);
    const gone = partnersGone(view, sd, this.round, self, now);
    this.#alone = gone !== null;
    const starter = starterOf(sd, this.round);
    const n = this.round + 1;
    return html`<section class="card" aria-labelledby="pair-title" data-testid="dating-pair" data-round=${n}>
      <p class="kicker">${msg('Speed-Dating', { id: 'speedDating.kicker' })} · ${sd.title}</p>
      <h2 id="pair-title" data-testid="dating-round">${msg(str`Runde ${n} von ${sd.rounds}`, { id: 'speedDating.roundOf' })}</h2>
      <div class="about">
        <mashup-dating-countdown .sd=${sd} .participantId=${self} .clock=${session.clock}></mashup-dating-countdown>
        ${gone
          ? html`<p class="lead" data-testid="dating-partner-gone">${this.#goneText(gone.target, formatRemaining(gone.at - now))}</p>`
          : html`<mashup-partner-card
              .cards=${cards}
              .heading=${partnersIn(sd, this.round, self).length > 1 ? msg('Ihre Runde zu dritt', { id: 'speedDating.trio' }) : msg('Ihr Gegenüber', { id: 'speedDating.partner' })}
            ></mashup-partner-card>`}
        ${starter
          ? html`<div class="starter" data-testid="dating-starter">
              <h3>${icon('chat')}${msg('Gesprächsimpuls', { id: 'speedDating.starter' })}</h3>
              <p>${starter}</p>
            </div>`
          : nothing}
      </div>
      <mashup-media-grid mode="room"></mashup-media-grid>
      <mashup-dating-options .sd=${sd}></mashup-dating-options>
    </section>`;
  }

  #goneText(target: 'nextRound' | 'end', left: string): string {
    return target === 'nextRound'
      ? msg(str`Ihr Gegenüber ist nicht mehr da. Die nächste Runde beginnt in ${left}.`, { id: 'speedDating.partnerGoneNext' })
      : msg(str`Ihr Gegenüber ist nicht mehr da. Das Speed-Dating endet in ${left}.`, { id: 'speedDating.partnerGoneEnd' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-dating-pair': DatingPair;
  }
}
