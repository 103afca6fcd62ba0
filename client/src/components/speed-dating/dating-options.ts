/**
 * <mashup-dating-options> — what a participant decides about a speed-dating
 * session before and while it runs: the topics they want to talk about (when
 * the hosts offer some; saved at once, rule S5) and "Nächste Runde aussetzen"
 * with its undo, for the first round that has not begun (rule S4). The round
 * can begin while the click travels: the server then refuses
 * (`speeddating.round_begun`) and the refusal is shown in plain words.
 * Hosts run the session and are not paired: they see neither.
 *
 * Properties: `sd` (SpeedDating). Session from context; it re-renders this
 * at every round switch (the session's room timer).
 */
import { localized, msg, str } from '@lit/localize';
import type { SpeedDating } from '@mashup/shared';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { chosenTopics, sittableRound, sitsOut } from '../../state/speed-dating.js';
import { isHost } from '../../state/selectors.js';
import { baseStyles } from '../../styles/shared.js';
import { runRequest } from '../run-request.js';

@customElement('mashup-dating-options')
@localized()
export class DatingOptions extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        gap: var(--mu-space-3);
      }
      fieldset {
        margin: 0;
        padding: var(--mu-space-3) var(--mu-space-4);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
      }
      legend {
        font-weight: 700;
        padding: 0 var(--mu-space-1);
      }
      .topics {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2) var(--mu-space-4);
        margin-top: var(--mu-space-2);
      }
      .check {
        display: inline-flex;
        align-items: center;
        gap: var(--mu-space-2);
        min-height: var(--mu-target);
        margin: 0;
        font-weight: 400;
        cursor: pointer;
      }
      .check input {
        width: 20px;
        height: 20px;
        min-height: 0;
        margin: 0;
        flex: none;
      }
      .sit {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mu-space-2) var(--mu-space-3);
      }
      .out {
        font-weight: 700;
        color: var(--mu-warning);
      }
      .ok-text {
        color: var(--mu-success);
        font-weight: 600;
      }
      .ok-text:empty {
        display: none;
      }
    `,
  ];

  @property({ attribute: false }) sd: SpeedDating | null = null;
  @state() busy = false;
  @state() error = '';
  @state() done = '';
  /** Topics sent and not yet back in a patch: the boxes show them, so a re-render meanwhile does not undo a click. */
  @state() private pendingTopics: string[] | null = null;
  readonly #live = new SessionController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new copy of the session from the server: what it stores is what the boxes show again.
    if (changed.has('sd')) this.pendingTopics = null;
  }

  override render() {
    const view = this.#live.view;
    const session = this.#live.session;
    const sd = this.sd;
    if (!view || !session || !sd || isHost(view)) return nothing;
    const self = view.self.participantId;
    const next = sittableRound(sd, session.clock.serverNow());
    return html`${sd.topics.length > 0 ? this.#topics(sd, this.pendingTopics ?? chosenTopics(sd, self)) : nothing}
      ${next !== null ? this.#sitOut(sd, next, sitsOut(sd, self, next)) : nothing}
      <p class="ok-text" role="status" data-testid="dating-options-status">${this.done}</p>
      ${this.error ? html`<p class="error" role="alert" data-testid="dating-options-error">${icon('alert')}${this.error}</p>` : nothing}`;
  }

  #topics(sd: SpeedDating, mine: string[]) {
    return html`<fieldset data-testid="dating-topics">
      <legend>${msg('Ihre Themen', { id: 'speedDating.topics' })}</legend>
      <p class="hint" id="dating-topics-hint">
        ${sd.rules.matchByTopics
          ? msg('Wählen Sie, worüber Sie sprechen möchten. Personen mit gemeinsamen Themen kommen bevorzugt zusammen. Alle Teilnehmenden können Ihre gewählten Themen sehen.', {
              id: 'speedDating.topicsHintMatch',
            })
          : msg('Wählen Sie, worüber Sie sprechen möchten. Alle Teilnehmenden können Ihre gewählten Themen sehen; Ihr Gegenüber sieht sie auf der Karte.', {
              id: 'speedDating.topicsHint',
            })}
      </p>
      <div class="topics">
        ${sd.topics.map(
          (t, i) => html`<label class="check" for="topic-${i}">
            <input id="topic-${i}" type="checkbox" data-testid="dating-topic" data-topic=${t} aria-describedby="dating-topics-hint"
              .checked=${live(mine.includes(t))} @change=${(e: Event) => this.#toggleTopic(sd, mine, t, (e.target as HTMLInputElement).checked)} />
            <span>${t}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #sitOut(sd: SpeedDating, next: number, out: boolean) {
    const n = next + 1;
    return html`<div class="sit">
      <button class="btn" type="button" aria-pressed=${out ? 'true' : 'false'} aria-disabled=${this.busy ? 'true' : 'false'} data-testid="dating-sit-out"
        @click=${() => this.#setSitOut(sd, next, !out)}>
        ${icon('pause')}${msg('Nächste Runde aussetzen', { id: 'speedDating.sitOutNext' })}
      </button>
      <span class=${out ? 'out' : 'muted'} data-testid="dating-sit-out-state">
        ${out
          ? msg(str`Sie setzen Runde ${n} aus.`, { id: 'speedDating.sitOutDone' })
          : msg(str`Sie nehmen an Runde ${n} teil.`, { id: 'speedDating.takingPart' })}
      </span>
    </div>`;
  }

  async #toggleTopic(sd: SpeedDating, mine: string[], topic: string, on: boolean): Promise<void> {
    const session = this.#live.session;
    if (!session) return;
    // In the session's order, so what others see does not depend on the order of clicks.
    const topics = sd.topics.filter((t) => (t === topic ? on : mine.includes(t)));
    this.pendingTopics = topics;
    const ok = await runRequest(this, () => session.chooseSpeedDatingTopics(sd.id, topics), msg('Themen gespeichert.', { id: 'speedDating.topicsSaved' }));
    // Refused: the boxes go back to what is stored (`live` compares with the element, not the last render).
    if (!ok) this.pendingTopics = null;
  }

  async #setSitOut(sd: SpeedDating, round: number, out: boolean): Promise<void> {
    const session = this.#live.session;
    if (!session || this.busy) return;
    const n = round + 1;
    await runRequest(
      this,
      () => session.sitOutSpeedDating(sd.id, round, out),
      out
        ? msg(str`Sie setzen Runde ${n} aus.`, { id: 'speedDating.sitOutDone' })
        : msg(str`Sie sind in Runde ${n} wieder dabei.`, { id: 'speedDating.sitInDone' }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-dating-options': DatingOptions;
  }
}
