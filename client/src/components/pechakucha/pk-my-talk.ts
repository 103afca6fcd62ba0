/**
 * <mashup-pk-my-talk> — "Ihr Vortrag": for a participant named as presenter of
 * one or more talks. Per talk: the format, whether the deck is there, the
 * upload, and a preview of the uploaded deck with editable slide texts.
 * A talk drops out of this card once it starts (the presenter view takes
 * over on stage); the card is gone when none of the person's talks is ahead.
 */
import { localized, msg, str } from '@lit/localize';
import { pkPositionAt, type PechaKuchaBlock, type Talk } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SessionController, WakeController } from '../../context.js';
import { systemClock } from '../../services/clock.js';
import { fixedTalkCount, pkNextWakeAt, talksPresentedBy } from '../../state/pechakucha.js';
import { icon } from '../../icons.js';
import { panelStyles } from '../../styles/panel.js';
import { baseStyles } from '../../styles/shared.js';
import { formatSeconds } from './talk-line.js';
import './pk-deck-upload.js';
import './pk-deck-preview.js';

@customElement('mashup-pk-my-talk')
@localized()
export class PkMyTalk extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    css`
      article {
        display: grid;
        gap: var(--mu-space-3);
        padding-top: var(--mu-space-3);
        border-top: 1px solid var(--mu-border-soft);
      }
      h3 {
        font-size: 1.05rem;
        overflow-wrap: anywhere;
      }
      .deck-state {
        display: inline-flex;
        align-items: center;
        gap: var(--mu-space-2);
        font-weight: 600;
      }
      .deck-state.missing {
        color: var(--mu-warning);
      }
      .deck-state.ok {
        color: var(--mu-success);
      }
      details > summary {
        cursor: pointer;
        font-weight: 600;
        min-height: var(--mu-target);
        padding: 4px 0;
      }
    `,
  ];

  readonly #live = new SessionController(this);
  // Re-renders when a talk starts or ends (uploading is closed then).
  readonly #wake = new WakeController(this, {
    clock: systemClock,
    serverNow: () => this.#live.session?.clock.serverNow() ?? 0,
    nextWakeAt: (now) => pkNextWakeAt(pkPositionAt(this.#live.view?.pechakucha ?? null, now), now),
  });

  override render() {
    const view = this.#live.view;
    const block = view?.pechakucha ?? null;
    if (!view || !block) return nothing;
    const mine = talksPresentedBy(block, view.self.participantId);
    const pos = pkPositionAt(block, this.#wake.now());
    // Talks already running or given drop out: the presenter view takes over on stage.
    const fixed = fixedTalkCount(block, pos);
    const open = mine.filter((t) => block.talks.indexOf(t) >= fixed);
    if (open.length === 0) return nothing;
    return html`<section class="card" aria-labelledby="my-talk-title" data-testid="pk-my-talk">
      <h2 id="my-talk-title">${icon('megaphone')}${open.length === 1 ? msg('Ihr Vortrag', { id: 'pk.mine.title' }) : msg('Ihre Vorträge', { id: 'pk.mine.titleMany' })}</h2>
      ${open.map((talk) => this.#talk(block, talk, view.event.code))}
    </section>`;
  }

  #talk(block: PechaKuchaBlock, talk: Talk, code: string) {
    const { slides, slideMs } = block.format;
    return html`<article data-testid="pk-my-talk-item" data-talk-id=${talk.id}>
      <h3>${talk.title}</h3>
      <p class="muted">
        ${msg(str`${block.title}: ${slides} Folien × ${formatSeconds(slideMs)} s, Platz ${block.talks.indexOf(talk) + 1} von ${block.talks.length}`, { id: 'pk.mine.format' })}
      </p>
      ${talk.deck
        ? html`<p class="deck-state ok" data-testid="pk-deck-state" data-state="uploaded">${icon('check')}${msg(str`Foliensatz hochgeladen (${talk.deck.slides.length} Folien)`, { id: 'pk.deck.uploaded' })}</p>`
        : html`<p class="deck-state missing" data-testid="pk-deck-state" data-state="missing">${icon('alert')}${msg('Noch kein Foliensatz hochgeladen', { id: 'pk.deck.missing' })}</p>`}
      <mashup-pk-deck-upload .talk=${talk} .slides=${slides} .code=${code}></mashup-pk-deck-upload>
      ${talk.deck
        ? html`<details open>
            <summary>${msg('Vorschau und Folientexte', { id: 'pk.mine.preview' })}</summary>
            <mashup-pk-deck-preview .talk=${talk} ?editable=${true}></mashup-pk-deck-preview>
          </details>`
        : nothing}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-pk-my-talk': PkMyTalk;
  }
}
