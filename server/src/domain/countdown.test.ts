import { describe, expect, it } from 'vitest';
import { countdownRemainingMs, formatRemaining } from '@mashup/shared';
import { FakeClock } from '../test-support/fake-clock.js';
import * as countdown from './countdown.js';

const ctxAt = (clock: FakeClock) => ({ now: clock.now(), newId: () => 'cd1' });

describe('countdown schedule (rule T1)', () => {
  it('start: the remaining time follows the clock, and never goes below zero', () => {
    const clock = new FakeClock();
    const c = countdown.start('Kaffeepause', 600_000, ctxAt(clock));
    expect(countdownRemainingMs(c, clock.now())).toBe(600_000);
    clock.advance(125_000);
    expect(countdownRemainingMs(c, clock.now())).toBe(475_000);
    clock.advance(10 * 60_000);
    expect(countdownRemainingMs(c, clock.now())).toBe(0);
  });

  it('pause holds the remaining time; resume continues from there', () => {
    const clock = new FakeClock();
    let c = countdown.start('', 60_000, ctxAt(clock));
    clock.advance(20_000);
    c = countdown.pause(c, clock.now());
    clock.advance(300_000);
    expect(countdownRemainingMs(c, clock.now())).toBe(40_000);
    c = countdown.resume(c, clock.now());
    clock.advance(15_000);
    expect(countdownRemainingMs(c, clock.now())).toBe(25_000);
  });

  it('pausing a paused countdown → countdown.not_running; resuming a running one → countdown.not_paused', () => {
    const clock = new FakeClock();
    const c = countdown.start('', 60_000, ctxAt(clock));
    expect(() => countdown.resume(c, clock.now())).toThrow(expect.objectContaining({ code: 'countdown.not_paused' }));
    const p = countdown.pause(c, clock.now());
    expect(() => countdown.pause(p, clock.now())).toThrow(expect.objectContaining({ code: 'countdown.not_running' }));
  });

  it('+1 minute adds to running and paused countdowns, and restarts an expired one from now', () => {
    const clock = new FakeClock();
    let c = countdown.start('', 60_000, ctxAt(clock));
    clock.advance(30_000);
    c = countdown.extend(c, 60_000, clock.now());
    expect(countdownRemainingMs(c, clock.now())).toBe(90_000);
    c = countdown.pause(c, clock.now());
    c = countdown.extend(c, 60_000, clock.now());
    expect(c.pausedRemainingMs).toBe(150_000);
    c = countdown.resume(c, clock.now());
    clock.advance(200_000);
    expect(countdownRemainingMs(c, clock.now())).toBe(0);
    c = countdown.extend(c, 60_000, clock.now());
    expect(countdownRemainingMs(c, clock.now())).toBe(60_000);
  });

  it('taking time away never goes below zero', () => {
    const clock = new FakeClock();
    let c = countdown.start('', 60_000, ctxAt(clock));
    c = countdown.extend(c, -120_000, clock.now());
    expect(countdownRemainingMs(c, clock.now())).toBe(0);
  });

  it('commands without a countdown → countdown.none', () => {
    expect(() => countdown.pause(null, 0)).toThrow(expect.objectContaining({ code: 'countdown.none' }));
    expect(() => countdown.extend(null, 1, 0)).toThrow(expect.objectContaining({ code: 'countdown.none' }));
    expect(() => countdown.stop(null)).toThrow(expect.objectContaining({ code: 'countdown.none' }));
  });

  it('formats mm:ss rounding up, and h:mm:ss for long ones', () => {
    expect(formatRemaining(600_000)).toBe('10:00');
    expect(formatRemaining(59_001)).toBe('01:00');
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(3_600_000 + 61_000)).toBe('1:01:01');
  });
});
