import type { Countdown } from './protocol/model.js';

/** Milliseconds left on a countdown at server time `now` (never negative). */
export function countdownRemainingMs(countdown: Countdown, now: number): number {
  if (countdown.pausedRemainingMs !== null) return Math.max(0, countdown.pausedRemainingMs);
  if (countdown.endsAt === null) return 0;
  return Math.max(0, countdown.endsAt - now);
}

export function isCountdownPaused(countdown: Countdown): boolean {
  return countdown.pausedRemainingMs !== null;
}

/** mm:ss (or h:mm:ss), rounding up so "00:00" means really over. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
