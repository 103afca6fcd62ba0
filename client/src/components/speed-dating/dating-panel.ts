/**
 * <mashup-dating-panel> — a speed-dating session in the plenary before its
 * first round: what it is (rounds, length, break, the rules in words), the
 * countdown once a host started it (the lead before round 1), and the
 * participant's options (topics, sitting round 1 out). From round 1 on
 * everyone is in a pair or on the session's floor (rule S2) and these views
 * take over.
 *
 * Properties: `sd` (a prepared SpeedDating or one in its lead). Session from context.
 */
import { localized, msg, str } from '@lit/localize';
import { speedDatingPhase, type SpeedDating } from '@mashup/shared';
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { isHost } from '../../state/selectors.js';
import { baseStyles } from '../../styles/shared.js';
import { kickerStyles } from '../../styles/stage.js';
import './dating-countdown.js';
import './dating-options.js';
import { datingStyles } from './dating-styles.js';
import { durationText } from './dating-words.js';

@customElement('mashup-dating-panel')
@localized()
export class DatingPanel extends LitElement {
  static override styles = [baseStyles, kickerStyles, datingStyles];

  @property({ attribute: false }) sd: SpeedDating | null = null;
  readonly #live = new SessionController(this);

  override render() {
    const view = this.#live.view;
    const session = this.#live.session;
    const sd = this.sd;
    if (!view || !session || !sd) return nothing;
    const phase = speedDatingPhase(sd, session.clock.serverNow());
    if (phase.kind !== 'prepared' && phase.kind !== 'lead') return nothing;
    const rounds = sd.rounds;
    const length = durationText(sd.roundMs);
    return html`<section class="card" aria-labelledby="dating-panel-title" data-testid="dating-panel" data-state=${phase.kind}>
      <p class="kicker">${msg('Speed-Dating', { id: 'speedDating.kicker' })}</p>
      <h2 id="dating-panel-title">${sd.title}</h2>
      <p>
        ${sd.breakMs > 0
          ? msg(str`${rounds} Runden zu je ${length}, dazwischen ${durationText(sd.breakMs)} Pause.`, { id: 'speedDating.scheduleBreak' })
          : msg(str`${rounds} Runden zu je ${length}.`, { id: 'speedDating.schedule' })}
        ${sd.rules.differentMunicipality
          ? msg('Sie sprechen jeweils mit einer Person aus einer anderen Kommune, mit niemandem zweimal.', { id: 'speedDating.rulesOther' })
          : msg('Sie sprechen jeweils mit einer anderen Person, mit niemandem zweimal.', { id: 'speedDating.rulesAny' })}
      </p>
      ${phase.kind === 'lead'
        ? html`<mashup-dating-countdown .sd=${sd} .participantId=${view.self.participantId} .clock=${session.clock}></mashup-dating-countdown>`
        : html`<p class="muted">
            ${isHost(view)
              ? msg('Sie starten das Speed-Dating im Bereich der Moderation.', { id: 'speedDating.hostStartsHere' })
              : msg('Die Moderation startet das Speed-Dating. Danach wechseln alle Paare gleichzeitig.', { id: 'speedDating.waitForStart' })}
          </p>`}
      <mashup-dating-options .sd=${sd}></mashup-dating-options>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-dating-panel': DatingPanel;
  }
}
