import { describe, expect, it } from 'vitest';
import { MEDIA_OFF, type MediaPeer } from '@mashup/shared';
import { allowedState, audienceOf, visibleTo } from './media.js';

const peer = (peerId: string, mayPublish: boolean): MediaPeer => ({
  peerId,
  participantId: `p-${peerId}`,
  roomId: 'plenary',
  mayPublish,
  mayShare: mayPublish,
  state: MEDIA_OFF,
  joinedAt: 0,
});

describe('who hears about whom (rule M3)', () => {
  const stage = peer('host', true);
  const viewers = [peer('v1', false), peer('v2', false)];
  const room = [stage, ...viewers];

  it('a viewer joining reaches only the peers who may send; a sender reaches everyone', () => {
    expect(audienceOf(viewers[0]!, room)).toEqual(['host']);
    expect(audienceOf(stage, room).sort()).toEqual(['v1', 'v2']);
  });

  it('a viewer sees the senders; a sender sees everyone but itself', () => {
    expect(visibleTo(viewers[0]!, room).map((p) => p.peerId)).toEqual(['host']);
    expect(visibleTo(stage, room).map((p) => p.peerId)).toEqual(['v1', 'v2']);
  });
});

describe('allowedState (rule M2)', () => {
  it('switches off what the rights do not allow and keeps audio-only as asked', () => {
    const asked = { audio: true, video: true, screen: true, audioOnly: true };
    expect(allowedState(asked, { mayPublish: false, mayShare: false })).toEqual({ ...MEDIA_OFF, audioOnly: true });
    expect(allowedState(asked, { mayPublish: true, mayShare: false })).toEqual({ audio: true, video: true, screen: false, audioOnly: true });
  });
});
