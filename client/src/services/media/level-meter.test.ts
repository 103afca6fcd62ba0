import { describe, expect, it } from 'vitest';
import { METER_FLOOR_DB, meterLevel, rmsLevel } from './level-meter.js';

describe('audio level', () => {
  it('RMS of silence is 0, of a full-scale square wave 1, of a full-scale sine ≈ 0.707', () => {
    expect(rmsLevel(new Float32Array(128))).toBe(0);
    expect(rmsLevel([])).toBe(0);
    expect(rmsLevel([1, -1, 1, -1])).toBe(1);
    const sine = Array.from({ length: 1000 }, (_, i) => Math.sin((2 * Math.PI * i) / 100));
    expect(rmsLevel(sine)).toBeCloseTo(Math.SQRT1_2, 3);
  });

  it('the meter is logarithmic: floor → 0, full scale → 1, −30 dBFS half way', () => {
    expect(meterLevel(0)).toBe(0);
    expect(meterLevel(10 ** (METER_FLOOR_DB / 20) / 2)).toBe(0);
    expect(meterLevel(1)).toBe(1);
    expect(meterLevel(10 ** (-30 / 20))).toBeCloseTo(0.5, 5);
    expect(meterLevel(Number.NaN)).toBe(0);
  });

  it('typical speech at a headset (RMS 0.03–0.1) lands in the upper half of the bar', () => {
    expect(meterLevel(0.03)).toBeGreaterThan(0.45);
    expect(meterLevel(0.1)).toBeGreaterThan(0.6);
  });
});
