/**
 * Keeping a local <video> on the server's schedule (rule T2). Pure decisions;
 * the player component applies them to its element.
 *
 * Small differences are closed by playing slightly faster or slower (no
 * visible jump, pitch is preserved by browsers); large ones by seeking.
 */
import { videoPositionMs, type VideoPlayback } from '@mashup/shared';

/** Beyond this the element seeks: a rate nudge would take too long to catch up. */
export const SEEK_THRESHOLD_MS = 300;
/** Below this the element plays at normal speed (decoding jitter is a few ms). */
export const DEADBAND_MS = 40;
/** The largest speed change: 5 % is hard to notice in speech. */
export const MAX_RATE_NUDGE = 0.05;
/**
 * The nudge closes half of the difference per second (gain 1/2000 per ms):
 * fast enough to catch up within a few checks, gentle enough not to overshoot
 * with one check per second.
 */
const RATE_GAIN = 1 / 2000;

export type VideoCorrection = { kind: 'seek'; toMs: number } | { kind: 'rate'; rate: number };

/**
 * What to do with an element at `elementMs` that should be at `targetMs`.
 * Positive difference = the element is behind (play faster).
 */
export function videoCorrection(elementMs: number, targetMs: number): VideoCorrection {
  const diff = targetMs - elementMs;
  if (Math.abs(diff) > SEEK_THRESHOLD_MS) return { kind: 'seek', toMs: targetMs };
  if (Math.abs(diff) < DEADBAND_MS) return { kind: 'rate', rate: 1 };
  const nudge = Math.max(-MAX_RATE_NUDGE, Math.min(MAX_RATE_NUDGE, diff * RATE_GAIN));
  return { kind: 'rate', rate: 1 + nudge };
}

export interface VideoTarget {
  /** Where the element should be, clamped to the video's length when known. */
  positionMs: number;
  /** Whether it should be playing now (not paused by the host, not past its end). */
  playing: boolean;
  /** The schedule has run past the video's end. */
  ended: boolean;
}

/** The server schedule at `now`, for a video of `durationMs` (NaN/null while unknown). */
export function videoTarget(playback: VideoPlayback, now: number, durationMs: number | null): VideoTarget {
  const position = videoPositionMs(playback, now);
  const known = durationMs !== null && Number.isFinite(durationMs) && durationMs > 0;
  const ended = known && position >= durationMs;
  return {
    positionMs: known ? Math.min(position, durationMs) : position,
    playing: playback.pausedPositionMs === null && !ended,
    ended,
  };
}

/** mm:ss for a position in ms (rounded down, as players show elapsed time). */
export function formatPosition(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
