/**
 * Where a Pecha Kucha block stands at a given server time. Pure and shared:
 * the server uses it to rebase commands, every client to pick the slide to
 * show. Slide i of a talk that started at T shows during [T + i·s, T + (i+1)·s).
 */
import type { PechaKuchaBlock, VideoPlayback } from './protocol/pechakucha.js';

export type PkPosition =
  | { phase: 'idle' }
  | {
      phase: 'talk';
      talkIndex: number;
      slideIndex: number;
      /** Server times; while paused they describe the frozen schedule. */
      slideStartAt: number;
      slideEndsAt: number;
      talkStartAt: number;
      talkEndsAt: number;
      paused: boolean;
    }
  | {
      phase: 'break';
      /** The talk that just ended. */
      talkIndex: number;
      nextTalkIndex: number;
      breakStartAt: number;
      /** null while a host holds the break. */
      breakEndsAt: number | null;
      paused: boolean;
    }
  | { phase: 'ended' };

export function pkPositionAt(block: PechaKuchaBlock | null, now: number): PkPosition {
  const run = block?.run;
  if (!block || !run) return { phase: 'idle' };
  if (run.endedAt !== null) return { phase: 'ended' };
  const t = run.pausedAt ?? now;
  const paused = run.pausedAt !== null;
  const { slides, slideMs } = block.format;
  const talkMs = slides * slideMs;
  let k = run.talkIndex;
  let start = run.startAt;
  // Bounded by the number of talks: each pass moves to the next talk or returns.
  while (k < block.talks.length) {
    const talkEndsAt = start + talkMs;
    if (t < talkEndsAt) {
      // Before the anchor (clock skew, a "previous" just now): show slide 0.
      const slideIndex = Math.max(0, Math.min(slides - 1, Math.floor((t - start) / slideMs)));
      const slideStartAt = start + slideIndex * slideMs;
      return {
        phase: 'talk',
        talkIndex: k,
        slideIndex,
        slideStartAt,
        slideEndsAt: slideStartAt + slideMs,
        talkStartAt: start,
        talkEndsAt,
        paused,
      };
    }
    if (k === block.talks.length - 1) return { phase: 'ended' };
    if (run.hold) return { phase: 'break', talkIndex: k, nextTalkIndex: k + 1, breakStartAt: talkEndsAt, breakEndsAt: null, paused };
    const breakEndsAt = talkEndsAt + block.breakMs;
    if (t < breakEndsAt) {
      return { phase: 'break', talkIndex: k, nextTalkIndex: k + 1, breakStartAt: talkEndsAt, breakEndsAt, paused };
    }
    k += 1;
    start = breakEndsAt;
  }
  return { phase: 'ended' };
}

/** The next server time at which the position changes (slide switch, break start/end), or null. */
export function pkNextChangeAt(block: PechaKuchaBlock | null, now: number): number | null {
  const pos = pkPositionAt(block, now);
  if (pos.phase === 'talk') return pos.paused ? null : pos.slideEndsAt;
  if (pos.phase === 'break') return pos.paused ? null : pos.breakEndsAt;
  return null;
}

/** The participants on stage: hosts always, plus the presenter of the talk now showing. */
export function pkPresenterOnStage(block: PechaKuchaBlock | null, now: number): string | null {
  const pos = pkPositionAt(block, now);
  if (pos.phase !== 'talk' || !block) return null;
  return block.talks[pos.talkIndex]?.presenterId ?? null;
}

/**
 * The next server time at which the presenter on stage changes by the schedule
 * alone (a talk ends, the next one starts after its break), or null: the
 * moments the plenary's media rights change without anyone doing anything
 * (rule M2). It steps through pkNextChangeAt's own change points, so it
 * agrees with pkPositionAt to the millisecond.
 */
export function pkNextStageChangeAt(block: PechaKuchaBlock | null, now: number): number | null {
  const current = pkPresenterOnStage(block, now);
  // Within a talk every slide is a change point, then the break is one: that bounds the steps
  // to the next talk. Past it (talks without a presenter in a row) the caller looks again from there.
  const steps = (block?.format.slides ?? 0) + 2;
  let t = now;
  for (let i = 0; i < steps; i++) {
    const next = pkNextChangeAt(block, t);
    if (next === null) return null;
    if (pkPresenterOnStage(block, next) !== current) return next;
    t = next;
  }
  return t;
}

/**
 * Who is on stage in the plenary at server time `now`: every host, and the
 * presenter of the talk now showing. The media plane (a later issue) lets
 * exactly these publish audio and video in the plenary; everyone else receives.
 */
export function stageParticipantIds(
  participants: ReadonlyArray<{ id: string; role: string }>,
  block: PechaKuchaBlock | null,
  now: number,
): string[] {
  const ids = participants.filter((p) => p.role === 'host').map((p) => p.id);
  const presenter = pkPresenterOnStage(block, now);
  if (presenter && participants.some((p) => p.id === presenter) && !ids.includes(presenter)) ids.push(presenter);
  return ids;
}

/** Position of a shared video in ms at server time `now`. */
export function videoPositionMs(v: VideoPlayback, now: number): number {
  if (v.pausedPositionMs !== null) return v.pausedPositionMs;
  return Math.max(0, now - (v.startAt ?? now));
}
