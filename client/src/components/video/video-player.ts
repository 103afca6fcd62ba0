/**
 * <mashup-video-player> — the video greeting that plays for everyone. The
 * host's play, pause and seek are a schedule in server time; this element
 * follows it: on every patch it seeks to `videoPositionMs(playback, serverNow)`,
 * and while playing it checks once a second and corrects drift (re-seek beyond
 * 300 ms, otherwise a slight change of playback speed). A late joiner starts at
 * the current position.
 *
 * Autoplay: it tries with sound; when the browser refuses (NotAllowedError) it
 * plays muted and shows a clear "Ton an" button (a click is the gesture the
 * browser needs). No native controls: pausing or seeking locally would only
 * be undone by the next correction; volume is the person's own.
 */
import { localized, msg } from '@lit/localize';
import type { VideoAsset, VideoPlayback } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { systemClock, type Disposer } from '../../services/clock.js';
import { DEADBAND_MS, formatPosition, videoCorrection, videoTarget } from '../../state/video-sync.js';
import { baseStyles } from '../../styles/shared.js';
import { kickerStyles, stageCardStyles } from '../../styles/stage.js';

/** How often a playing video is compared with the schedule. */
const CHECK_MS = 1_000;

@customElement('mashup-video-player')
@localized()
export class VideoPlayer extends LitElement {
  static override styles = [
    baseStyles,
    stageCardStyles,
    kickerStyles,
    css`
      h2 {
        font-size: clamp(1.125rem, 2.5vw, 1.5rem);
        overflow-wrap: anywhere;
      }
      .frame {
        position: relative;
        width: 100%;
        background: #000;
        border-radius: var(--mu-radius);
        overflow: hidden;
        aspect-ratio: 16 / 9;
        max-height: calc(100dvh - 300px);
        min-height: 180px;
      }
      video {
        display: block;
        width: 100%;
        height: 100%;
        object-fit: contain;
      }
      .badge-paused {
        position: absolute;
        top: var(--mu-space-3);
        left: var(--mu-space-3);
        display: inline-flex;
        align-items: center;
        gap: var(--mu-space-2);
        padding: 4px 12px;
        border-radius: 999px;
        background: var(--mu-warning-soft);
        color: var(--mu-warning);
        border: 2px solid var(--mu-warning);
        font-weight: 700;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mu-space-2) var(--mu-space-4);
      }
      .position {
        font-family: var(--mu-font-mono);
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .unmute {
        font-size: 1.125rem;
        min-height: 48px;
      }
      .blocked {
        font-weight: 600;
      }
    `,
  ];

  /** Sound blocked by the browser's autoplay rule until the person clicks "Ton an". */
  @state() private blocked = false;
  /** Muted by the person (after unmuting once). */
  @state() private muted = false;
  @state() private durationMs: number | null = null;
  @query('video') private video?: HTMLVideoElement;
  readonly #live = new SessionController(this);
  #playback: VideoPlayback | null = null;
  #timer: Disposer | null = null;
  #playing: Promise<void> | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopChecks();
  }

  override render() {
    const view = this.#live.view;
    const playback = view?.video ?? null;
    const asset = playback ? view?.videos.find((v) => v.id === playback.videoId) : undefined;
    if (!playback || !asset) return nothing;
    const target = videoTarget(playback, this.#now(), this.durationMs);
    const state = target.ended ? 'ended' : target.playing ? 'playing' : 'paused';
    return html`<section aria-labelledby="video-title" data-testid="video-player" data-video-id=${asset.id} data-state=${state}>
      <div>
        <p class="kicker">${msg('Videobotschaft', { id: 'video.kicker' })}</p>
        <h2 id="video-title" data-testid="video-title">${asset.title}</h2>
      </div>
      <div class="frame">
        <video
          src=${asset.url}
          playsinline
          preload="auto"
          .muted=${this.blocked || this.muted}
          aria-label=${asset.title}
          @loadedmetadata=${this.#metadata}
          @durationchange=${this.#metadata}
        ></video>
        ${state === 'paused'
          ? html`<span class="badge-paused" data-testid="video-paused">${icon('pause')}${msg('Pausiert', { id: 'pk.paused' })}</span>`
          : nothing}
      </div>
      <div class="row">
        ${this.blocked
          ? html`<button class="btn primary unmute" type="button" data-testid="video-unmute" @click=${this.#unmute}>
                ${icon('megaphone')}${msg('Ton an', { id: 'video.unmute' })}
              </button>
              <span class="blocked">${msg('Ihr Browser hat den Ton zunächst stummgeschaltet.', { id: 'video.blocked' })}</span>`
          : html`<button class="btn" type="button" data-testid="video-mute-toggle" aria-pressed=${this.muted ? 'true' : 'false'} @click=${() => (this.muted = !this.muted)}>
              ${icon('megaphone')}${msg('Stumm', { id: 'video.mute' })}
            </button>`}
        <span class="position" data-testid="video-position">
          ${formatPosition(target.positionMs)}${this.durationMs ? ` / ${formatPosition(this.durationMs)}` : ''}
        </span>
        ${state === 'ended' ? html`<span data-testid="video-ended">${msg('Das Video ist zu Ende.', { id: 'video.ended' })}</span>` : nothing}
      </div>
    </section>`;
  }

  protected override updated(): void {
    const playback = this.#live.view?.video ?? null;
    const changed = playback !== this.#playback;
    this.#playback = playback;
    this.#follow(changed);
  }

  #now(): number {
    return this.#live.session?.clock.serverNow() ?? 0;
  }

  /**
   * Brings the element onto the schedule. `exact`: a new schedule arrived (play,
   * pause, seek): jump to it unless already within the deadband; otherwise only
   * large differences seek and small ones are nudged.
   */
  #follow(exact: boolean): void {
    const el = this.video;
    const playback = this.#playback;
    if (!el || !playback) {
      this.#stopChecks();
      return;
    }
    const target = videoTarget(playback, this.#now(), this.durationMs);
    const currentMs = el.currentTime * 1000;
    if (!target.playing) {
      this.#stopChecks();
      if (!el.paused) el.pause();
      el.playbackRate = 1;
      if (Math.abs(currentMs - target.positionMs) > DEADBAND_MS) el.currentTime = target.positionMs / 1000;
      return;
    }
    if (el.paused) {
      el.currentTime = target.positionMs / 1000;
      el.playbackRate = 1;
      void this.#play(el);
    } else {
      const correction = exact && Math.abs(currentMs - target.positionMs) > DEADBAND_MS
        ? { kind: 'seek' as const, toMs: target.positionMs }
        : videoCorrection(currentMs, target.positionMs);
      if (correction.kind === 'seek') {
        el.currentTime = correction.toMs / 1000;
        el.playbackRate = 1;
      } else {
        el.playbackRate = correction.rate;
      }
    }
    this.#scheduleCheck();
  }

  /** play() with sound; if the browser refuses, muted, with the "Ton an" button. */
  #play(el: HTMLVideoElement): Promise<void> {
    this.#playing ??= el
      .play()
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'NotAllowedError' && !el.muted) {
          this.blocked = true;
          el.muted = true;
          return el.play();
        }
        // AbortError: a pause or new source interrupted play(); the next check decides again.
        if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('mashup: video play failed', error);
        return undefined;
      })
      .catch((error: unknown) => console.warn('mashup: muted video play failed', error))
      .finally(() => {
        this.#playing = null;
      });
    return this.#playing;
  }

  #scheduleCheck(): void {
    if (this.#timer) return;
    // The check runs in updated() (#follow), which also refreshes the position text.
    this.#timer = systemClock.setTimeout(() => {
      this.#timer = null;
      this.requestUpdate();
    }, CHECK_MS);
  }

  #stopChecks(): void {
    this.#timer?.();
    this.#timer = null;
  }

  #metadata = (): void => {
    const d = this.video?.duration;
    this.durationMs = d !== undefined && Number.isFinite(d) ? d * 1000 : null;
  };

  #unmute = (): void => {
    const el = this.video;
    this.blocked = false;
    this.muted = false;
    if (!el) return;
    el.muted = false;
    // This click is the user gesture the browser asked for.
    if (el.paused && this.#playback?.pausedPositionMs === null) void this.#play(el);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-video-player': VideoPlayer;
  }
}
