/**
 * <mashup-round-dialog> — a host creates a workshop round or changes one that
 * has not opened yet: title, duration in minutes, assignment mode and the
 * workshops (title, short description, moderator, seat limit, optional topic
 * tag such as an AEG) with add, remove, move up and down. Saving sends
 * `breakout:save` with the ids of existing workshops, so their seats stay.
 * A modal <dialog>: focus stays inside, Escape cancels.
 *
 * Properties: `open`, `round` (null: a new round).
 * Events: `round-dialog-close` (after saving or cancelling).
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, type AssignmentMode, type ParticipantView, type Round } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AppController, SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import {
  checkRoundDraft,
  draftFromRound,
  emptyWorkshop,
  minCapacity,
  workshopProblem,
  type RoundDraft,
  type RoundDraftProblem,
  type WorkshopDraft,
} from '../../state/round-draft.js';
import { baseStyles } from '../../styles/shared.js';
import { dialogFormStyles, dialogStyles } from '../../styles/dialog.js';
import { EditableRows } from '../editable-rows.js';
import { DraftDialog } from '../draft-dialog.js';
import { modeLabel } from './mode-label.js';
import { roundDialogStyles } from './round-dialog-styles.js';

const MODES: AssignmentMode[] = ['choose', 'balanced', 'manual', 'keep', 'rotate'];

@customElement('mashup-round-dialog')
@localized()
export class RoundDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles, dialogFormStyles, roundDialogStyles];

  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) round: Round | null = null;
  /** Said by the live region after a move or removal. */
  @state() private said = '';
  readonly #live = new SessionController(this);
  readonly #app = new AppController(this);
  readonly #dialog = new DraftDialog(this, {
    fresh: (): RoundDraft => draftFromRound(this.round, () => this.#newKey(), msg('Workshoprunde', { id: 'breakoutHost.defaultTitle' })),
    check: checkRoundDraft,
    problemsMessage: (problems) =>
      problems.includes('noWorkshops')
        ? msg('Fügen Sie mindestens einen Workshop hinzu.', { id: 'breakoutHost.noWorkshops' })
        : msg('Bitte prüfen Sie die markierten Felder.', { id: 'breakoutHost.checkFields' }),
    send: (input) => this.#live.session!.saveRound(input),
    closeEvent: 'round-dialog-close',
    onOpen: () => (this.said = ''),
  });
  #keys = 0;
  readonly #rows = new EditableRows<WorkshopDraft>(this, {
    testId: 'round-workshop',
    titleTestId: 'round-workshop-title',
    max: LIMITS.workshopsMax,
    rows: () => this.#dialog.draft?.workshops,
    setRows: (workshops) => this.#dialog.set({ workshops }),
    create: () => emptyWorkshop(this.#newKey()),
    fallbackName: (n) => msg(str`Workshop ${n}`, { id: 'breakoutHost.workshopN' }),
    removed: (name) => msg(str`${name} entfernt.`, { id: 'breakoutHost.removed' }),
    moved: (name, place) => msg(str`${name} ist jetzt auf Platz ${place}.`, { id: 'breakoutHost.moved' }),
    say: (text) => (this.said = text),
  });

  override render() {
    return this.#dialog.render({ labelledBy: 'round-dialog-title', testId: 'round-dialog' }, (d) => this.#form(d));
  }

  #form(d: RoundDraft) {
    const has = (p: RoundDraftProblem) => this.#dialog.has(p);
    return html`<form novalidate @submit=${this.#dialog.save}>
      <h2 id="round-dialog-title">
        ${d.roundId ? msg('Workshoprunde bearbeiten', { id: 'breakoutHost.editTitle' }) : msg('Neue Workshoprunde', { id: 'breakoutHost.newTitle' })}
      </h2>
      <div class="two">
        <div class="field">
          <label for="round-title">${msg('Titel der Runde', { id: 'breakoutHost.roundTitle' })}</label>
          <input id="round-title" maxlength=${LIMITS.titleMax} data-testid="round-title" required
            aria-invalid=${has('title') ? 'true' : 'false'} aria-describedby="round-title-error"
            .value=${d.title} @input=${(e: InputEvent) => this.#dialog.set({ title: value(e) })} />
          ${has('title') ? html`<p class="field-error" id="round-title-error">${msg('Bitte geben Sie einen Titel ein.', { id: 'breakoutHost.titleMissing' })}</p>` : nothing}
        </div>
        <div class="field">
          <label for="round-minutes">${msg('Dauer (Minuten)', { id: 'breakoutHost.minutes' })}</label>
          <input id="round-minutes" type="number" inputmode="decimal" min="1" max=${LIMITS.roundMaxMs / 60_000} step="1" data-testid="round-minutes"
            aria-invalid=${has('minutes') ? 'true' : 'false'} aria-describedby="round-minutes-error"
            .value=${d.minutes} @input=${(e: InputEvent) => this.#dialog.set({ minutes: value(e) })} />
          ${has('minutes')
            ? html`<p class="field-error" id="round-minutes-error">${msg(str`Bitte 1 bis ${LIMITS.roundMaxMs / 60_000} Minuten.`, { id: 'breakoutHost.minutesInvalid' })}</p>`
            : nothing}
        </div>
      </div>
      <div class="field">
        <label for="round-mode">${msg('Zuteilung', { id: 'breakoutHost.mode' })}</label>
        <select id="round-mode" data-testid="round-mode" aria-describedby="round-mode-hint" @change=${(e: Event) => this.#dialog.set({ mode: value(e) as AssignmentMode })}>
          ${MODES.map((m) => html`<option value=${m} ?selected=${d.mode === m}>${modeLabel(m)}</option>`)}
        </select>
        <p class="hint" id="round-mode-hint">${this.#modeHint(d.mode)}</p>
      </div>
      <fieldset>
        <legend>${msg('Workshops', { id: 'breakoutHost.workshops' })}</legend>
        <ol>
          ${repeat(d.workshops, (w) => w.key, (w, i) => this.#workshop(w, i, d.workshops.length))}
        </ol>
        ${has('noWorkshops') ? html`<p class="field-error">${msg('Fügen Sie mindestens einen Workshop hinzu.', { id: 'breakoutHost.noWorkshops' })}</p>` : nothing}
        <div>
          <button class="btn" type="button" data-testid="round-workshop-add" aria-disabled=${d.workshops.length >= LIMITS.workshopsMax ? 'true' : 'false'} @click=${this.#rows.add}>
            ${icon('plus')}${msg('Workshop hinzufügen', { id: 'breakoutHost.addWorkshop' })}
          </button>
        </div>
        <p class="visually-hidden" aria-live="polite">${this.said}</p>
      </fieldset>
      ${this.#dialog.footer({ error: 'round-error', cancel: 'round-cancel', save: 'round-save' }, msg('Speichern', { id: 'breakoutHost.save' }))}
    </form>`;
  }

  #modeHint(mode: AssignmentMode): string {
    switch (mode) {
      case 'choose':
        return msg('Teilnehmende wählen selbst, sobald die Runde veröffentlicht ist. Volle Workshops führen eine Warteliste.', { id: 'breakoutHost.hintChoose' });
      case 'balanced':
        return msg('Die Moderation teilt alle zufällig und gleichmäßig auf die Workshops auf.', { id: 'breakoutHost.hintBalanced' });
      case 'manual':
        return msg('Die Moderation teilt von Hand zu, per Ziehen und Ablegen, per Tastatur oder per CSV-Datei.', { id: 'breakoutHost.hintManual' });
      case 'keep':
        return msg('Alle kommen wieder in die Gruppe der vorigen Runde.', { id: 'breakoutHost.hintKeep' });
      case 'rotate':
        return msg('Die Gruppen werden so gemischt, dass sich möglichst viele neu begegnen.', { id: 'breakoutHost.hintRotate' });
    }
  }

  #workshop(w: WorkshopDraft, i: number, count: number) {
    const n = i + 1;
    const name = w.title.trim() || msg(str`Workshop ${n}`, { id: 'breakoutHost.workshopN' });
    const id = `w-${w.key}`;
    const titleMissing = workshopProblem(this.#dialog.problems, w.key, 'title');
    const capacityWrong = workshopProblem(this.#dialog.problems, w.key, 'capacity');
    const people = this.#people();
    const known = w.moderatorId === null || people.some((p) => p.id === w.moderatorId);
    return html`<li data-testid="round-workshop" data-index=${i} data-key=${w.key}>
      <div class="row-head">
        <h3>${msg(str`Workshop ${n}`, { id: 'breakoutHost.workshopN' })}</h3>
        ${this.#rows.buttons(w, i, count, {
          up: msg('Nach oben', { id: 'breakoutHost.up' }),
          down: msg('Nach unten', { id: 'breakoutHost.down' }),
          remove: msg('Entfernen', { id: 'breakoutHost.remove' }),
          upFor: msg(str`${name} nach oben`, { id: 'breakoutHost.upFor' }),
          downFor: msg(str`${name} nach unten`, { id: 'breakoutHost.downFor' }),
          removeFor: msg(str`${name} entfernen`, { id: 'breakoutHost.removeFor' }),
        })}
      </div>
      <div class="field">
        <label for="${id}-title">${msg('Titel', { id: 'breakoutHost.workshopTitle' })}</label>
        <input id="${id}-title" maxlength=${LIMITS.titleMax} data-testid="round-workshop-title" required
          aria-invalid=${titleMissing ? 'true' : 'false'} aria-describedby="${id}-title-error"
          .value=${w.title} @input=${(e: InputEvent) => this.#setWorkshop(w.key, { title: value(e) })} />
        ${titleMissing ? html`<p class="field-error" id="${id}-title-error">${msg('Bitte geben Sie einen Titel ein.', { id: 'breakoutHost.titleMissing' })}</p>` : nothing}
      </div>
      <div class="field">
        <label for="${id}-desc">${msg('Kurzbeschreibung', { id: 'breakoutHost.description' })}</label>
        <textarea id="${id}-desc" rows="2" maxlength=${LIMITS.workshopDescriptionMax} data-testid="round-workshop-description"
          .value=${w.description} @input=${(e: InputEvent) => this.#setWorkshop(w.key, { description: value(e) })}></textarea>
      </div>
      <div class="three">
        <div class="field">
          <label for="${id}-mod">${msg('Moderation im Raum', { id: 'breakoutHost.moderator' })}</label>
          <select id="${id}-mod" data-testid="round-workshop-moderator" @change=${(e: Event) => this.#setWorkshop(w.key, { moderatorId: value(e) || null })}>
            <option value="" ?selected=${w.moderatorId === null}>${msg('Niemand', { id: 'breakoutHost.noModerator' })}</option>
            ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === w.moderatorId}>${p.org ? `${p.name} · ${p.org}` : p.name}</option>`)}
            ${known ? nothing : html`<option value=${w.moderatorId!} selected>${msg('(nicht mehr da)', { id: 'breakoutHost.moderatorGone' })}</option>`}
          </select>
        </div>
        <div class="field">
          <label for="${id}-cap">${msg('Plätze', { id: 'breakoutHost.capacity' })}</label>
          <input id="${id}-cap" type="number" inputmode="numeric" min=${minCapacity(w)} max=${LIMITS.workshopSeatsMax} step="1" data-testid="round-workshop-capacity"
            aria-invalid=${capacityWrong ? 'true' : 'false'} aria-describedby="${id}-cap-error"
            .value=${w.capacity} @input=${(e: InputEvent) => this.#setWorkshop(w.key, { capacity: value(e) })} />
          ${capacityWrong
            ? html`<p class="field-error" id="${id}-cap-error">
                ${w.seated > 1
                  ? msg(str`Hier sitzen schon ${w.seated} Personen: bitte ${w.seated} bis ${LIMITS.workshopSeatsMax} Plätze.`, { id: 'breakoutHost.capacitySeated' })
                  : msg(str`Bitte 1 bis ${LIMITS.workshopSeatsMax} Plätze.`, { id: 'breakoutHost.capacityInvalid' })}
              </p>`
            : nothing}
        </div>
        <div class="field">
          <label for="${id}-tag">${msg('Thema (optional, z. B. AEG)', { id: 'breakoutHost.tag' })}</label>
          <input id="${id}-tag" maxlength=${LIMITS.tagMax} data-testid="round-workshop-tag" .value=${w.tag}
            @input=${(e: InputEvent) => this.#setWorkshop(w.key, { tag: value(e) })} />
        </div>
      </div>
    </li>`;
  }

  /** Everyone in the event, by name, as candidates for running a room. */
  #people(): ParticipantView[] {
    const collator = new Intl.Collator(this.#app.services.i18n.locale, { sensitivity: 'base' });
    return [...(this.#live.view?.participants ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  }

  #newKey(): string {
    this.#keys += 1;
    return `new-${this.#keys}`;
  }

  #setWorkshop(key: string, patch: Partial<WorkshopDraft>): void {
    if (!this.#dialog.draft) return;
    this.#dialog.set({ workshops: this.#dialog.draft.workshops.map((w) => (w.key === key ? { ...w, ...patch } : w)) });
  }
}

function value(e: Event): string {
  return (e.target as HTMLInputElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-round-dialog': RoundDialog;
  }
}
