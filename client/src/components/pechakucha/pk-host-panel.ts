/**
 * <mashup-pk-host-panel> — the hosts' Pecha Kucha controls in the host menu:
 * set up or change the block (dialog), start, pause/resume, one slide back,
 * skip to the next talk, hold the break, end (with confirmation), remove the
 * block; the queue of talks with their deck status, moving upcoming talks up
 * or down, and uploading a deck on a presenter's behalf. Every button maps to
 * one socket command; refusals are shown with what to do.
 */
import { localized, msg, str } from '@lit/localize';
import { pkPositionAt, type Ack, type PechaKuchaBlock, type PkPosition, type Talk } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController, WakeController } from '../../context.js';
import { icon, type IconName } from '../../icons.js';
import { systemClock } from '../../services/clock.js';
import type { PkCommand } from '../../services/event-session.js';
import { fixedTalkCount, moveItem, pkNextWakeAt } from '../../state/pechakucha.js';
import { panelStyles, statusStyles } from '../../styles/panel.js';
import { baseStyles } from '../../styles/shared.js';
import { dialogStyles } from '../../styles/dialog.js';
import { formatSeconds, talkLine } from './talk-line.js';
import './pk-setup-dialog.js';
import './pk-deck-upload.js';
import './pk-deck-preview.js';
import { runRequest } from '../run-request.js';
import { syncDialog } from '../dialog-sync.js';

type Confirm = 'end' | 'clear';

@customElement('mashup-pk-host-panel')
@localized()
export class PkHostPanel extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    panelStyles,
    statusStyles,
    css`
      /* Tighter than the other panels: the queue below is long. */
      section {
        gap: var(--mu-space-3);
      }
      .state {
        font-weight: 600;
      }
      li {
        display: grid;
        gap: var(--mu-space-2);
      }
      li[data-state='current'] {
        border-color: var(--mu-primary);
        border-width: 2px;
      }
      li[data-state='done'] {
        opacity: 0.75;
      }
      .talk {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mu-space-2) var(--mu-space-3);
      }
      .talk .what {
        flex: 1 1 220px;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .talk .who {
        font-size: 0.875rem;
        color: var(--mu-text-muted);
      }
      .badge.missing {
        background: var(--mu-warning-soft);
        color: var(--mu-warning);
      }
      .badge.ok {
        background: var(--mu-success-soft);
        color: var(--mu-success);
      }
      .upload {
        display: grid;
        gap: var(--mu-space-3);
        padding-top: var(--mu-space-2);
        border-top: 1px dashed var(--mu-border-soft);
      }
    `,
  ];

  @state() private setupOpen = false;
  @state() private confirm: Confirm | null = null;
  /** Talk whose upload form is open. */
  @state() private uploadFor: string | null = null;
  @state() busy = false;
  @state() error = '';
  @state() done = '';
  @query('dialog.confirm') private confirmDialog?: HTMLDialogElement;
  #refocus: { id: string; to: number; button: 'up' | 'down' } | null = null;
  readonly #live = new SessionController(this);
  readonly #wake = new WakeController(this, {
    clock: systemClock,
    serverNow: () => this.#live.session?.clock.serverNow() ?? 0,
    nextWakeAt: (now) => pkNextWakeAt(pkPositionAt(this.#live.view?.pechakucha ?? null, now), now),
  });

  protected override updated(): void {
    this.#restoreFocus();
    syncDialog(this.confirmDialog, Boolean(this.confirm));
  }

  override render() {
    const view = this.#live.view;
    if (!view) return nothing;
    const block = view.pechakucha;
    const pos = pkPositionAt(block, this.#wake.now());
    return html`<section class="card" aria-labelledby="pk-host-title" data-testid="pk-host-panel">
      <h2 id="pk-host-title">${icon('play')}${msg('Pecha Kucha', { id: 'pk.host.title' })}</h2>
      ${block ? this.#block(block, pos, view.event.code) : this.#empty()}
      <p class="ok-text" role="status" data-testid="pk-host-status">${this.done}</p>
      ${this.error ? html`<p class="error" role="alert" data-testid="pk-host-error">${icon('alert')}${this.error}</p>` : nothing}
      <mashup-pk-setup-dialog .open=${this.setupOpen} @pk-setup-close=${this.#setupClosed}></mashup-pk-setup-dialog>
      ${this.#confirmDialog()}
    </section>`;
  }

  #empty() {
    return html`<p class="muted">${msg('Noch kein Pecha-Kucha-Block eingerichtet.', { id: 'pk.host.none' })}</p>
      <div class="buttons">
        ${this.#button('pk-setup-open', msg('Pecha Kucha einrichten', { id: 'pk.host.setup' }), 'plus', false, () => this.#openSetup(), true)}
      </div>`;
  }

  #block(block: PechaKuchaBlock, pos: PkPosition, code: string) {
    const running = pos.phase === 'talk' || pos.phase === 'break';
    const paused = running && pos.paused;
    const held = block.run?.hold ?? false;
    const fixed = fixedTalkCount(block, pos);
    return html`
      <p class="state" data-testid="pk-host-state" data-phase=${pos.phase}>${this.#stateText(block, pos)}</p>
      <p class="muted">
        ${msg(str`${block.title}: ${block.format.slides} Folien × ${formatSeconds(block.format.slideMs)} s, Pause ${formatSeconds(block.breakMs)} s zwischen den Vorträgen`, { id: 'pk.host.summary' })}
      </p>
      <div class="buttons" role="group" aria-label=${msg('Ablauf steuern', { id: 'pk.host.controls' })}>
        ${running
          ? html`
              ${paused
                ? this.#button('pk-resume', msg('Fortsetzen', { id: 'host.countdown.resume' }), 'play', false, () => this.#command('resume'), true)
                : this.#button('pk-pause', msg('Pausieren', { id: 'host.countdown.pause' }), 'pause', false, () => this.#command('pause'), true)}
              ${this.#button('pk-previous', msg('Eine Folie zurück', { id: 'pk.host.previous' }), null, pos.phase === 'talk' && pos.slideIndex === 0, () => this.#command('previous'))}
              ${this.#button('pk-skip', pos.phase === 'break' || fixed < block.talks.length ? msg('Nächster Vortrag', { id: 'pk.host.skip' }) : msg('Letzten Vortrag beenden', { id: 'pk.host.skipLast' }), null, false, () => this.#command('skip'))}
              <button class="btn" type="button" data-testid="pk-hold" aria-pressed=${held ? 'true' : 'false'} aria-disabled=${this.busy ? 'true' : 'false'}
                @click=${() => !this.busy && this.#run(() => this.#live.session!.holdPechaKucha(!held))}>
                ${msg('Nächsten Vortrag zurückhalten', { id: 'pk.host.hold' })}
              </button>
              ${this.#button('pk-end', msg('Block beenden', { id: 'pk.host.end' }), 'stop', false, () => (this.confirm = 'end'))}
            `
          : html`
              ${this.#button('pk-start', pos.phase === 'ended' ? msg('Neu starten', { id: 'host.countdown.restart' }) : msg('Starten', { id: 'host.countdown.start' }), 'play', false, () => this.#command('start', msg('Pecha Kucha gestartet.', { id: 'pk.host.started' })), true)}
              ${this.#button('pk-setup-open', msg('Bearbeiten', { id: 'pk.host.edit' }), 'sliders', false, () => this.#openSetup())}
              ${this.#button('pk-clear', msg('Block entfernen', { id: 'pk.host.clear' }), 'close', false, () => (this.confirm = 'clear'))}
            `}
      </div>
      ${held && pos.phase === 'break'
        ? html`<p class="muted">${msg('Der nächste Vortrag wird zurückgehalten. Starten Sie ihn mit „Nächster Vortrag“.', { id: 'pk.host.heldHint' })}</p>`
        : nothing}
      <h3 class="visually-hidden">${msg('Vorträge', { id: 'pk.host.queue' })}</h3>
      <ol aria-label=${msg('Vorträge', { id: 'pk.host.queue' })}>
        ${repeat(block.talks, (t) => t.id, (t, i) => this.#talk(block, pos, t, i, fixed, code))}
      </ol>
    `;
  }

  #talk(block: PechaKuchaBlock, pos: PkPosition, talk: Talk, i: number, fixed: number, code: string) {
    const current = (pos.phase === 'talk' && pos.talkIndex === i) || (pos.phase === 'break' && pos.nextTalkIndex === i);
    const state = current ? 'current' : i < fixed ? 'done' : 'upcoming';
    const movable = i >= fixed;
    const open = this.uploadFor === talk.id;
    const name = talk.title;
    return html`<li data-testid="pk-queue-item" data-talk-id=${talk.id} data-state=${state} data-deck=${talk.deck ? 'uploaded' : 'missing'}>
      <div class="talk">
        <div class="what">
          <strong>${i + 1}. ${talk.title}</strong>
          ${talkLine(talk) ? html`<div class="who">${talkLine(talk)}</div>` : nothing}
        </div>
        ${talk.deck
          ? html`<span class="badge ok">${msg(str`${talk.deck.slides.length} Folien`, { id: 'pk.host.deckOk' })}</span>`
          : html`<span class="badge missing">${msg('Foliensatz fehlt', { id: 'pk.host.deckMissing' })}</span>`}
        ${movable
          ? html`${this.#button('pk-queue-up', msg('Nach oben', { id: 'pk.setup.up' }), null, i <= fixed, () => this.#reorder(block, i, -1, 'up'), false, msg(str`${name} nach oben`, { id: 'pk.setup.upFor' }), talk.id)}
            ${this.#button('pk-queue-down', msg('Nach unten', { id: 'pk.setup.down' }), null, i === block.talks.length - 1, () => this.#reorder(block, i, 1, 'down'), false, msg(str`${name} nach unten`, { id: 'pk.setup.downFor' }), talk.id)}`
          : nothing}
        ${movable || (pos.phase === 'break' && current)
          ? html`<button class="btn small" type="button" data-testid="pk-queue-upload" aria-expanded=${open ? 'true' : 'false'}
              aria-label=${msg(str`Foliensatz für ${name}`, { id: 'pk.host.deckFor' })} @click=${() => (this.uploadFor = open ? null : talk.id)}>
              ${msg('Foliensatz', { id: 'pk.host.deck' })}
            </button>`
          : nothing}
      </div>
      ${open
        ? html`<div class="upload">
            <mashup-pk-deck-upload .talk=${talk} .slides=${block.format.slides} .code=${code}></mashup-pk-deck-upload>
            ${talk.deck ? html`<mashup-pk-deck-preview .talk=${talk} ?editable=${true}></mashup-pk-deck-preview>` : nothing}
          </div>`
        : nothing}
    </li>`;
  }

  #stateText(block: PechaKuchaBlock, pos: PkPosition): string {
    const count = block.talks.length;
    switch (pos.phase) {
      case 'idle':
        return msg('Bereit zum Start.', { id: 'pk.host.stateIdle' });
      case 'ended':
        return msg('Beendet.', { id: 'pk.host.stateEnded' });
      case 'talk': {
        const text = msg(str`Vortrag ${pos.talkIndex + 1} von ${count}, Folie ${pos.slideIndex + 1} von ${block.format.slides}`, { id: 'pk.host.stateTalk' });
        return pos.paused ? `${msg('Pausiert', { id: 'pk.paused' })}: ${text}` : text;
      }
      case 'break': {
        const text = pos.breakEndsAt === null
          ? msg(str`Pause vor Vortrag ${pos.nextTalkIndex + 1} – gehalten`, { id: 'pk.host.stateHeld' })
          : msg(str`Pause vor Vortrag ${pos.nextTalkIndex + 1}`, { id: 'pk.host.stateBreak' });
        return pos.paused ? `${msg('Pausiert', { id: 'pk.paused' })}: ${text}` : text;
      }
    }
  }

  #confirmDialog() {
    const what = this.confirm;
    return html`<dialog class="confirm" aria-labelledby="pk-confirm-title" data-testid="pk-confirm-dialog" @close=${() => (this.confirm = null)}>
      ${what
        ? html`<h2 id="pk-confirm-title">
              ${what === 'end' ? msg('Pecha-Kucha-Block beenden?', { id: 'pk.host.endTitle' }) : msg('Pecha-Kucha-Block entfernen?', { id: 'pk.host.clearTitle' })}
            </h2>
            <p>
              ${what === 'end'
                ? msg('Alle sehen sofort das Ende des Blocks. Vorträge, die noch nicht dran waren, entfallen.', { id: 'pk.host.endText' })
                : msg('Der Block mit allen Vorträgen und hochgeladenen Foliensätzen wird entfernt.', { id: 'pk.host.clearText' })}
            </p>
            <div class="buttons">
              <button class="btn" type="button" data-testid="pk-confirm-cancel" @click=${() => (this.confirm = null)}>${msg('Abbrechen', { id: 'common.cancel' })}</button>
              <button class="btn danger" type="button" data-testid="pk-confirm" @click=${() => this.#confirmed(what)}>
                ${what === 'end' ? msg('Block beenden', { id: 'pk.host.end' }) : msg('Block entfernen', { id: 'pk.host.clear' })}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  async #confirmed(what: Confirm): Promise<void> {
    this.confirm = null;
    await this.#command(what, what === 'end' ? msg('Block beendet.', { id: 'pk.host.ended' }) : msg('Block entfernt.', { id: 'pk.host.cleared' }));
  }

  /** aria-disabled rather than disabled, so a button keeps focus when it becomes unavailable (see host menu). */
  #button(testid: string, label: string, iconName: IconName | null, unavailable: boolean, action: () => unknown, primary = false, ariaLabel?: string, key?: string) {
    const off = unavailable || this.busy;
    return html`<button
      class="btn ${primary ? 'primary' : ''} ${key ? 'small' : ''}"
      type="button"
      data-testid=${testid}
      data-key=${key ?? nothing}
      aria-label=${ariaLabel ?? nothing}
      aria-disabled=${off ? 'true' : 'false'}
      @click=${() => {
        if (!off) void action();
      }}
    >
      ${iconName ? icon(iconName) : nothing}${label}
    </button>`;
  }

  /**
   * A moved row loses focus when the DOM moves it, which happens when the
   * patch with the new order arrives (before or after the ack): put focus back
   * on the same button then.
   */
  #restoreFocus(): void {
    const r = this.#refocus;
    if (!r) return;
    if (this.#live.view?.pechakucha?.talks[r.to]?.id !== r.id) return;
    this.#refocus = null;
    this.renderRoot.querySelector<HTMLElement>(`[data-testid="pk-queue-${r.button}"][data-key="${r.id}"]`)?.focus();
  }

  #openSetup(): void {
    this.error = '';
    this.setupOpen = true;
  }

  #setupClosed = (): void => {
    this.setupOpen = false;
  };

  #command(command: PkCommand, confirmation = ''): Promise<boolean> {
    return this.#run(() => this.#live.session!.pechakucha(command), confirmation);
  }

  async #reorder(block: PechaKuchaBlock, index: number, delta: number, button: 'up' | 'down'): Promise<void> {
    const ids = moveItem(block.talks.map((t) => t.id), index, delta);
    const id = block.talks[index]!.id;
    const to = ids.indexOf(id);
    const ok = await this.#run(
      () => this.#live.session!.reorderTalks(ids),
      msg(str`${block.talks[index]!.title} ist jetzt auf Platz ${to + 1}.`, { id: 'pk.setup.moved' }),
    );
    if (!ok) return;
    this.#refocus = { id, to, button };
    this.requestUpdate();
  }

  /** Runs a host request through the panels' shared status handling (run-request.ts). */
  #run(request: () => Promise<Ack<unknown>>, confirmation = ''): Promise<boolean> {
    return runRequest(this, request, confirmation);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-pk-host-panel': PkHostPanel;
  }
}
