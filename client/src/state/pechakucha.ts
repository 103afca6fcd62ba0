/**
 * What the Pecha Kucha views derive from the block and the synced clock. Pure:
 * the position itself is `pkPositionAt` from shared (the server uses the same
 * function); this module adds what only a screen needs — when to look again,
 * which slides to fetch ahead, what "your talk" means.
 */
import {
  pkPositionAt,
  type PechaKuchaBlock,
  type PkPosition,
  type Slide,
  type Talk,
} from '@mashup/shared';

/** How many slides after the current one are fetched and decoded ahead. */
export const PRELOAD_AHEAD = 3;

/**
 * The next server time at which anything on screen changes: the slide switch
 * or the end of the break (exact, from the schedule), or the next whole second
 * of a displayed countdown (`deadlines`: server times counted down to in whole
 * seconds, e.g. the slide's and the talk's end). null when nothing will change
 * by itself (idle, paused, held, ended).
 *
 * The caller sets one timer for `at - serverNow()` and asks again after it fired
 * or after any patch: the display is always recomputed from the clock, never by
 * counting timer callbacks, so a late timer cannot make it drift.
 */
export function pkNextWakeAt(pos: PkPosition, now: number, secondsFor: readonly number[] = []): number | null {
  let change: number | null = null;
  if (pos.phase === 'talk' && !pos.paused) change = pos.slideEndsAt;
  if (pos.phase === 'break' && !pos.paused) change = pos.breakEndsAt;
  if (change === null) return null;
  let at = change;
  for (const deadline of secondsFor) {
    const tick = nextSecondTick(deadline, now);
    if (tick !== null && tick < at) at = tick;
  }
  return at;
}

/**
 * When `ceil((deadline - t) / 1000)` (the whole seconds shown) next changes
 * after `now`, or null once the deadline has passed.
 */
export function nextSecondTick(deadline: number, now: number): number | null {
  const left = deadline - now;
  if (left <= 0) return null;
  const shown = Math.ceil(left / 1000);
  return deadline - (shown - 1) * 1000;
}

/** Whole seconds shown for a deadline (rounded up, so 0 means really over). */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * How much of a slide has passed, 0…1, in whole seconds as shown (so the bar
 * and the ring move with the "noch n s" text, once per second).
 */
export function doneFraction(startAt: number, durationMs: number, t: number): number {
  if (durationMs <= 0) return 1;
  const left = secondsLeft(startAt + durationMs, t) * 1000;
  return Math.max(0, Math.min(1, 1 - left / durationMs));
}

/** The time the schedule is frozen at while paused, otherwise now. */
export function scheduleTime(block: PechaKuchaBlock | null, now: number): number {
  return block?.run?.pausedAt ?? now;
}

/** The talk after the current one (or the one the break leads to), if any. */
export function upcomingTalkIndex(block: PechaKuchaBlock, pos: PkPosition): number | null {
  if (pos.phase === 'idle') return block.talks.length > 0 ? 0 : null;
  if (pos.phase === 'break') return pos.nextTalkIndex;
  if (pos.phase === 'talk') return pos.talkIndex + 1 < block.talks.length ? pos.talkIndex + 1 : null;
  return null;
}

/**
 * The slides to have in memory now: the current one and the next
 * `ahead`, crossing into the next talk near a talk's end, in the break and
 * before the start, so that no switch waits for the network.
 */
export function pkPreloadUrls(block: PechaKuchaBlock | null, pos: PkPosition, ahead = PRELOAD_AHEAD): string[] {
  if (!block) return [];
  const urls: string[] = [];
  const push = (talk: Talk | undefined, from: number, count: number) => {
    const slides = talk?.deck?.slides ?? [];
    for (let i = from; i < slides.length && count > 0; i++, count--) urls.push(slides[i]!.url);
  };
  if (pos.phase === 'talk') {
    const talk = block.talks[pos.talkIndex];
    const left = block.format.slides - pos.slideIndex - 1;
    push(talk, pos.slideIndex, 1 + ahead);
    if (left < ahead) push(block.talks[pos.talkIndex + 1], 0, ahead - left);
  } else if (pos.phase === 'break') {
    push(block.talks[pos.nextTalkIndex], 0, 1 + ahead);
  } else if (pos.phase === 'idle') {
    push(block.talks[0], 0, 1 + ahead);
  }
  return urls;
}

/** The slide shown at a talk position, or null for a talk without a deck (a placeholder is shown). */
export function currentSlide(block: PechaKuchaBlock, pos: Extract<PkPosition, { phase: 'talk' }>): Slide | null {
  return block.talks[pos.talkIndex]?.deck?.slides[pos.slideIndex] ?? null;
}

/** Talks this participant presents (gets "Ihr Vortrag", may upload). */
export function talksPresentedBy(block: PechaKuchaBlock | null, participantId: string): Talk[] {
  return block ? block.talks.filter((t) => t.presenterId === participantId) : [];
}

/** Whether the block is under way (a talk or a break), i.e. set-up changes are refused. */
export function pkIsRunning(block: PechaKuchaBlock | null, now: number): boolean {
  const phase = pkPositionAt(block, now).phase;
  return phase === 'talk' || phase === 'break';
}

/**
 * Talks whose place is fixed (already given or running): a reorder must keep
 * the first `n` in place (the server refuses otherwise).
 */
export function fixedTalkCount(block: PechaKuchaBlock, pos: PkPosition): number {
  if (pos.phase === 'talk') return pos.talkIndex + 1;
  if (pos.phase === 'break') return pos.nextTalkIndex;
  if (pos.phase === 'ended') return block.talks.length;
  return 0;
}

/** Moves the item at `index` by `delta` places (clamped); a new array. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, index + delta));
  const next = [...items];
  if (to === index || index < 0 || index >= items.length) return next;
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Seconds as typed (comma or point) → slide duration in ms within the protocol's bounds, or null. */
export function parseSeconds(text: string, minMs: number, maxMs: number): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const seconds = Number(trimmed);
  if (!Number.isFinite(seconds)) return null;
  const ms = Math.round(seconds * 1000);
  return ms >= minMs && ms <= maxMs ? ms : null;
}
