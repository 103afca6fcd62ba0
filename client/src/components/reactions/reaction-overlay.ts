/**
 * <mashup-reaction-overlay> — shows the aggregated reaction bursts the server
 * sends: bubbles with icon, label and count float up over the main view and
 * fade. With prefers-reduced-motion they are plain counters that disappear
 * after a few seconds. Decorative (aria-hidden): reactions are ambient and
 * must not flood screen readers; nothing else depends on them.
 */
import { localized } from '@lit/localize';
import { REACTION_KINDS, type ReactionBurst, type ReactionKind } from '@mashup/shared';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { SessionController } from '../../context.js';
import type { Disposer } from '../../services/clock.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';
import { REACTION_ICONS, reactionLabel } from './reaction-kinds.js';

interface Bubble {
  id: number;
  kind: ReactionKind;
  count: number;
  /** Horizontal start position in % of the overlay width. */
  x: number;
}

/** How long a bubble lives; matches the CSS animation. */
const BUBBLE_MS = 2_800;
/** More bubbles at once only add noise; the newest win. */
const MAX_BUBBLES = 24;

@customElement('mashup-reaction-overlay')
@localized()
export class ReactionOverlay extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: absolute;
        inset: 0;
        pointer-events: none;
        overflow: hidden;
      }
      .bubble {
        position: absolute;
        bottom: 8px;
        left: var(--x);
        display: inline-flex;
        align-items: center;
        gap: 6px;
        padding: 4px 12px;
        border-radius: 999px;
        background: var(--mu-surface);
        border: 1px solid var(--mu-border-soft);
        box-shadow: var(--mu-shadow);
        font-weight: 700;
        white-space: nowrap;
        animation: float 2.8s ease-out forwards;
      }
      .bubble svg {
        width: 22px;
        height: 22px;
        color: var(--mu-primary);
      }
      .bubble[data-kind='heart'] svg {
        color: var(--mu-danger);
      }
      @keyframes float {
        0% {
          transform: translateY(0) scale(0.8);
          opacity: 0;
        }
        10% {
          opacity: 1;
          transform: translateY(-10px) scale(1);
        }
        80% {
          opacity: 1;
        }
        100% {
          transform: translateY(-220px);
          opacity: 0;
        }
      }
      .counters {
        position: absolute;
        right: 12px;
        bottom: 12px;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        justify-content: flex-end;
      }
      .counters .bubble {
        position: static;
        animation: none;
      }
      @media (prefers-reduced-motion: reduce) {
        .bubble {
          animation: none;
        }
      }
    `,
  ];

  @state() private bubbles: Bubble[] = [];
  readonly #live = new SessionController(this);
  readonly #reducedMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
  #unsubscribe: Disposer | undefined;
  #subscribedTo: unknown = null;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #nextId = 1;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('aria-hidden', 'true');
  }

  override disconnectedCallback(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = null;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    super.disconnectedCallback();
  }

  protected override updated(): void {
    // (Re)subscribe when the session from the context is known or replaced.
    const session = this.#live.session;
    if (!session || session === this.#subscribedTo) return;
    this.#unsubscribe?.();
    this.#subscribedTo = session;
    this.#unsubscribe = session.onBurst((b) => this.#onBurst(b));
  }

  override render() {
    if (this.#reducedMotion?.matches) {
      // Sum per kind: a calm counter instead of motion.
      const totals = new Map<ReactionKind, number>();
      for (const b of this.bubbles) totals.set(b.kind, (totals.get(b.kind) ?? 0) + b.count);
      return html`<div class="counters">
        ${REACTION_KINDS.filter((k) => totals.has(k)).map((k) => this.#bubble(k, totals.get(k)!, null))}
      </div>`;
    }
    return repeat(
      this.bubbles,
      (b) => b.id,
      (b) => this.#bubble(b.kind, b.count, b.x),
    );
  }

  #bubble(kind: ReactionKind, count: number, x: number | null) {
    return html`<span class="bubble" data-testid="reaction-bubble" data-kind=${kind} style=${styleMap(x === null ? {} : { '--x': `${x}%` })}>
      ${icon(REACTION_ICONS[kind])}<span>${reactionLabel(kind)}</span>${count > 1 ? html`<span>×${count}</span>` : ''}
    </span>`;
  }

  #onBurst(burst: ReactionBurst): void {
    const added: Bubble[] = [];
    for (const kind of REACTION_KINDS) {
      const count = burst.counts[kind];
      if (!count) continue;
      added.push({ id: this.#nextId++, kind, count, x: 5 + Math.random() * 70 });
    }
    if (!added.length) return;
    this.bubbles = [...this.bubbles, ...added].slice(-MAX_BUBBLES);
    const ids = new Set(added.map((b) => b.id));
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.bubbles = this.bubbles.filter((b) => !ids.has(b.id));
    }, BUBBLE_MS);
    this.#timers.add(timer);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-reaction-overlay': ReactionOverlay;
  }
}
