import { describe, expect, it } from 'vitest';
import { DEADBAND_MS, MAX_RATE_NUDGE, SEEK_THRESHOLD_MS, formatPosition, videoCorrection, videoTarget } from './video-sync.js';

describe('drift correction (rule T2)', () => {
  it('more than 300 ms apart → seek to the schedule', () => {
    expect(videoCorrection(10_000, 10_000 + SEEK_THRESHOLD_MS + 1)).toEqual({ kind: 'seek', toMs: 10_301 });
    expect(videoCorrection(10_000, 9_000)).toEqual({ kind: 'seek', toMs: 9_000 });
  });

  it('within the deadband → normal speed', () => {
    expect(videoCorrection(10_000, 10_000)).toEqual({ kind: 'rate', rate: 1 });
    expect(videoCorrection(10_000, 10_000 + DEADBAND_MS - 1)).toEqual({ kind: 'rate', rate: 1 });
  });

  it('behind → a little faster, ahead → a little slower, never more than 5 %', () => {
    const behind = videoCorrection(10_000, 10_060);
    const ahead = videoCorrection(10_060, 10_000);
    expect(behind.kind === 'rate' && behind.rate).toBeCloseTo(1.03);
    expect(ahead.kind === 'rate' && ahead.rate).toBeCloseTo(0.97);
    const far = videoCorrection(10_000, 10_290);
    expect(far).toEqual({ kind: 'rate', rate: 1 + MAX_RATE_NUDGE });
  });
});

describe('the schedule for one element', () => {
  const playing = { videoId: 'v', startAt: 1_000, pausedPositionMs: null };
  const paused = { videoId: 'v', startAt: null, pausedPositionMs: 42_000 };

  it('playing: position = now − startAt', () => {
    expect(videoTarget(playing, 31_000, 120_000)).toEqual({ positionMs: 30_000, playing: true, ended: false });
  });

  it('a late joiner gets the current position even before the length is known', () => {
    expect(videoTarget(playing, 61_000, null)).toEqual({ positionMs: 60_000, playing: true, ended: false });
    expect(videoTarget(playing, 61_000, Number.NaN)).toEqual({ positionMs: 60_000, playing: true, ended: false });
  });

  it('paused: the frozen position, not playing', () => {
    expect(videoTarget(paused, 999_999, 120_000)).toEqual({ positionMs: 42_000, playing: false, ended: false });
  });

  it('past the end: clamped to the end, ended, not playing', () => {
    expect(videoTarget(playing, 200_000, 120_000)).toEqual({ positionMs: 120_000, playing: false, ended: true });
  });

  it('formats positions as players do (elapsed, rounded down)', () => {
    expect(formatPosition(0)).toBe('00:00');
    expect(formatPosition(59_999)).toBe('00:59');
    expect(formatPosition(3_723_000)).toBe('1:02:03');
  });
});
