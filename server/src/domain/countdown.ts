/**
 * The shared countdown as a schedule (DESIGN.md: schedules instead of ticks).
 * Each command turns the stored schedule into a new one; clients compute the
 * remaining time themselves.
 */
import { countdownRemainingMs, type Countdown } from '@mashup/shared';
import type { DomainContext } from './context.js';
import { refuse } from './errors.js';

export function start(label: string, durationMs: number, ctx: DomainContext): Countdown {
  return { id: ctx.newId(), label, totalMs: durationMs, endsAt: ctx.now + durationMs, pausedRemainingMs: null };
}

export function pause(c: Countdown | null, now: number): Countdown {
  const cur = require(c);
  if (cur.pausedRemainingMs !== null) return refuse('countdown.not_running', 'The countdown is already paused.');
  return { ...cur, endsAt: null, pausedRemainingMs: countdownRemainingMs(cur, now) };
}

export function resume(c: Countdown | null, now: number): Countdown {
  const cur = require(c);
  if (cur.pausedRemainingMs === null) return refuse('countdown.not_paused', 'The countdown is not paused.');
  return { ...cur, endsAt: now + cur.pausedRemainingMs, pausedRemainingMs: null };
}

/**
 * Adds (or with a negative delta, takes away) time. An expired countdown that is
 * extended starts running again from now, which is what a host pressing "+1 min"
 * after the bell expects.
 */
export function extend(c: Countdown | null, deltaMs: number, now: number): Countdown {
  const cur = require(c);
  const left = Math.max(0, countdownRemainingMs(cur, now) + deltaMs);
  const totalMs = Math.max(cur.totalMs + deltaMs, left);
  if (cur.pausedRemainingMs !== null) return { ...cur, totalMs, pausedRemainingMs: left };
  return { ...cur, totalMs, endsAt: now + left };
}

export function stop(c: Countdown | null): null {
  require(c);
  return null;
}

function require(c: Countdown | null): Countdown {
  return c ?? refuse('countdown.none', 'There is no countdown.');
}
