/**
 * <mashup-pk-stage> — the plenary's main view while a Pecha Kucha block runs:
 * the current slide large with a slim progress bar (slide n of N, time left),
 * the talk's title, presenter and municipality; "Pausiert" while paused; the
 * break with applause and "Als Nächstes"; a closing state. The current talk's
 * presenter gets <mashup-pk-presenter-view> instead. Before the start it shows
 * the programme and already loads the first slides.
 *
 * Lockstep: what is shown is `pkPositionAt(block, serverNow)`; a WakeController
 * sets one timer for the next switch from the synced clock and re-plans on
 * every patch, so every viewer switches at the same server time and a late
 * joiner lands on the current slide at once. The next slides are fetched and
 * decoded ahead (SlidePreloader), so a switch never waits for the network.
 *
 * Test hooks: `pk-slide` carries `data-slide-index` and `data-talk-index`.
 */
import { localized, msg, str } from '@lit/localize';
import { formatRemaining, pkPositionAt, type PechaKuchaBlock, type PkPosition, type Talk } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { SessionController, WakeController } from '../../context.js';
import { systemClock } from '../../services/clock.js';
import { currentSlide, doneFraction, pkNextWakeAt, pkPreloadUrls, scheduleTime, secondsLeft } from '../../state/pechakucha.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';
import { kickerStyles, stageCardStyles } from '../../styles/stage.js';
import { slideStyles } from './pk-styles.js';
import { SlidePreloader } from './slide-preloader.js';
import { formatSeconds, talkLine } from './talk-line.js';
import './pk-presenter-view.js';

@customElement('mashup-pk-stage')
@localized()
export class PkStage extends LitElement {
  static override styles = [
    baseStyles,
    slideStyles,
    stageCardStyles,
    kickerStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: var(--mu-space-1) var(--mu-space-4);
      }
      h2 {
        font-size: clamp(1.25rem, 2.5vw, 1.75rem);
        overflow-wrap: anywhere;
      }
      .presenter {
        font-weight: 600;
        color: var(--mu-text-muted);
      }
      .progress {
        display: grid;
        gap: 4px;
      }
      .progress-text {
        display: flex;
        justify-content: space-between;
        gap: var(--mu-space-3);
        font-size: 0.9rem;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .break,
      .ended,
      .upcoming {
        text-align: center;
        justify-items: center;
        padding: clamp(20px, 4vw, 40px) var(--mu-space-4);
      }
      .break h2,
      .ended h2 {
        font-size: clamp(1.5rem, 4vw, 2.5rem);
      }
      .applause {
        font-size: 1.25rem;
        min-height: 56px;
        padding: 8px 28px;
      }
      .applause svg {
        width: 28px;
        height: 28px;
      }
      .next-up {
        font-size: 1.25rem;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .countdown {
        font-family: var(--mu-font-mono);
        font-variant-numeric: tabular-nums;
        font-size: 2.5rem;
        font-weight: 700;
      }
      .upcoming {
        text-align: left;
        justify-items: stretch;
      }
      ol {
        margin: 0;
        padding-left: 1.5rem;
        display: grid;
        gap: var(--mu-space-1);
      }
      .paused-line {
        display: inline-flex;
        align-items: center;
        gap: var(--mu-space-2);
        color: var(--mu-warning);
        font-weight: 700;
      }
    `,
  ];

  readonly #live = new SessionController(this);
  readonly #wake = new WakeController(this, {
    clock: systemClock,
    serverNow: () => this.#live.session?.clock.serverNow() ?? 0,
    nextWakeAt: (now) => {
      const block = this.#live.view?.pechakucha ?? null;
      const pos = pkPositionAt(block, now);
      // Whole seconds are shown for the slide, the talk (presenter) and the break.
      const deadlines = pos.phase === 'talk' ? [pos.slideEndsAt, pos.talkEndsAt] : pos.phase === 'break' && pos.breakEndsAt !== null ? [pos.breakEndsAt] : [];
      return pkNextWakeAt(pos, now, deadlines);
    },
  });
  readonly #preloader = new SlidePreloader();

  override render() {
    const view = this.#live.view;
    const block = view?.pechakucha ?? null;
    if (!view || !block) return nothing;
    const now = this.#wake.now();
    const pos = pkPositionAt(block, now);
    switch (pos.phase) {
      case 'idle':
        return this.#upcoming(block);
      case 'talk': {
        const talk = block.talks[pos.talkIndex]!;
        if (talk.presenterId !== null && talk.presenterId === view.self.participantId) {
          return html`<mashup-pk-presenter-view .block=${block} .position=${pos} .now=${now}></mashup-pk-presenter-view>`;
        }
        return this.#talk(block, pos, talk, now);
      }
      case 'break':
        return this.#break(block, pos, now);
      case 'ended':
        return this.#ended(block);
    }
  }

  protected override updated(): void {
    const block = this.#live.view?.pechakucha ?? null;
    this.#preloader.want(pkPreloadUrls(block, pkPositionAt(block, this.#wake.now())));
  }

  #talk(block: PechaKuchaBlock, pos: Extract<PkPosition, { phase: 'talk' }>, talk: Talk, now: number) {
    const slide = currentSlide(block, pos);
    const total = block.format.slides;
    const n = pos.slideIndex + 1;
    const t = scheduleTime(block, now);
    const label = msg(str`Folie ${n} von ${total}`, { id: 'pk.slideOf' });
    const done = doneFraction(pos.slideStartAt, block.format.slideMs, t);
    return html`<section aria-labelledby="pk-title" data-testid="pk-stage" data-phase="talk">
      <div class="head">
        <div>
          <p class="kicker">${block.title} · ${msg(str`Vortrag ${pos.talkIndex + 1} von ${block.talks.length}`, { id: 'pk.talkOf' })}</p>
          <h2 id="pk-title" data-testid="pk-talk-title">${talk.title}</h2>
        </div>
        <p class="presenter" data-testid="pk-presenter">${talkLine(talk)}</p>
      </div>
      <figure class="frame">
        ${slide
          ? html`<img
              data-testid="pk-slide"
              data-slide-index=${pos.slideIndex}
              data-talk-index=${pos.talkIndex}
              src=${slide.url}
              width=${slide.width}
              height=${slide.height}
              alt=${slide.text || label}
            />`
          : html`<div class="placeholder" role="img" aria-label=${label} data-testid="pk-slide" data-slide-index=${pos.slideIndex} data-talk-index=${pos.talkIndex}>
              <span class="big">${talk.title}</span><span>${label}</span>
            </div>`}
        ${pos.paused
          ? html`<span class="paused-badge" data-testid="pk-paused">${icon('pause')}${msg('Pausiert', { id: 'pk.paused' })}</span>`
          : nothing}
      </figure>
      <div class="progress" data-testid="pk-progress">
        <p class="progress-text">
          <span data-testid="pk-slide-number">${label}</span>
          <span data-testid="pk-slide-remaining">${msg(str`noch ${secondsLeft(pos.slideEndsAt, t)} s`, { id: 'pk.secondsLeft' })}</span>
        </p>
        <div class="bar" aria-hidden="true"><span class="fill" style=${styleMap({ '--done': String(done) })}></span></div>
      </div>
      <p class="visually-hidden" aria-live="polite">${label}${slide?.text ? `: ${slide.text}` : ''}</p>
    </section>`;
  }

  #break(block: PechaKuchaBlock, pos: Extract<PkPosition, { phase: 'break' }>, now: number) {
    const given = block.talks[pos.talkIndex];
    const next = block.talks[pos.nextTalkIndex];
    const t = scheduleTime(block, now);
    return html`<section class="break" aria-labelledby="pk-break-title" data-testid="pk-break" data-phase="break">
      <p class="kicker">${block.title}</p>
      <h2 id="pk-break-title">
        ${given?.presenterName
          ? msg(str`Applaus für ${given.presenterName}!`, { id: 'pk.applauseFor' })
          : msg('Applaus!', { id: 'pk.applause' })}
      </h2>
      <button class="btn primary applause" type="button" data-testid="pk-applause" @click=${() => void this.#live.session?.react('applause')}>
        ${icon('applause')}${msg('Applaus', { id: 'reaction.applause' })}
      </button>
      ${next
        ? html`<p class="next-up" data-testid="pk-next-up">
            ${next.municipality
              ? msg(str`Als Nächstes: ${next.title} aus ${next.municipality}`, { id: 'pk.nextUpFrom' })
              : msg(str`Als Nächstes: ${next.title}`, { id: 'pk.nextUp' })}
          </p>`
        : nothing}
      ${pos.paused
        ? html`<p class="paused-line" data-testid="pk-paused">${icon('pause')}${msg('Pausiert', { id: 'pk.paused' })}</p>`
        : nothing}
      ${pos.breakEndsAt === null
        ? html`<p data-testid="pk-held">${msg('Die Moderation startet den nächsten Vortrag.', { id: 'pk.held' })}</p>`
        : html`<p>
            ${msg('Der nächste Vortrag beginnt in', { id: 'pk.nextIn' })}
            <span class="countdown" data-testid="pk-break-countdown">${formatRemaining(pos.breakEndsAt - t)}</span>
          </p>`}
    </section>`;
  }

  #ended(block: PechaKuchaBlock) {
    return html`<section class="ended" aria-labelledby="pk-ended-title" data-testid="pk-ended" data-phase="ended">
      <p class="kicker">${block.title}</p>
      <h2 id="pk-ended-title">${msg('Das war der Pecha-Kucha-Block.', { id: 'pk.ended.title' })}</h2>
      <p>${msg('Vielen Dank an alle Vortragenden!', { id: 'pk.ended.thanks' })}</p>
    </section>`;
  }

  #upcoming(block: PechaKuchaBlock) {
    return html`<section class="upcoming" aria-labelledby="pk-upcoming-title" data-testid="pk-upcoming" data-phase="idle">
      <p class="kicker">${msg('Gleich im Plenum', { id: 'pk.upcoming.kicker' })}</p>
      <h2 id="pk-upcoming-title">${block.title}</h2>
      <p class="muted">
        ${msg(str`Jeder Vortrag: ${block.format.slides} Folien × ${formatSeconds(block.format.slideMs)} s`, { id: 'pk.upcoming.summary' })}
      </p>
      <ol>
        ${block.talks.map((t) => html`<li><strong>${t.title}</strong>${t.presenterName || t.municipality ? html` – ${talkLine(t)}` : nothing}</li>`)}
      </ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-pk-stage': PkStage;
  }
}
