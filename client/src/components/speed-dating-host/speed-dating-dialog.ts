/**
 * <mashup-speed-dating-dialog> — a host creates a speed-dating session or
 * changes one that has not started: title, round length (minutes and
 * seconds), number of rounds, the break between them, the rules (different
 * municipalities; matching by topics), the topics people may choose (e.g.
 * the AEGs) and conversation starters, one per line. Saving sends
 * `speeddating:save`. A modal <dialog>: focus stays inside, Escape cancels.
 *
 * Properties: `open`, `speedDating` (null: a new session).
 * Events: `speed-dating-dialog-close` (after saving or cancelling).
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, plannedDurationMs, type SpeedDating } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import {
  checkSpeedDatingDraft,
  draftFromSpeedDating,
  lines,
  parseMinutesSeconds,
  type SpeedDatingDraft,
  type SpeedDatingDraftProblem,
} from '../../state/speed-dating-draft.js';
import { baseStyles } from '../../styles/shared.js';
import { dialogFormStyles, dialogStyles } from '../../styles/dialog.js';
import { DraftDialog } from '../draft-dialog.js';
import { durationText } from '../speed-dating/dating-words.js';

const ROUND_MAX_MIN = LIMITS.speedDatingRoundMsMax / 60_000;
const ROUND_MIN_S = LIMITS.speedDatingRoundMsMin / 1000;
const BREAK_MAX_S = LIMITS.breakMsMax / 1000;

@customElement('mashup-speed-dating-dialog')
@localized()
export class SpeedDatingDialog extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    dialogFormStyles,
    css`
      dialog {
        width: min(720px, calc(100vw - 16px));
        max-width: calc(100vw - 16px);
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
        gap: var(--mu-space-3);
      }
      .check {
        display: flex;
        align-items: flex-start;
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
        margin: 2px 0 0;
        flex: none;
      }
      .check strong {
        display: block;
      }
      .total {
        font-weight: 600;
      }
    `,
  ];

  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) speedDating: SpeedDating | null = null;
  readonly #live = new SessionController(this);
  readonly #dialog = new DraftDialog(this, {
    fresh: (): SpeedDatingDraft => draftFromSpeedDating(this.speedDating, msg('Speed-Dating', { id: 'speedDating.kicker' })),
    check: checkSpeedDatingDraft,
    problemsMessage: () => msg('Bitte prüfen Sie die markierten Felder.', { id: 'breakoutHost.checkFields' }),
    send: (input) => this.#live.session!.saveSpeedDating(input),
    closeEvent: 'speed-dating-dialog-close',
  });

  override render() {
    return this.#dialog.render({ labelledBy: 'dating-dialog-title', testId: 'dating-dialog' }, (d) => this.#form(d));
  }

  #form(d: SpeedDatingDraft) {
    const has = (p: SpeedDatingDraftProblem) => this.#dialog.has(p);
    const invalid = (p: SpeedDatingDraftProblem) => (has(p) ? 'true' : 'false');
    return html`<form novalidate @submit=${this.#dialog.save}>
      <h2 id="dating-dialog-title">
        ${d.speedDatingId ? msg('Speed-Dating bearbeiten', { id: 'speedDatingHost.editTitle' }) : msg('Neues Speed-Dating', { id: 'speedDatingHost.new' })}
      </h2>
      <div class="field">
        <label for="sd-title">${msg('Titel', { id: 'speedDatingHost.titleLabel' })}</label>
        <input id="sd-title" maxlength=${LIMITS.titleMax} required data-testid="dating-title" aria-invalid=${invalid('title')} aria-describedby="sd-title-error"
          .value=${d.title} @input=${(e: InputEvent) => this.#dialog.set({ title: value(e) })} />
        ${has('title') ? html`<p class="field-error" id="sd-title-error">${msg('Bitte geben Sie einen Titel ein.', { id: 'breakoutHost.titleMissing' })}</p>` : nothing}
      </div>
      <fieldset aria-describedby="sd-total">
        <legend>${msg('Ablauf', { id: 'speedDatingHost.schedule' })}</legend>
        <div class="grid">
          <div class="field">
            <label for="sd-minutes">${msg('Rundenlänge: Minuten', { id: 'speedDatingHost.roundMinutes' })}</label>
            <input id="sd-minutes" type="number" inputmode="numeric" min="0" max=${ROUND_MAX_MIN} step="1" data-testid="dating-round-minutes"
              aria-invalid=${invalid('roundLength')} aria-describedby="sd-length-error" .value=${d.roundMinutes} @input=${(e: InputEvent) => this.#dialog.set({ roundMinutes: value(e) })} />
          </div>
          <div class="field">
            <label for="sd-seconds">${msg('und Sekunden', { id: 'speedDatingHost.roundSeconds' })}</label>
            <input id="sd-seconds" type="number" inputmode="numeric" min="0" max="59" step="1" data-testid="dating-round-seconds"
              aria-invalid=${invalid('roundLength')} aria-describedby="sd-length-error" .value=${d.roundSeconds} @input=${(e: InputEvent) => this.#dialog.set({ roundSeconds: value(e) })} />
          </div>
          <div class="field">
            <label for="sd-rounds">${msg('Anzahl Runden', { id: 'speedDatingHost.rounds' })}</label>
            <input id="sd-rounds" type="number" inputmode="numeric" min="1" max=${LIMITS.speedDatingRoundsMax} step="1" data-testid="dating-rounds"
              aria-invalid=${invalid('rounds')} aria-describedby="sd-rounds-error" .value=${d.rounds} @input=${(e: InputEvent) => this.#dialog.set({ rounds: value(e) })} />
          </div>
          <div class="field">
            <label for="sd-break">${msg('Pause (Sekunden)', { id: 'speedDatingHost.break' })}</label>
            <input id="sd-break" type="number" inputmode="numeric" min="0" max=${BREAK_MAX_S} step="1" data-testid="dating-break"
              aria-invalid=${invalid('break')} aria-describedby="sd-break-error" .value=${d.breakSeconds} @input=${(e: InputEvent) => this.#dialog.set({ breakSeconds: value(e) })} />
          </div>
        </div>
        ${has('roundLength')
          ? html`<p class="field-error" id="sd-length-error">
              ${msg(str`Eine Runde dauert ${ROUND_MIN_S} Sekunden bis ${ROUND_MAX_MIN} Minuten.`, { id: 'speedDatingHost.lengthInvalid' })}
            </p>`
          : nothing}
        ${has('rounds')
          ? html`<p class="field-error" id="sd-rounds-error">${msg(str`Bitte 1 bis ${LIMITS.speedDatingRoundsMax} Runden.`, { id: 'speedDatingHost.roundsInvalid' })}</p>`
          : nothing}
        ${has('break') ? html`<p class="field-error" id="sd-break-error">${msg(str`Bitte 0 bis ${BREAK_MAX_S} Sekunden Pause.`, { id: 'speedDatingHost.breakInvalid' })}</p>` : nothing}
        <p class="hint total" id="sd-total">${this.#total(d)}</p>
      </fieldset>
      <fieldset>
        <legend>${msg('Regeln für die Paare', { id: 'speedDatingHost.rules' })}</legend>
        <p class="hint">${msg('Niemand trifft in einer Veranstaltung dieselbe Person zweimal. Bei ungerader Zahl spricht eine Gruppe zu dritt.', { id: 'speedDatingHost.rulesFixed' })}</p>
        <label class="check">
          <input type="checkbox" data-testid="dating-rule-municipality" .checked=${d.differentMunicipality}
            @change=${(e: Event) => this.#dialog.set({ differentMunicipality: checked(e) })} />
          <span><strong>${msg('Verschiedene Kommunen', { id: 'speedDatingHost.ruleMunicipality' })}</strong>
            ${msg('Paare kommen aus verschiedenen Kommunen, wann immer die Anwesenden das zulassen.', { id: 'speedDatingHost.ruleMunicipalityHint' })}</span>
        </label>
        <label class="check">
          <input type="checkbox" data-testid="dating-rule-topics" .checked=${d.matchByTopics} aria-describedby="sd-topics-rule-error"
            @change=${(e: Event) => this.#dialog.set({ matchByTopics: checked(e) })} />
          <span><strong>${msg('Nach Themen zuordnen', { id: 'speedDatingHost.ruleTopics' })}</strong>
            ${msg('Wer gemeinsame Themen gewählt hat, kommt bevorzugt zusammen.', { id: 'speedDatingHost.ruleTopicsHint' })}</span>
        </label>
        ${has('topicsForMatching')
          ? html`<p class="field-error" id="sd-topics-rule-error">${msg('Für die Zuordnung nach Themen tragen Sie unten mindestens ein Thema ein.', { id: 'speedDatingHost.topicsNeeded' })}</p>`
          : nothing}
      </fieldset>
      <div class="field">
        <label for="sd-topics">${msg('Themen zur Auswahl (eines pro Zeile, optional)', { id: 'speedDatingHost.topics' })}</label>
        <textarea id="sd-topics" rows="4" data-testid="dating-topics-input" aria-invalid=${has('topics') || has('topicsForMatching') ? 'true' : 'false'} aria-describedby="sd-topics-hint sd-topics-error"
          .value=${d.topics} @input=${(e: InputEvent) => this.#dialog.set({ topics: value(e) })}></textarea>
        <p class="hint" id="sd-topics-hint">${msg('Zum Beispiel die AEGs. Teilnehmende wählen daraus; die gewählten Themen sind für alle Teilnehmenden sichtbar.', {
          id: 'speedDatingHost.topicsHint',
        })}</p>
        ${has('topics')
          ? html`<p class="field-error" id="sd-topics-error">
              ${msg(str`Höchstens ${LIMITS.speedDatingTopicsMax} Themen mit je höchstens ${LIMITS.tagMax} Zeichen.`, { id: 'speedDatingHost.topicsInvalid' })}
            </p>`
          : nothing}
      </div>
      <div class="field">
        <label for="sd-starters">${msg('Gesprächsimpulse (einer pro Zeile, optional)', { id: 'speedDatingHost.starters' })}</label>
        <textarea id="sd-starters" rows="3" data-testid="dating-starters-input" aria-invalid=${invalid('starters')} aria-describedby="sd-starters-hint sd-starters-error"
          .value=${d.starters} @input=${(e: InputEvent) => this.#dialog.set({ starters: value(e) })}></textarea>
        <p class="hint" id="sd-starters-hint">${msg('Runde 1 zeigt den ersten, Runde 2 den zweiten und so fort; reichen sie nicht, beginnen sie von vorn.', { id: 'speedDatingHost.startersHint' })}</p>
        ${has('starters')
          ? html`<p class="field-error" id="sd-starters-error">
              ${msg(str`Höchstens ${LIMITS.speedDatingRoundsMax} Impulse mit je höchstens ${LIMITS.speedDatingStarterMax} Zeichen.`, { id: 'speedDatingHost.startersInvalid' })}
            </p>`
          : nothing}
      </div>
      ${this.#dialog.footer({ error: 'dating-dialog-error', cancel: 'dating-cancel', save: 'dating-save' }, msg('Speichern', { id: 'breakoutHost.save' }))}
    </form>`;
  }

  /** "Dauer insgesamt: 17 Minuten" while the fields make sense; nothing otherwise (the field errors say why on saving). */
  #total(d: SpeedDatingDraft): string {
    const roundMs = parseMinutesSeconds(d.roundMinutes, d.roundSeconds);
    const rounds = Number(d.rounds.trim());
    const breakS = Number(d.breakSeconds.trim());
    if (roundMs === null || roundMs <= 0 || !Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(breakS) || breakS < 0) return '';
    const total = durationText(plannedDurationMs({ roundMs, rounds, breakMs: breakS * 1000 }));
    const topics = lines(d.topics).length;
    return topics > 0
      ? msg(str`Dauer insgesamt: ${total}. ${topics} Themen zur Auswahl.`, { id: 'speedDatingHost.totalTopics' })
      : msg(str`Dauer insgesamt: ${total}.`, { id: 'speedDatingHost.total' });
  }
}

function value(e: Event): string {
  return (e.target as HTMLInputElement).value;
}

function checked(e: Event): boolean {
  return (e.target as HTMLInputElement).checked;
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-speed-dating-dialog': SpeedDatingDialog;
  }
}
