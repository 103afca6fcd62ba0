import { describe, expect, it } from 'vitest';
import type { PechaKuchaBlock, PechaKuchaRun } from './protocol/pechakucha.js';
import { pkNextChangeAt, pkNextStageChangeAt, pkPositionAt, pkPresenterOnStage, stageParticipantIds, videoPositionMs } from './pechakucha-schedule.js';

const T = 1_000_000;
const talk = (id: string, presenterId: string | null = null) => ({
  id,
  title: `Talk ${id}`,
  presenterId,
  presenterName: id,
  municipality: 'Ulm',
  deck: null,
});
const block = (run: Partial<PechaKuchaRun> | null, over: Partial<PechaKuchaBlock> = {}): PechaKuchaBlock => ({
  id: 'b',
  title: 'PK',
  format: { slides: 20, slideMs: 20_000 },
  breakMs: 15_000,
  talks: [talk('a', 'pa'), talk('b', 'pb'), talk('c')],
  run: run ? { talkIndex: 0, startAt: T, pausedAt: null, hold: false, endedAt: null, ...run } : null,
  ...over,
});

describe('Pecha Kucha schedule: slide i shows during [T + i·s, T + (i+1)·s)', () => {
  it('is idle without a run and ended after the last talk', () => {
    expect(pkPositionAt(null, T)).toEqual({ phase: 'idle' });
    expect(pkPositionAt(block(null), T)).toEqual({ phase: 'idle' });
    expect(pkPositionAt(block({}), T + 3 * 400_000 + 2 * 15_000)).toEqual({ phase: 'ended' });
    expect(pkPositionAt(block({ endedAt: T + 5 }), T + 10)).toEqual({ phase: 'ended' });
  });

  it('switches exactly at the slide boundaries', () => {
    const b = block({});
    expect(pkPositionAt(b, T)).toMatchObject({ phase: 'talk', talkIndex: 0, slideIndex: 0, slideEndsAt: T + 20_000 });
    expect(pkPositionAt(b, T + 19_999)).toMatchObject({ slideIndex: 0 });
    expect(pkPositionAt(b, T + 20_000)).toMatchObject({ slideIndex: 1, slideStartAt: T + 20_000 });
    expect(pkPositionAt(b, T + 399_999)).toMatchObject({ slideIndex: 19, talkEndsAt: T + 400_000 });
  });

  it('a time before the start (clock skew) shows slide 0', () => {
    expect(pkPositionAt(block({}), T - 500)).toMatchObject({ phase: 'talk', slideIndex: 0 });
  });

  it('a break follows each talk, then the next talk starts by itself', () => {
    const b = block({});
    expect(pkPositionAt(b, T + 400_000)).toMatchObject({
      phase: 'break',
      talkIndex: 0,
      nextTalkIndex: 1,
      breakStartAt: T + 400_000,
      breakEndsAt: T + 415_000,
    });
    expect(pkPositionAt(b, T + 415_000)).toMatchObject({ phase: 'talk', talkIndex: 1, slideIndex: 0, talkStartAt: T + 415_000 });
    expect(pkPositionAt(b, T + 415_000 + 400_000 + 15_000 + 60_000)).toMatchObject({ phase: 'talk', talkIndex: 2, slideIndex: 3 });
  });

  it('a held break lasts until released', () => {
    const b = block({ hold: true });
    expect(pkPositionAt(b, T + 10 * 60_000)).toMatchObject({ phase: 'break', nextTalkIndex: 1, breakEndsAt: null });
  });

  it('paused: everything is frozen at pausedAt', () => {
    const b = block({ pausedAt: T + 45_000 });
    const at = pkPositionAt(b, T + 10 * 60_000);
    expect(at).toMatchObject({ phase: 'talk', slideIndex: 2, paused: true });
    expect(pkNextChangeAt(b, T + 10 * 60_000)).toBeNull();
  });

  it('format variants: Ignite 20 × 15 s and custom N × s', () => {
    const ignite = block({}, { format: { slides: 20, slideMs: 15_000 } });
    expect(pkPositionAt(ignite, T + 15_000)).toMatchObject({ slideIndex: 1 });
    expect(pkPositionAt(ignite, T + 300_000)).toMatchObject({ phase: 'break' });
    const custom = block({}, { format: { slides: 5, slideMs: 1_000 }, breakMs: 0 });
    expect(pkPositionAt(custom, T + 4_999)).toMatchObject({ talkIndex: 0, slideIndex: 4 });
    expect(pkPositionAt(custom, T + 5_000)).toMatchObject({ phase: 'talk', talkIndex: 1, slideIndex: 0 });
  });

  it('next change and the presenter on stage', () => {
    const b = block({});
    expect(pkNextChangeAt(b, T + 1)).toBe(T + 20_000);
    expect(pkNextChangeAt(b, T + 400_001)).toBe(T + 415_000);
    expect(pkPresenterOnStage(b, T + 1)).toBe('pa');
    expect(pkPresenterOnStage(b, T + 400_001)).toBeNull();
    expect(pkPresenterOnStage(b, T + 415_001)).toBe('pb');
  });

  it('the stage changes by itself when a talk ends and when the next starts; slide switches do not count', () => {
    const b = block({});
    expect(pkNextStageChangeAt(b, T + 1)).toBe(T + 400_000); // pa's talk ends: the break has nobody
    expect(pkNextStageChangeAt(b, T + 400_000)).toBe(T + 415_000); // pb's talk starts
    expect(pkNextStageChangeAt(b, T + 415_000)).toBe(T + 815_000); // pb's ends
    // Talk c has no presenter, and after it the block ends: nothing changes on stage any more.
    expect(pkNextStageChangeAt(b, T + 815_000)).toBeNull();
    expect(pkNextStageChangeAt(block({ pausedAt: T + 5_000 }), T + 10_000)).toBeNull();
    expect(pkNextStageChangeAt(block(null), T)).toBeNull();
    // Two talks without a presenter before pa's: a point to look again from, within reach of the next talk.
    const late = block({}, { talks: [talk('x'), talk('y'), talk('a', 'pa')] });
    const again = pkNextStageChangeAt(late, T + 1)!;
    expect(again).toBeGreaterThan(T + 1);
    expect(pkNextStageChangeAt(late, again)).toBe(T + 830_000);
  });

  it('on stage: the hosts, plus the presenter of the talk showing (not during breaks)', () => {
    const people = [
      { id: 'h1', role: 'host' },
      { id: 'pa', role: 'participant' },
      { id: 'pb', role: 'participant' },
      { id: 'x', role: 'participant' },
    ];
    const b = block({});
    expect(stageParticipantIds(people, b, T + 1)).toEqual(['h1', 'pa']);
    expect(stageParticipantIds(people, b, T + 400_001)).toEqual(['h1']);
    expect(stageParticipantIds(people, b, T + 415_001)).toEqual(['h1', 'pb']);
    expect(stageParticipantIds(people, null, T)).toEqual(['h1']);
  });

  it('video position follows the schedule, or holds while paused', () => {
    expect(videoPositionMs({ videoId: 'v', startAt: T, pausedPositionMs: null }, T + 12_345)).toBe(12_345);
    expect(videoPositionMs({ videoId: 'v', startAt: null, pausedPositionMs: 4_000 }, T + 99_999)).toBe(4_000);
  });
});
