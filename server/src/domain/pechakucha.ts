/**
 * Pecha Kucha rules: setting up a block and running it. Every command turns the
 * stored schedule into a new one (rule T1); `rebase` first moves the anchor to
 * the talk showing now, so each rule only reasons about the current talk.
 */
import {
  pkPositionAt,
  type Deck,
  type PechaKuchaBlock,
  type PechaKuchaRun,
  type PkPosition,
  type Talk,
} from '@mashup/shared';
import type { z } from 'zod';
import type { PechaKuchaSetup } from '@mashup/shared';
import type { DomainContext } from './context.js';
import { UNCHANGED, type Unchanged } from './context.js';
import { refuse } from './errors.js';

export type SetupInput = z.output<typeof PechaKuchaSetup>;

export function setup(current: PechaKuchaBlock | null, input: SetupInput, ctx: DomainContext): PechaKuchaBlock {
  if (current && isRunning(current, ctx.now)) {
    return refuse('pechakucha.running', 'The block is running; end it before changing it.');
  }
  const previous = new Map((current?.talks ?? []).map((t) => [t.id, t]));
  const talks: Talk[] = input.talks.map((t) => {
    const kept = t.id ? previous.get(t.id) : undefined;
    if (t.id && !kept) refuse('pechakucha.talk_not_found', `No talk ${t.id} in this block.`);
    // A kept deck must still fit the format: otherwise the presenter uploads again.
    const deck = kept?.deck && kept.deck.slides.length === input.format.slides ? kept.deck : null;
    return {
      id: kept?.id ?? ctx.newId(),
      title: t.title,
      presenterId: t.presenterId,
      presenterName: t.presenterName,
      municipality: t.municipality,
      deck,
    };
  });
  return { id: current?.id ?? ctx.newId(), title: input.title, format: input.format, breakMs: input.breakMs, talks, run: null };
}

export function clear(current: PechaKuchaBlock | null, now: number): null {
  const block = requireBlock(current);
  if (isRunning(block, now)) refuse('pechakucha.running', 'The block is running; end it first.');
  return null;
}

export function start(current: PechaKuchaBlock | null, now: number): PechaKuchaBlock {
  const block = requireBlock(current);
  if (block.talks.length === 0) refuse('pechakucha.no_talks', 'The block has no talks.');
  if (isRunning(block, now)) refuse('pechakucha.running', 'The block is already running.');
  return withRun(block, { talkIndex: 0, startAt: now, pausedAt: null, hold: false, endedAt: null });
}

export function pause(current: PechaKuchaBlock | null, now: number): PechaKuchaBlock {
  const { block, run } = requireRunning(current, now);
  if (run.pausedAt !== null) refuse('pechakucha.not_running', 'The block is already paused.');
  return withRun(block, { ...run, pausedAt: now });
}

/** Everyone continues on the same slide with the time it had left. */
export function resume(current: PechaKuchaBlock | null, now: number): PechaKuchaBlock {
  const { block, run } = requireRunning(current, now);
  if (run.pausedAt === null) refuse('pechakucha.not_running', 'The block is not paused.');
  return withRun(block, { ...run, startAt: run.startAt + (now - run.pausedAt!), pausedAt: null });
}

/**
 * One slide back, and that slide gets its full time again. In a break, back to
 * the last slide of the talk that just ended.
 */
export function previous(current: PechaKuchaBlock | null, now: number): PechaKuchaBlock | Unchanged {
  const { block, run, pos, t } = requireRunning(current, now);
  const { slideMs, slides } = block.format;
  if (pos.phase === 'talk') {
    if (pos.slideIndex === 0) return UNCHANGED;
    return withRun(block, { ...run, talkIndex: pos.talkIndex, startAt: t - (pos.slideIndex - 1) * slideMs });
  }
  if (pos.phase === 'break') {
    return withRun(block, { ...run, talkIndex: pos.talkIndex, startAt: t - (slides - 1) * slideMs, hold: false });
  }
  return UNCHANGED;
}

/** The next talk starts now (from a talk or a break); after the last talk the block ends. */
export function skip(current: PechaKuchaBlock | null, now: number): PechaKuchaBlock {
  const { block, run, pos, t } = requireRunning(current, now);
  const next = pos.phase === 'break' ? pos.nextTalkIndex : pos.phase === 'talk' ? pos.talkIndex + 1 : block.talks.length;
  if (next >= block.talks.length) return withRun(block, { ...run, endedAt: now, pausedAt: null });
  return withRun(block, { talkIndex: next, startAt: t, pausedAt: run.pausedAt === null ? null : t, hold: false, endedAt: null });
}

/**
 * Hold keeps the break after the current talk going; releasing a break that is
 * already over its time starts the next talk now.
 */
export function hold(current: PechaKuchaBlock | null, holdIt: boolean, now: number): PechaKuchaBlock | Unchanged {
  const { block, run, pos, t } = requireRunning(current, now);
  if (run.hold === holdIt) return UNCHANGED;
  if (holdIt) return withRun(block, rebase(block, run, pos, holdIt));
  if (pos.phase === 'break' && pos.breakEndsAt === null) {
    const overdue = t >= pos.breakStartAt + block.breakMs;
    if (overdue) return withRun(block, { ...run, talkIndex: pos.nextTalkIndex, startAt: t, hold: false });
    // Released within the break's time: the break ends as scheduled.
    return withRun(block, rebase(block, run, pos, false));
  }
  return withRun(block, { ...run, hold: false });
}

/** New order of all talks; talks already given or running must keep their places. */
export function reorder(current: PechaKuchaBlock | null, talkIds: string[], now: number): PechaKuchaBlock | Unchanged {
  const block = requireBlock(current);
  const ids = block.talks.map((t) => t.id);
  if (talkIds.length !== ids.length || new Set(talkIds).size !== ids.length || !talkIds.every((id) => ids.includes(id))) {
    return refuse('pechakucha.reorder_invalid', 'The new order must list every talk exactly once.');
  }
  const pos = pkPositionAt(block, now);
  const fixed = pos.phase === 'talk' ? pos.talkIndex + 1 : pos.phase === 'break' ? pos.nextTalkIndex : pos.phase === 'ended' ? ids.length : 0;
  for (let i = 0; i < fixed; i++) {
    if (talkIds[i] !== ids[i]) refuse('pechakucha.reorder_invalid', 'Talks already given or running keep their places.');
  }
  if (talkIds.every((id, i) => id === ids[i])) return UNCHANGED;
  const byId = new Map(block.talks.map((t) => [t.id, t]));
  const talks = talkIds.map((id) => byId.get(id)!);
  if (!block.run || pos.phase === 'idle' || pos.phase === 'ended') return { ...block, talks };
  // The anchor must point at the same talk under its (unchanged) index.
  return { ...block, talks, run: rebase(block, block.run, pos, block.run.hold) };
}

export function end(current: PechaKuchaBlock | null, now: number): PechaKuchaBlock {
  const { block, run } = requireRunning(current, now);
  return withRun(block, { ...run, pausedAt: null, endedAt: now });
}

/** Attaches an uploaded deck; its slide count was checked against the format at upload. */
export function attachDeck(current: PechaKuchaBlock | null, talkId: string, deck: Deck, now: number): PechaKuchaBlock {
  const block = requireBlock(current);
  const index = block.talks.findIndex((t) => t.id === talkId);
  if (index < 0) return refuse('pechakucha.talk_not_found', `No talk ${talkId} in this block.`);
  if (deck.slides.length !== block.format.slides) {
    return refuse('upload.slide_count', `The deck has ${deck.slides.length} slides; the format needs ${block.format.slides}.`);
  }
  const pos = pkPositionAt(block, now);
  if (pos.phase === 'talk' && pos.talkIndex === index) {
    refuse('pechakucha.running', 'This talk is being given; its deck cannot change now.');
  }
  return { ...block, talks: block.talks.map((t, i) => (i === index ? { ...t, deck } : t)) };
}

export function setSlideText(
  current: PechaKuchaBlock | null,
  talkId: string,
  index: number,
  text: string,
  actor: { id: string; isHost: boolean },
): PechaKuchaBlock | Unchanged {
  const block = requireBlock(current);
  const talk = block.talks.find((t) => t.id === talkId) ?? refuse('pechakucha.talk_not_found', `No talk ${talkId}.`);
  if (!actor.isHost && talk.presenterId !== actor.id) {
    refuse('auth.forbidden', 'Only the presenter of this talk or a host may edit its slides.');
  }
  const slide = talk.deck?.slides[index] ?? refuse('pechakucha.talk_not_found', `Slide ${index + 1} does not exist.`);
  if (slide.text === text) return UNCHANGED;
  const deck = { ...talk.deck!, slides: talk.deck!.slides.map((s, i) => (i === index ? { ...s, text } : s)) };
  return { ...block, talks: block.talks.map((t) => (t.id === talkId ? { ...t, deck } : t)) };
}

/** Whether a person may upload a deck for a talk: its presenter, or a host. */
export function mayUploadFor(block: PechaKuchaBlock | null, talkId: string, actor: { id: string; isHost: boolean }): boolean {
  const talk = block?.talks.find((t) => t.id === talkId);
  if (!talk) return refuse('pechakucha.talk_not_found', `No talk ${talkId}.`);
  return actor.isHost || talk.presenterId === actor.id;
}

function isRunning(block: PechaKuchaBlock, now: number): boolean {
  const phase = pkPositionAt(block, now).phase;
  return phase === 'talk' || phase === 'break';
}

function requireBlock(b: PechaKuchaBlock | null): PechaKuchaBlock {
  return b ?? refuse('pechakucha.none', 'There is no Pecha Kucha block.');
}

function requireRunning(current: PechaKuchaBlock | null, now: number) {
  const block = requireBlock(current);
  const run = block.run;
  const pos = pkPositionAt(block, now);
  if (!run || (pos.phase !== 'talk' && pos.phase !== 'break')) {
    return refuse('pechakucha.not_running', 'The block is not running.');
  }
  return { block, run, pos, t: run.pausedAt ?? now };
}

/** The same schedule, anchored at the talk showing (or just ended) at the position's time. */
function rebase(block: PechaKuchaBlock, run: PechaKuchaRun, pos: PkPosition, holdIt: boolean): PechaKuchaRun {
  if (pos.phase === 'talk') return { ...run, talkIndex: pos.talkIndex, startAt: pos.talkStartAt, hold: holdIt };
  if (pos.phase === 'break') {
    const talkMs = block.format.slides * block.format.slideMs;
    return { ...run, talkIndex: pos.talkIndex, startAt: pos.breakStartAt - talkMs, hold: holdIt };
  }
  return { ...run, hold: holdIt };
}

function withRun(block: PechaKuchaBlock, run: PechaKuchaRun): PechaKuchaBlock {
  return { ...block, run };
}
