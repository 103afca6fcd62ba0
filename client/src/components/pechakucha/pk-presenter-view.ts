/**
 * <mashup-pk-presenter-view> — what the presenter of the current talk sees:
 * the current slide, the next one, a ring that runs down the slide's time
 * and the time left in the whole talk.
 *
 * Properties: `block`, `position` (a talk position), `now` (server time the
 * parent rendered for; the parent's WakeController re-renders on every second
 * and switch).
 */
import { localized, msg, str } from '@lit/localize';
import { formatRemaining, type PechaKuchaBlock, type PkPosition } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { icon } from '../../icons.js';
import { doneFraction, scheduleTime, secondsLeft } from '../../state/pechakucha.js';
import { baseStyles } from '../../styles/shared.js';
import { kickerStyles } from '../../styles/stage.js';
import { slideStyles } from './pk-styles.js';

type TalkPosition = Extract<PkPosition, { phase: 'talk' }>;

/** Circumference of the ring (r = 45 in a 100 × 100 box). */
const RING = 2 * Math.PI * 45;

@customElement('mashup-pk-presenter-view')
@localized()
export class PkPresenterView extends LitElement {
  static override styles = [
    baseStyles,
    slideStyles,
    kickerStyles,
    css`
      :host {
        display: block;
      }
      section {
        display: grid;
        gap: var(--mu-space-3);
        padding: clamp(12px, 2vw, 20px);
        border-radius: calc(var(--mu-radius) * 1.5);
        background: var(--mu-surface);
        border: 2px solid var(--mu-primary);
      }
      /* Only the presenter sees this view: it wears the accent colour, as its border does. */
      .kicker {
        color: var(--mu-primary);
      }
      h2 {
        font-size: 1.25rem;
        overflow-wrap: anywhere;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(180px, 1fr);
        gap: var(--mu-space-4);
        align-items: start;
      }
      .side {
        display: grid;
        gap: var(--mu-space-3);
        justify-items: center;
        text-align: center;
      }
      .ring {
        position: relative;
        width: 132px;
        height: 132px;
      }
      .ring svg {
        width: 100%;
        height: 100%;
        transform: rotate(-90deg);
      }
      .ring circle {
        fill: none;
        stroke-width: 8;
      }
      .ring .track {
        stroke: var(--mu-surface-2);
      }
      /* Runs down in whole-second steps (set per render, not animated; see pk-styles.ts). */
      .ring .run {
        stroke: var(--mu-primary);
        stroke-linecap: round;
        stroke-dasharray: ${RING};
      }
      .ring .secs {
        position: absolute;
        inset: 0;
        display: grid;
        place-content: center;
        font-family: var(--mu-font-mono);
        font-variant-numeric: tabular-nums;
        font-size: 2.25rem;
        font-weight: 700;
        line-height: 1;
      }
      .ring .unit {
        font-size: 0.8rem;
        font-family: var(--mu-font);
        color: var(--mu-text-muted);
      }
      .talk-left {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .talk-left strong {
        font-family: var(--mu-font-mono);
        font-size: 1.25rem;
      }
      .next {
        width: 100%;
        display: grid;
        gap: var(--mu-space-1);
      }
      .next .frame {
        max-height: none;
        min-height: 0;
      }
      .next-label {
        font-size: 0.875rem;
        font-weight: 700;
        color: var(--mu-text-muted);
      }
      @media (max-width: 760px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        .side {
          grid-template-columns: auto minmax(0, 1fr);
          justify-items: start;
          text-align: left;
          align-items: center;
        }
        .ring {
          width: 96px;
          height: 96px;
        }
        .ring .secs {
          font-size: 1.5rem;
        }
        .next {
          grid-column: 1 / -1;
        }
      }
    `,
  ];

  @property({ attribute: false }) block!: PechaKuchaBlock;
  @property({ attribute: false }) position!: TalkPosition;
  @property({ type: Number }) now = 0;

  override render() {
    const { block, position: pos } = this;
    const talk = block.talks[pos.talkIndex];
    if (!talk) return nothing;
    const t = scheduleTime(block, this.now);
    const total = block.format.slides;
    const label = msg(str`Folie ${pos.slideIndex + 1} von ${total}`, { id: 'pk.slideOf' });
    const slide = talk.deck?.slides[pos.slideIndex] ?? null;
    const nextSlide = talk.deck?.slides[pos.slideIndex + 1] ?? null;
    const isLast = pos.slideIndex + 1 >= total;
    const done = doneFraction(pos.slideStartAt, block.format.slideMs, t);
    return html`<section aria-labelledby="pkp-title" data-testid="pk-presenter-view">
      <div>
        <p class="kicker">${msg('Sie präsentieren gerade', { id: 'pk.presenter.kicker' })}</p>
        <h2 id="pkp-title" data-testid="pk-talk-title">${talk.title}</h2>
      </div>
      <div class="layout">
        <figure class="frame">
          ${slide
            ? html`<img data-testid="pk-slide" data-slide-index=${pos.slideIndex} data-talk-index=${pos.talkIndex} src=${slide.url} alt=${slide.text || label} />`
            : html`<div class="placeholder" role="img" aria-label=${label} data-testid="pk-slide" data-slide-index=${pos.slideIndex} data-talk-index=${pos.talkIndex}>
                <span class="big">${label}</span>
              </div>`}
          ${pos.paused
            ? html`<span class="paused-badge" data-testid="pk-paused">${icon('pause')}${msg('Pausiert', { id: 'pk.paused' })}</span>`
            : nothing}
        </figure>
        <div class="side">
          <div class="ring" data-testid="pk-ring" role="img" aria-label=${msg(str`Noch ${secondsLeft(pos.slideEndsAt, t)} Sekunden auf dieser Folie`, { id: 'pk.presenter.ringLabel' })}>
            <svg viewBox="0 0 100 100" aria-hidden="true">
              <circle class="track" cx="50" cy="50" r="45"></circle>
              <circle class="run" cx="50" cy="50" r="45" style=${styleMap({ 'stroke-dashoffset': String(RING * done) })}></circle>
            </svg>
            <span class="secs" aria-hidden="true">${secondsLeft(pos.slideEndsAt, t)}<span class="unit">${msg('Sek.', { id: 'pk.presenter.secUnit' })}</span></span>
          </div>
          <div>
            <p data-testid="pk-slide-number"><strong>${label}</strong></p>
            <p class="talk-left">
              ${msg('Vortrag noch', { id: 'pk.presenter.talkLeft' })}
              <strong data-testid="pk-talk-remaining">${formatRemaining(pos.talkEndsAt - t)}</strong>
            </p>
          </div>
          <div class="next" data-testid="pk-next-slide">
            <span class="next-label">${isLast ? msg('Das ist die letzte Folie.', { id: 'pk.presenter.last' }) : msg('Nächste Folie', { id: 'pk.presenter.next' })}</span>
            ${isLast
              ? nothing
              : html`<div class="frame">
                  ${nextSlide
                    ? html`<img src=${nextSlide.url} alt=${nextSlide.text || msg(str`Folie ${pos.slideIndex + 2} von ${total}`, { id: 'pk.slideOf' })} />`
                    : html`<div class="placeholder"><span>${msg(str`Folie ${pos.slideIndex + 2} von ${total}`, { id: 'pk.slideOf' })}</span></div>`}
                </div>`}
          </div>
        </div>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-pk-presenter-view': PkPresenterView;
  }
}
