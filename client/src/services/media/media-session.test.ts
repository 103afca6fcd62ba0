/**
 * MediaSession against a fake server: the rights to send change at scheduled
 * moments (rule M2) that the tab meets by its estimate of the server's clock,
 * while the server judges `media:state` by its own.
 */
import { describe, expect, it } from 'vitest';
import { MEDIA_OFF, pkPresenterOnStage, type MediaPeer, type PechaKuchaBlock } from '@mashup/shared';
import { FakeClock, flush } from '../../test-support/fake-clock.js';
import { FakeTransport } from '../../test-support/fake-transport.js';
import { snapshot } from '../../test-support/snapshots.js';
import { EventSession } from '../event-session.js';
import { DeviceStore, MemoryStorage } from '../storage.js';
import { MediaSession, type PlaneFactory } from './media-session.js';
import type { PlaneSession } from './types.js';

const START = 1_000_000;
const TALK_MS = 2 * 5_000;
const TALK_ENDS = START + TALK_MS;

/** A running block whose only talk is p1's, begun at START. */
const onlyTalk: PechaKuchaBlock = {
  id: 'b',
  title: 'Städte in Minuten',
  format: { slides: 2, slideMs: 5_000 },
  breakMs: 0,
  talks: [
    {
      id: 't1',
      title: 'Smarte Parkplätze',
      presenterId: 'p1',
      presenterName: 'Paula',
      municipality: 'Ulm',
      deck: {
        id: 'd1',
        source: 'pdf',
        slides: [0, 1].map((i) => ({ url: `/media/d1/${i}.webp`, text: '', width: 1600, height: 900 })),
        uploadedAt: 0,
        uploadedBy: 'p1',
      },
    },
  ],
  run: { talkIndex: 0, startAt: START, pausedAt: null, hold: false, endedAt: null },
};

const fakePlane: PlaneFactory = async () =>
  ({
    plane: 'mesh',
    updatePeers: () => {},
    setLocalTracks: async () => {},
    setAudioOnly: () => {},
    setEmphasis: () => {},
    remotes: () => new Map(),
    onChange: () => () => {},
    connectionCount: () => 0,
    close: () => {},
  }) satisfies PlaneSession;

/**
 * A presenter's tab in the plenary, against a server whose clock runs `lagMs`
 * behind the tab's estimate of it. The server gives rights as the shared policy
 * does at its own time, pushes the tab's record, then answers.
 */
function presenter(lagMs: number, block: PechaKuchaBlock = onlyTalk) {
  const clock = new FakeClock(START);
  const transport = new FakeTransport();
  const session = new EventSession({ transport, clock, log: { warn: () => {}, error: () => {} } });
  const serverNow = () => clock.now() - lagMs;
  const self = (): MediaPeer => {
    const onStage = pkPresenterOnStage(block, serverNow()) === 'p1';
    return { peerId: 's1', participantId: 'p1', roomId: 'plenary', mayPublish: onStage, mayShare: onStage, state: MEDIA_OFF, joinedAt: START };
  };
  const states: boolean[] = [];
  transport.autoReply = (name, payload) => {
    if (name === 'clock:ping') return { ok: true, data: { t0: (payload as { t0: number }).t0, serverNow: clock.now() } };
    if (name === 'media:join') return { ok: true, data: { plane: 'mesh', self: self(), peers: [], iceServers: [], maxPublishers: 6 } };
    if (name === 'media:state') {
      const me = self();
      states.push(me.mayPublish);
      transport.push('media:peers', { roomId: 'plenary', upsert: [me], remove: [] });
      return { ok: true, data: {} };
    }
    return undefined;
  };
  transport.emitConnection({ type: 'connected' });
  transport.push('state:snapshot', snapshot(1, { pechakucha: block, serverNow: START }));
  const media = new MediaSession({ session, store: new DeviceStore(new MemoryStorage()), capture: undefined, planes: fakePlane, clock });
  return { clock, media, states };
}

/** p1's talk second, after a guest's of the same length: it begins at TALK_ENDS. */
const secondTalk: PechaKuchaBlock = {
  ...onlyTalk,
  talks: [{ ...onlyTalk.talks[0]!, id: 't0', presenterId: null, presenterName: 'Gustav Gast' }, { ...onlyTalk.talks[0]! }],
};

describe('MediaSession: rights that end by the schedule (rule M2)', () => {
  it('the talk ends: the tab tells the server, and its buttons go', async () => {
    const { clock, media } = presenter(0);
    await flush();
    expect(media.view.mayPublish).toBe(true);
    await clock.advance(TALK_MS);
    expect(media.view.mayPublish).toBe(false);
  });

  it('the server’s clock is 20 ms behind at the end of the talk: the tab asks again until the server agrees', async () => {
    const { clock, media, states } = presenter(20);
    await flush();
    expect(media.view.mayPublish).toBe(true);
    await clock.advance(TALK_ENDS - clock.now());
    // Told at the moment it computed, the server still saw the talk running and kept the rights.
    expect(states).toEqual([true]);
    expect(media.view.mayPublish).toBe(true);
    // Asked again 250 ms later, the server's clock is past the end too.
    await clock.advance(250);
    expect(states).toEqual([true, false]);
    expect(media.view.mayPublish).toBe(false);
    // Agreed: nothing more is asked.
    await clock.advance(5_000);
    expect(states).toEqual([true, false]);
  });

  it('a server that keeps disagreeing is asked a bounded number of times', async () => {
    const { clock, media, states } = presenter(60_000);
    await flush();
    await clock.advance(TALK_ENDS - clock.now() + 10_000);
    expect(states.length).toBe(1 + 8);
    expect(media.view.mayPublish).toBe(true);
  });

  it('the talk begins while the server’s clock is behind: the rights come with the recheck, the devices stay off', async () => {
    const { clock, media, states } = presenter(20, secondTalk);
    await flush();
    expect(media.view.mayPublish).toBe(false);
    await clock.advance(TALK_ENDS - clock.now());
    expect(states).toEqual([false]);
    await clock.advance(250);
    expect(states).toEqual([false, true]);
    expect(media.view.mayPublish).toBe(true);
    expect(media.view.mic).toBe(false); // a right granted never switches a device on by itself
  });

  it('dispose ends a pending recheck: nothing more is sent', async () => {
    const { clock, media, states } = presenter(20);
    await flush();
    await clock.advance(TALK_ENDS - clock.now());
    expect(states).toEqual([true]);
    media.dispose();
    await clock.advance(5_000);
    expect(states).toEqual([true]);
  });
});
