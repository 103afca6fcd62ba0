/**
 * <mashup-dating-floor> — the main view on a running session's floor
 * (`dating:<id>`, rule S2): in the breaks, while sitting a round out, for
 * whoever joined after a round was paired (they are in the next one, rule
 * S3), and for whoever nobody was free for. It says which of these it is, counts down to the next round ("Nächste
 * Runde in mm:ss"), shows the next round's partner card once that round is
 * paired for one, the hosts' pictures (the floor is a stage) and the
 * options (topics, "Nächste Runde aussetzen").
 *
 * Properties: `sd` (the running SpeedDating). Session from context; its room
 * timer re-renders this at every switch.
 */
import { localized, msg, str } from '@lit/localize';
import type { SpeedDating } from '@mashup/shared';
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { datingSituation, nextRound, partnerCards, sitsOut, whyUnpaired } from '../../state/speed-dating.js';
import { isHost } from '../../state/selectors.js';
import { baseStyles } from '../../styles/shared.js';
import { kickerStyles } from '../../styles/stage.js';
import '../media/media-grid.js';
import './dating-countdown.js';
import './dating-options.js';
import './partner-card.js';
import { datingStyles } from './dating-styles.js';

@customElement('mashup-dating-floor')
@localized()
export class DatingFloor extends LitElement {
  static override styles = [baseStyles, kickerStyles, datingStyles];

  @property({ attribute: false }) sd: SpeedDating | null = null;
  readonly #live = new SessionController(this);

  override render() {
    const view = this.#live.view;
    const session = this.#live.session;
    const sd = this.sd;
    if (!view || !session || !sd) return nothing;
    const self = view.self.participantId;
    const now = session.clock.serverNow();
    const s = datingSituation(sd, self, now);
    const host = isHost(view);
    const next = nextRound(sd, now);
    const nextOut = next !== null && sitsOut(sd, self, next);
    const cards = next !== null && !nextOut ? partnerCards(view, sd, next, self) : [];
    let state: string;
    let title: string;
    let text: string;
    if (s.kind === 'break') {
      state = 'break';
      title = msg(str`Pause nach Runde ${s.round + 1} von ${sd.rounds}`, { id: 'speedDating.breakTitle' });
      text = msg('Die Paare wechseln. Gleich geht es weiter.', { id: 'speedDating.breakText' });
    } else if (s.kind === 'waiting' && s.sittingOut) {
      state = 'sittingOut';
      title = msg(str`Sie setzen Runde ${s.round + 1} aus`, { id: 'speedDating.sittingOutTitle' });
      text = msg('Sie warten hier, bis die nächste Runde beginnt.', { id: 'speedDating.sittingOutText' });
    } else if (host) {
      state = 'host';
      const n = (s.kind === 'waiting' ? s.round : 0) + 1;
      title = msg(str`Runde ${n} von ${sd.rounds} läuft`, { id: 'speedDating.hostFloorTitle' });
      text = msg('Als Moderation sind Sie in keinem Paar. Was Sie hier sagen, hören alle, die gerade warten.', { id: 'speedDating.hostFloorText' });
    } else {
      // Joined after this round was fixed, or nobody else was there to pair with (rule S3).
      const nobodyFree = s.kind === 'waiting' && whyUnpaired(sd, self, s.round) === 'nobodyFree';
      state = nobodyFree ? 'unpaired' : 'waiting';
      if (next === null) {
        title = msg('Die letzte Runde läuft', { id: 'speedDating.lastRoundTitle' });
        text = nobodyFree
          ? msg('In dieser Runde war niemand für Sie frei. Danach endet das Speed-Dating.', { id: 'speedDating.nobodyFreeLast' })
          : msg('Diese Runde ist schon eingeteilt. Danach endet das Speed-Dating.', { id: 'speedDating.waitingLast' });
      } else {
        title = msg('Gleich sind Sie dabei', { id: 'speedDating.waitingTitle' });
        text = nobodyFree
          ? msg('In dieser Runde war niemand für Sie frei. Sie kommen in der nächsten Runde dazu.', { id: 'speedDating.nobodyFree' })
          : msg('Diese Runde ist schon eingeteilt. Sie kommen in der nächsten Runde dazu.', { id: 'speedDating.waitingText' });
      }
    }
    // "auch" only while sitting out the round that runs now; otherwise the options' own line
    // ("Sie setzen Runde 3 aus.") says it, and once is enough.
    const alsoOut = nextOut && s.kind === 'waiting' && s.sittingOut;
    return html`<section class="card" aria-labelledby="floor-title" data-testid="dating-floor" data-state=${state}>
      <p class="kicker">${msg('Speed-Dating', { id: 'speedDating.kicker' })} · ${sd.title}</p>
      <h2 id="floor-title">${title}</h2>
      <p class="lead">${text}</p>
      <mashup-dating-countdown .sd=${sd} .participantId=${self} .clock=${session.clock}></mashup-dating-countdown>
      <mashup-partner-card .cards=${cards} .heading=${msg('In der nächsten Runde sprechen Sie mit', { id: 'speedDating.nextPartner' })}></mashup-partner-card>
      ${alsoOut && next !== null ? html`<p class="muted">${msg(str`Sie setzen auch Runde ${next + 1} aus.`, { id: 'speedDating.nextOut' })}</p>` : nothing}
      <mashup-media-grid mode="stage"></mashup-media-grid>
      <mashup-dating-options .sd=${sd}></mashup-dating-options>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-dating-floor': DatingFloor;
  }
}
