import { describe, expect, it } from 'vitest';
import { UNCHANGED } from './context.js';
import * as hands from './hands.js';

describe('raised hands queue', () => {
  it('keeps the order of raising; raising again keeps the place', () => {
    let q = hands.raise(null, 'a', 1) as hands.Hands;
    q = hands.raise(q, 'b', 2) as hands.Hands;
    expect(hands.raise(q, 'a', 3)).toBe(UNCHANGED);
    expect(q.map((h) => h.participantId)).toEqual(['a', 'b']);
  });

  it('lowering a hand that is not raised changes nothing', () => {
    expect(hands.lower([{ participantId: 'a', raisedAt: 1 }], 'b')).toBe(UNCHANGED);
    expect(hands.lower([{ participantId: 'a', raisedAt: 1 }], 'a')).toEqual([]);
    expect(hands.lowerAll([])).toBe(UNCHANGED);
    expect(hands.lowerAll([{ participantId: 'a', raisedAt: 1 }])).toEqual([]);
  });
});
