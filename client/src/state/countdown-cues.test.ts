import { describe, expect, it } from 'vitest';
import { countdownCue } from './countdown-cues.js';

describe('countdown cues', () => {
  it('speaks when the last minute starts and when time is up', () => {
    expect(countdownCue(60_250, 60_000)).toBe('lastMinute');
    expect(countdownCue(61_000, 59_750)).toBe('lastMinute');
    expect(countdownCue(250, 0)).toBe('over');
  });

  it('stays silent between crossings, while paused (no change) and at zero', () => {
    expect(countdownCue(59_000, 58_750)).toBeNull();
    expect(countdownCue(120_000, 120_000)).toBeNull();
    expect(countdownCue(0, 0)).toBeNull();
  });

  it('a jump over the whole last minute (e.g. a stop at 90 s) says "over", not "last minute"', () => {
    expect(countdownCue(90_000, 0)).toBe('over');
  });

  it('+1 minute after the end and running out again speaks again', () => {
    expect(countdownCue(0, 60_000)).toBeNull();
    expect(countdownCue(250, 0)).toBe('over');
  });
});
