import { describe, expect, it } from 'vitest';
import { isPolite, meshVideoBitrate, wantsLink } from './mesh-session.js';

describe('mesh links (rule M3)', () => {
  it('a pair gets a peer connection only while one of the two sends', () => {
    const off = { audio: false, video: false, screen: false, audioOnly: false };
    expect(wantsLink(true, { mayPublish: false, state: off })).toBe(true);
    expect(wantsLink(false, { mayPublish: true, state: { ...off, video: true } })).toBe(true);
    // May send, but camera and microphone are off: no connection to hold open.
    expect(wantsLink(false, { mayPublish: true, state: off })).toBe(false);
    expect(wantsLink(false, { mayPublish: false, state: off })).toBe(false);
  });

  it('exactly one side of a pair is polite, and both sides agree which', () => {
    expect(isPolite('b', 'a')).toBe(true);
    expect(isPolite('a', 'b')).toBe(false);
  });

  it('video per link shares an office uplink: 900 kbit/s for one peer, at least 150 kbit/s however many', () => {
    expect(meshVideoBitrate(1)).toBe(900_000);
    expect(meshVideoBitrate(5)).toBe(500_000);
    expect(meshVideoBitrate(50)).toBe(150_000);
  });
});
