import { pkPositionAt, type Deck, type PechaKuchaBlock, type PechaKuchaRun, type Talk } from '@mashup/shared';
import { describe, expect, it } from 'vitest';
import {
  doneFraction,
  fixedTalkCount,
  moveItem,
  nextSecondTick,
  parseSeconds,
  pkNextWakeAt,
  pkPreloadUrls,
  secondsLeft,
  talksPresentedBy,
  upcomingTalkIndex,
} from './pechakucha.js';

const T = 1_000_000;
const deck = (talk: string, n = 5): Deck => ({
  id: `d-${talk}`,
  source: 'pdf',
  slides: Array.from({ length: n }, (_, i) => ({ url: `/media/${talk}/${i}.webp`, text: '', width: 1600, height: 900 })),
  uploadedAt: 0,
  uploadedBy: 'p',
});
const talk = (id: string, withDeck = true, presenterId: string | null = null): Talk => ({
  id,
  title: `Talk ${id}`,
  presenterId,
  presenterName: id,
  municipality: 'Ulm',
  deck: withDeck ? deck(id) : null,
});
const block = (run: Partial<PechaKuchaRun> | null, over: Partial<PechaKuchaBlock> = {}): PechaKuchaBlock => ({
  id: 'b',
  title: 'PK',
  format: { slides: 5, slideMs: 1_000 },
  breakMs: 3_000,
  talks: [talk('a', true, 'pa'), talk('b'), talk('c', false)],
  run: run ? { talkIndex: 0, startAt: T, pausedAt: null, hold: false, endedAt: null, ...run } : null,
  ...over,
});

describe('when the stage looks again (pkNextWakeAt)', () => {
  it('wakes exactly at the next slide switch, not a tick later', () => {
    const b = block({});
    expect(pkNextWakeAt(pkPositionAt(b, T), T)).toBe(T + 1_000);
    expect(pkNextWakeAt(pkPositionAt(b, T + 999), T + 999)).toBe(T + 1_000);
    expect(pkNextWakeAt(pkPositionAt(b, T + 1_000), T + 1_000)).toBe(T + 2_000);
  });

  it('the last slide wakes at the talk end, the break at its end', () => {
    const b = block({});
    expect(pkNextWakeAt(pkPositionAt(b, T + 4_500), T + 4_500)).toBe(T + 5_000);
    expect(pkNextWakeAt(pkPositionAt(b, T + 5_000), T + 5_000)).toBe(T + 8_000);
  });

  it('whole seconds of a shown countdown wake earlier than the switch', () => {
    const b = block({}, { format: { slides: 5, slideMs: 20_000 } });
    const pos = pkPositionAt(b, T + 2_300);
    expect(pos.phase === 'talk' && pos.slideEndsAt).toBe(T + 20_000);
    // 17.7 s left shows "18"; it turns to "17" at T + 3 000.
    expect(pkNextWakeAt(pos, T + 2_300, [T + 20_000])).toBe(T + 3_000);
    expect(pkNextWakeAt(pos, T + 19_100, [T + 20_000])).toBe(T + 20_000);
  });

  it('paused, held, idle and ended never wake by themselves', () => {
    expect(pkNextWakeAt(pkPositionAt(block({ pausedAt: T + 1_500 }), T + 9_000), T + 9_000, [T + 2_000])).toBeNull();
    expect(pkNextWakeAt(pkPositionAt(block({ hold: true }), T + 6_000), T + 6_000)).toBeNull();
    expect(pkNextWakeAt(pkPositionAt(block(null), T), T)).toBeNull();
    expect(pkNextWakeAt(pkPositionAt(block({ endedAt: T + 1 }), T + 2), T + 2)).toBeNull();
  });

  it('the bar and the ring move with the seconds shown', () => {
    expect(doneFraction(T, 20_000, T)).toBe(0);
    expect(doneFraction(T, 20_000, T + 999)).toBe(0);
    expect(doneFraction(T, 20_000, T + 1_000)).toBeCloseTo(0.05);
    expect(doneFraction(T, 20_000, T + 19_999)).toBeCloseTo(0.95);
    expect(doneFraction(T, 20_000, T + 20_000)).toBe(1);
    expect(doneFraction(T, 1_500, T + 100)).toBe(0);
  });

  it('a second tick is where the whole seconds shown change', () => {
    expect(nextSecondTick(T + 20_000, T)).toBe(T + 1_000);
    expect(nextSecondTick(T + 20_000, T + 1)).toBe(T + 1_000);
    expect(nextSecondTick(T + 500, T)).toBe(T + 500);
    expect(nextSecondTick(T, T)).toBeNull();
    expect(secondsLeft(T + 20_000, T + 1)).toBe(20);
    expect(secondsLeft(T + 20_000, T + 1_000)).toBe(19);
    expect(secondsLeft(T, T + 5)).toBe(0);
  });

  it('following the wake times reproduces the schedule exactly, however late each timer fires', () => {
    // Each timer fires 0–40 ms late; the next wake is computed from the schedule,
    // so the switches stay on the boundaries instead of adding up the lateness.
    const b = block({}, { breakMs: 2_000 });
    const shown: Array<[number, string]> = [];
    let now = T;
    for (let step = 0; step < 40; step++) {
      const pos = pkPositionAt(b, now);
      const label = pos.phase === 'talk' ? `${pos.talkIndex}:${pos.slideIndex}` : pos.phase;
      if (shown.at(-1)?.[1] !== label) shown.push([now, label]);
      const at = pkNextWakeAt(pos, now);
      if (at === null) break;
      now = at + ((step * 7) % 41);
    }
    const expected = ['0:0', '0:1', '0:2', '0:3', '0:4', 'break', '1:0', '1:1', '1:2', '1:3', '1:4', 'break', '2:0'];
    expect(shown.slice(0, expected.length).map(([, l]) => l)).toEqual(expected);
    // Each label was reached within the lateness of one timer of its boundary.
    const boundaries = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 14].map((s) => T + s * 1_000);
    shown.slice(0, expected.length).forEach(([at], i) => {
      expect(at - boundaries[i]!).toBeGreaterThanOrEqual(0);
      expect(at - boundaries[i]!).toBeLessThanOrEqual(40);
    });
  });
});

describe('preloading (pkPreloadUrls)', () => {
  it('the current slide and the next three', () => {
    const b = block({});
    expect(pkPreloadUrls(b, pkPositionAt(b, T + 1_000))).toEqual(['/media/a/1.webp', '/media/a/2.webp', '/media/a/3.webp', '/media/a/4.webp']);
  });

  it('near the end of a talk, crosses into the next talk', () => {
    const b = block({});
    expect(pkPreloadUrls(b, pkPositionAt(b, T + 3_500))).toEqual(['/media/a/3.webp', '/media/a/4.webp', '/media/b/0.webp', '/media/b/1.webp']);
  });

  it('in the break and before the start: the first slides of the talk to come', () => {
    const b = block({});
    expect(pkPreloadUrls(b, pkPositionAt(b, T + 5_500))).toEqual(['/media/b/0.webp', '/media/b/1.webp', '/media/b/2.webp', '/media/b/3.webp']);
    expect(pkPreloadUrls(block(null), { phase: 'idle' }, 1)).toEqual(['/media/a/0.webp', '/media/a/1.webp']);
  });

  it('paused: still the slides after the frozen one; a talk without a deck: nothing', () => {
    const b = block({ pausedAt: T + 2_000 });
    expect(pkPreloadUrls(b, pkPositionAt(b, T + 60_000), 1)).toEqual(['/media/a/2.webp', '/media/a/3.webp']);
    const c = block({ talkIndex: 2, startAt: T });
    expect(pkPreloadUrls(c, pkPositionAt(c, T))).toEqual([]);
    expect(pkPreloadUrls(null, { phase: 'idle' })).toEqual([]);
  });
});

describe('queue helpers', () => {
  it('talks given or running keep their place in a reorder', () => {
    const b = block({});
    expect(fixedTalkCount(b, pkPositionAt(b, T + 100))).toBe(1);
    expect(fixedTalkCount(b, pkPositionAt(b, T + 5_500))).toBe(1);
    expect(fixedTalkCount(b, pkPositionAt(b, T + 8_500))).toBe(2);
    expect(fixedTalkCount(b, { phase: 'idle' })).toBe(0);
    expect(fixedTalkCount(b, { phase: 'ended' })).toBe(3);
  });

  it('the talk coming up: the next one in a talk, the one the break leads to', () => {
    const b = block({});
    expect(upcomingTalkIndex(b, pkPositionAt(b, T))).toBe(1);
    expect(upcomingTalkIndex(b, pkPositionAt(b, T + 5_500))).toBe(1);
    expect(upcomingTalkIndex(b, { phase: 'idle' })).toBe(0);
  });

  it('moveItem moves by one place and clamps at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('talks presented by a participant', () => {
    expect(talksPresentedBy(block(null), 'pa').map((t) => t.id)).toEqual(['a']);
    expect(talksPresentedBy(block(null), 'nobody')).toEqual([]);
    expect(talksPresentedBy(null, 'pa')).toEqual([]);
  });
});

describe('parseSeconds', () => {
  it('reads comma or point, down to the minimum', () => {
    expect(parseSeconds('1', 500, 120_000)).toBe(1_000);
    expect(parseSeconds('0,5', 500, 120_000)).toBe(500);
    expect(parseSeconds(' 12.5 ', 500, 120_000)).toBe(12_500);
    expect(parseSeconds('0.4', 500, 120_000)).toBeNull();
    expect(parseSeconds('121', 500, 120_000)).toBeNull();
    expect(parseSeconds('', 0, 600_000)).toBeNull();
    expect(parseSeconds('abc', 0, 600_000)).toBeNull();
    expect(parseSeconds('0', 0, 600_000)).toBe(0);
  });
});
