import { describe, expect, it } from 'vitest';
import { FOCUS_HOLD_MS, NO_SPEAKER, SPEAKING_HOLD_MS, activeSpeaker, isSpeaking, type SpeakerState } from './active-speaker.js';

const levels = (entries: Record<string, number>) => new Map(Object.entries(entries));

/** Feeds samples every 100 ms from `from` to `to` (inclusive) with the same levels. */
function run(state: SpeakerState, l: Record<string, number>, from: number, to: number): SpeakerState {
  let s = state;
  for (let t = from; t <= to; t += 100) s = activeSpeaker(levels(l), s, t);
  return s;
}

describe('active speaker', () => {
  it('a quiet room has no active speaker and nobody speaking', () => {
    const s = run(NO_SPEAKER, { a: 0.05, b: 0.1 }, 0, 1_000);
    expect(s.peerId).toBeNull();
    expect(isSpeaking(s, 'a', 1_000)).toBe(false);
  });

  it('the first person who speaks gets the large tile at once', () => {
    const s = activeSpeaker(levels({ a: 0.05, b: 0.5 }), NO_SPEAKER, 0);
    expect(s.peerId).toBe('b');
    expect(isSpeaking(s, 'b', 0)).toBe(true);
  });

  it('a pause between words keeps the speaking mark; a longer silence ends it', () => {
    let s = run(NO_SPEAKER, { a: 0.5 }, 0, 500);
    s = activeSpeaker(levels({ a: 0 }), s, 500 + SPEAKING_HOLD_MS - 100);
    expect(isSpeaking(s, 'a', 500 + SPEAKING_HOLD_MS - 100)).toBe(true);
    s = activeSpeaker(levels({ a: 0 }), s, 500 + SPEAKING_HOLD_MS + 100);
    expect(isSpeaking(s, 'a', 500 + SPEAKING_HOLD_MS + 100)).toBe(false);
  });

  it('level hysteresis: once speaking, a softer voice between the thresholds still counts', () => {
    let s = activeSpeaker(levels({ a: 0.35 }), NO_SPEAKER, 0);
    expect(isSpeaking(s, 'a', 0)).toBe(false);
    s = activeSpeaker(levels({ a: 0.5 }), s, 100);
    s = run(s, { a: 0.35 }, 200, 2_000);
    expect(isSpeaking(s, 'a', 2_000)).toBe(true);
  });

  it('someone else speaking briefly does not take the tile while the speaker is heard (no flicker)', () => {
    let s = run(NO_SPEAKER, { a: 0.5, b: 0 }, 0, 1_000);
    s = run(s, { a: 0.4, b: 0.9 }, 1_100, 1_400);
    expect(s.peerId).toBe('a');
  });

  it('the tile moves only after the current speaker has been quiet for the hold time', () => {
    let s = run(NO_SPEAKER, { a: 0.5, b: 0 }, 0, 1_000);
    s = run(s, { a: 0, b: 0.6 }, 1_100, 1_000 + FOCUS_HOLD_MS - 100);
    expect(s.peerId).toBe('a');
    s = run(s, { a: 0, b: 0.6 }, 1_000 + FOCUS_HOLD_MS, 1_000 + FOCUS_HOLD_MS + 200);
    expect(s.peerId).toBe('b');
  });

  it('after a silence the loudest of several new speakers wins', () => {
    let s = run(NO_SPEAKER, { a: 0.5, b: 0, c: 0 }, 0, 100);
    s = run(s, { a: 0, b: 0.5, c: 0.8 }, 200 + FOCUS_HOLD_MS, 300 + FOCUS_HOLD_MS);
    expect(s.peerId).toBe('c');
  });

  it('a quiet room keeps the last speaker on the large tile', () => {
    let s = run(NO_SPEAKER, { a: 0.5, b: 0 }, 0, 100);
    s = run(s, { a: 0, b: 0 }, 200, 10_000);
    expect(s.peerId).toBe('a');
  });

  it('a speaker who leaves is forgotten', () => {
    let s = run(NO_SPEAKER, { a: 0.5, b: 0 }, 0, 100);
    s = activeSpeaker(levels({ b: 0 }), s, 200);
    expect(s.peerId).toBeNull();
    expect(s.heardAt.has('a')).toBe(false);
  });
});
