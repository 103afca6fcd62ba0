/**
 * <mashup-pk-setup-dialog> — the host sets up (or changes) the Pecha Kucha
 * block: title, format (Pecha Kucha 20 × 20 s, Ignite 20 × 15 s or custom
 * N × s), break between talks, and the ordered talks (title, presenter — a
 * participant or just a name — and municipality) with add, remove, move up
 * and down. Saving sends `pechakucha:setup` with the ids of existing talks, so
 * their decks stay. A modal <dialog>: focus stays inside, Escape cancels.
 *
 * Properties: `open`.
 * Events: `pk-setup-close` (after saving or cancelling).
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, type ParticipantView } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AppController, SessionController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { icon } from '../../icons.js';
import {
  checkDraft,
  decksLost,
  draftFromBlock,
  emptyTalk,
  type DraftProblem,
  type FormatKind,
  type SetupDraft,
  type TalkDraft,
} from '../../state/pk-setup-draft.js';
import { baseStyles } from '../../styles/shared.js';
import { dialogFormStyles, dialogStyles } from '../../styles/dialog.js';
import { EditableRows } from '../editable-rows.js';
import { DraftDialog } from '../draft-dialog.js';

@customElement('mashup-pk-setup-dialog')
@localized()
export class PkSetupDialog extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    dialogFormStyles,
    css`
      dialog {
        width: min(800px, calc(100vw - 16px));
        max-width: calc(100vw - 16px);
      }
      .radio {
        display: flex;
        align-items: center;
        gap: var(--mu-space-2);
        font-weight: 400;
        margin: 0;
        min-height: var(--mu-target);
      }
      .radio input {
        width: 20px;
        height: 20px;
        min-height: 0;
        margin: 0;
      }
      .two {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
        gap: var(--mu-space-3);
      }
      .deck {
        font-size: 0.875rem;
        font-weight: 600;
      }
      .deck.ok {
        color: var(--mu-success);
      }
      .deck.missing {
        color: var(--mu-warning);
      }
      .warn {
        padding: var(--mu-space-2) var(--mu-space-3);
        border-radius: var(--mu-radius);
        background: var(--mu-warning-soft);
        color: var(--mu-warning);
        font-weight: 600;
      }
    `,
  ];

  @property({ type: Boolean }) open = false;
  /** Said by the live region after a move or removal. */
  @state() private said = '';
  readonly #live = new SessionController(this);
  readonly #app = new AppController(this);
  readonly #dialog = new DraftDialog(this, {
    fresh: (): SetupDraft => draftFromBlock(this.#live.view?.pechakucha ?? null, () => this.#newKey()),
    check: (draft: SetupDraft) => {
      const checked = checkDraft(draft);
      return checked.ok ? { ok: true as const, input: checked.setup } : checked;
    },
    problemsMessage: (problems) =>
      problems.includes('noTalks') ? errorMessage('pechakucha.no_talks') : msg('Bitte prüfen Sie die markierten Felder.', { id: 'pk.setup.checkFields' }),
    send: (setup) => this.#live.session!.setupPechaKucha(setup),
    closeEvent: 'pk-setup-close',
    onOpen: () => (this.said = ''),
  });
  #keys = 0;
  readonly #rows = new EditableRows<TalkDraft>(this, {
    testId: 'pk-talk',
    titleTestId: 'pk-talk-title-input',
    max: LIMITS.talksMax,
    rows: () => this.#dialog.draft?.talks,
    setRows: (talks) => this.#dialog.set({ talks }),
    create: () => emptyTalk(this.#newKey()),
    fallbackName: (n) => msg(str`Vortrag ${n}`, { id: 'pk.setup.talkN' }),
    removed: (name) => msg(str`${name} entfernt.`, { id: 'pk.setup.removed' }),
    moved: (name, place) => msg(str`${name} ist jetzt auf Platz ${place}.`, { id: 'pk.setup.moved' }),
    say: (text) => (this.said = text),
  });

  override render() {
    return this.#dialog.render({ labelledBy: 'setup-title', testId: 'pk-setup-dialog' }, (d) => this.#form(d));
  }

  #form(d: SetupDraft) {
    const has = (p: DraftProblem) => this.#dialog.has(p);
    const lost = decksLost(d);
    return html`<form novalidate @submit=${this.#dialog.save}>
      <h2 id="setup-title">${msg('Pecha Kucha einrichten', { id: 'pk.setup.title' })}</h2>
      <div class="field">
        <label for="pk-title">${msg('Titel des Blocks', { id: 'pk.setup.blockTitle' })}</label>
        <input id="pk-title" maxlength=${LIMITS.titleMax} data-testid="pk-setup-title" .value=${d.title} @input=${(e: InputEvent) => this.#dialog.set({ title: value(e) })} />
      </div>
      <fieldset>
        <legend>${msg('Format', { id: 'pk.setup.format' })}</legend>
        ${this.#radio('pechakucha', msg('Pecha Kucha: 20 Folien × 20 Sekunden', { id: 'pk.setup.formatPk' }))}
        ${this.#radio('ignite', msg('Ignite: 20 Folien × 15 Sekunden', { id: 'pk.setup.formatIgnite' }))}
        ${this.#radio('custom', msg('Eigenes Format', { id: 'pk.setup.formatCustom' }))}
        ${d.formatKind === 'custom'
          ? html`<div class="two">
              <div class="field">
                <label for="pk-slides">${msg('Folien', { id: 'pk.setup.slides' })}</label>
                <input id="pk-slides" type="number" inputmode="numeric" min="1" max=${LIMITS.slidesMax} step="1" data-testid="pk-custom-slides"
                  aria-invalid=${has('slides') ? 'true' : 'false'} aria-describedby="pk-slides-error"
                  .value=${d.slides} @input=${(e: InputEvent) => this.#dialog.set({ slides: value(e) })} />
                ${has('slides') ? html`<p class="field-error" id="pk-slides-error">${msg(str`Bitte 1 bis ${LIMITS.slidesMax} Folien.`, { id: 'pk.setup.slidesInvalid' })}</p>` : nothing}
              </div>
              <div class="field">
                <label for="pk-seconds">${msg('Sekunden je Folie', { id: 'pk.setup.seconds' })}</label>
                <input id="pk-seconds" type="number" inputmode="decimal" min="0.5" max=${LIMITS.slideMsMax / 1000} step="0.5" data-testid="pk-custom-seconds"
                  aria-invalid=${has('seconds') ? 'true' : 'false'} aria-describedby="pk-seconds-error"
                  .value=${d.seconds} @input=${(e: InputEvent) => this.#dialog.set({ seconds: value(e) })} />
                ${has('seconds') ? html`<p class="field-error" id="pk-seconds-error">${msg(str`Bitte 0,5 bis ${LIMITS.slideMsMax / 1000} Sekunden.`, { id: 'pk.setup.secondsInvalid' })}</p>` : nothing}
              </div>
            </div>`
          : nothing}
      </fieldset>
      <div class="field">
        <label for="pk-break">${msg('Pause zwischen den Vorträgen (Sekunden)', { id: 'pk.setup.break' })}</label>
        <input id="pk-break" type="number" inputmode="decimal" min="0" max=${LIMITS.breakMsMax / 1000} step="1" data-testid="pk-break-seconds"
          aria-invalid=${has('breakSeconds') ? 'true' : 'false'} aria-describedby="pk-break-hint"
          .value=${d.breakSeconds} @input=${(e: InputEvent) => this.#dialog.set({ breakSeconds: value(e) })} />
        <p class="hint" id="pk-break-hint">
          ${has('breakSeconds')
            ? html`<span class="field-error">${msg(str`Bitte 0 bis ${LIMITS.breakMsMax / 1000} Sekunden.`, { id: 'pk.setup.breakInvalid' })}</span>`
            : msg('In der Pause wird applaudiert und der nächste Vortrag angekündigt.', { id: 'pk.setup.breakHint' })}
        </p>
      </div>
      <fieldset>
        <legend>${msg('Vorträge in dieser Reihenfolge', { id: 'pk.setup.talks' })}</legend>
        <ol>
          ${repeat(d.talks, (t) => t.key, (t, i) => this.#talk(t, i, d.talks.length))}
        </ol>
        <div>
          <button class="btn" type="button" data-testid="pk-talk-add" aria-disabled=${d.talks.length >= LIMITS.talksMax ? 'true' : 'false'} @click=${this.#rows.add}>
            ${icon('plus')}${msg('Vortrag hinzufügen', { id: 'pk.setup.add' })}
          </button>
        </div>
        <p class="visually-hidden" aria-live="polite">${this.said}</p>
      </fieldset>
      ${lost.length
        ? html`<p class="warn" data-testid="pk-setup-decks-lost">
            ${msg(str`Das neue Format passt nicht zu ${lost.length} hochgeladenen Foliensätzen; diese müssen neu hochgeladen werden.`, { id: 'pk.setup.decksLost' })}
          </p>`
        : nothing}
      ${this.#dialog.footer({ error: 'pk-setup-error', cancel: 'pk-setup-cancel', save: 'pk-setup-save' }, msg('Speichern', { id: 'pk.setup.save' }))}
    </form>`;
  }

  #radio(kind: FormatKind, label: string) {
    return html`<label class="radio">
      <input type="radio" name="format" value=${kind} data-testid="pk-format-${kind}" .checked=${this.#dialog.draft?.formatKind === kind}
        @change=${() => this.#dialog.set({ formatKind: kind })} />
      ${label}
    </label>`;
  }

  #talk(t: TalkDraft, i: number, count: number) {
    const n = i + 1;
    const titleMissing = this.#dialog.problems.some((p) => typeof p === 'object' && p.talk === t.key);
    const name = t.title.trim() || msg(str`Vortrag ${n}`, { id: 'pk.setup.talkN' });
    const people = this.#people();
    const known = t.presenterId === null || people.some((p) => p.id === t.presenterId);
    const id = `t-${t.key}`;
    return html`<li data-testid="pk-talk" data-index=${i} data-key=${t.key}>
      <div class="row-head">
        <h3>${msg(str`Vortrag ${n}`, { id: 'pk.setup.talkN' })}</h3>
        ${this.#rows.buttons(t, i, count, {
          up: msg('Nach oben', { id: 'pk.setup.up' }),
          down: msg('Nach unten', { id: 'pk.setup.down' }),
          remove: msg('Entfernen', { id: 'people.remove' }),
          upFor: msg(str`${name} nach oben`, { id: 'pk.setup.upFor' }),
          downFor: msg(str`${name} nach unten`, { id: 'pk.setup.downFor' }),
          removeFor: msg(str`${name} entfernen`, { id: 'pk.setup.removeFor' }),
        })}
      </div>
      <div class="field">
        <label for="${id}-title">${msg('Titel', { id: 'pk.setup.talkTitle' })}</label>
        <input id="${id}-title" maxlength=${LIMITS.titleMax} data-testid="pk-talk-title-input" required
          aria-invalid=${titleMissing ? 'true' : 'false'} aria-describedby="${id}-title-error"
          .value=${t.title} @input=${(e: InputEvent) => this.#setTalk(t.key, { title: value(e) })} />
        ${titleMissing ? html`<p class="field-error" id="${id}-title-error">${msg('Bitte geben Sie einen Titel ein.', { id: 'pk.setup.titleMissing' })}</p>` : nothing}
      </div>
      <div class="two">
        <div class="field">
          <label for="${id}-who">${msg('Vortragende Person', { id: 'pk.setup.presenter' })}</label>
          <select id="${id}-who" data-testid="pk-talk-presenter" @change=${(e: Event) => this.#pick(t, (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${t.presenterId === null}>${msg('Nur Name eintragen', { id: 'pk.setup.nameOnly' })}</option>
            ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === t.presenterId}>${p.org ? `${p.name} · ${p.org}` : p.name}</option>`)}
            ${known ? nothing : html`<option value=${t.presenterId!} selected>${msg(str`${t.presenterName} (nicht mehr da)`, { id: 'pk.setup.gone' })}</option>`}
          </select>
        </div>
        <div class="field">
          <label for="${id}-name">${msg('Name', { id: 'pk.setup.name' })}</label>
          <input id="${id}-name" maxlength=${LIMITS.nameMax} data-testid="pk-talk-name" .value=${t.presenterName}
            @input=${(e: InputEvent) => this.#setTalk(t.key, { presenterName: value(e) })} />
        </div>
        <div class="field">
          <label for="${id}-town">${msg('Kommune', { id: 'pk.setup.municipality' })}</label>
          <input id="${id}-town" maxlength=${LIMITS.orgMax} data-testid="pk-talk-municipality" .value=${t.municipality}
            @input=${(e: InputEvent) => this.#setTalk(t.key, { municipality: value(e) })} />
        </div>
      </div>
      <p class="deck ${t.deckSlides !== null ? 'ok' : t.id ? 'missing' : 'muted'}" data-testid="pk-talk-deck">
        ${t.deckSlides !== null
          ? msg(str`Foliensatz hochgeladen (${t.deckSlides} Folien)`, { id: 'pk.deck.uploaded' })
          : t.id
            ? msg('Noch kein Foliensatz hochgeladen', { id: 'pk.deck.missing' })
            : msg('Nach dem Speichern kann der Foliensatz hochgeladen werden.', { id: 'pk.setup.deckAfterSave' })}
      </p>
    </li>`;
  }

  /** Everyone in the event, by name, as candidates for presenting. */
  #people(): ParticipantView[] {
    const collator = new Intl.Collator(this.#app.services.i18n.locale, { sensitivity: 'base' });
    return [...(this.#live.view?.participants ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  }

  #newKey(): string {
    this.#keys += 1;
    return `new-${this.#keys}`;
  }

  #setTalk(key: string, patch: Partial<TalkDraft>): void {
    if (!this.#dialog.draft) return;
    this.#dialog.set({ talks: this.#dialog.draft.talks.map((t) => (t.key === key ? { ...t, ...patch } : t)) });
  }

  /** Picking a participant fills in name and (if empty) municipality from the people list. */
  #pick(t: TalkDraft, participantId: string): void {
    const p = this.#live.view?.participants.find((x) => x.id === participantId);
    if (!p) {
      this.#setTalk(t.key, { presenterId: null });
      return;
    }
    this.#setTalk(t.key, { presenterId: p.id, presenterName: p.name, municipality: t.municipality.trim() ? t.municipality : p.org });
  }
}

function value(e: Event): string {
  return (e.target as HTMLInputElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-pk-setup-dialog': PkSetupDialog;
  }
}
