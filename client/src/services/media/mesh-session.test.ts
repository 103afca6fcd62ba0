import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPolite, MeshSession, meshVideoBitrate, meshVideoEncoding, wantsLink } from './mesh-session.js';

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

describe('quality per link (rule M5)', () => {
  const LOW = { maxBitrate: 250_000, scaleResolutionDownBy: 2, maxFramerate: 15 };
  /** With one or two links the share of the uplink is the 900 kbit/s cap. */
  const HIGH = { maxBitrate: 900_000, scaleResolutionDownBy: 1, maxFramerate: 24 };
  it('a small tile gets half the resolution, 15 fps and at most 250 kbit/s; a large one everything and the link\'s share', () => {
    expect(meshVideoEncoding(1, 'high')).toEqual(HIGH);
    expect(meshVideoEncoding(1, 'low')).toEqual(LOW);
    expect(meshVideoEncoding(50, 'low')).toEqual({ ...LOW, maxBitrate: 150_000 });
  });

  /** Just enough of an RTCPeerConnection for links that never negotiate: what was sent and how it is encoded. */
  function fakePeerConnection() {
    const encodings: RTCRtpEncodingParameters[][] = [];
    const sender = (kind: string) => {
      let params = { encodings: [] as RTCRtpEncodingParameters[] };
      return {
        kind,
        replaceTrack: async () => undefined,
        getParameters: () => structuredClone(params),
        setParameters: async (p: typeof params) => {
          params = p;
          if (kind === 'video') encodings.push(p.encodings);
        },
      };
    };
    const pc = {
      signalingState: 'stable',
      connectionState: 'new',
      addTransceiver: (kind: string, init: { sendEncodings?: RTCRtpEncodingParameters[] }) => {
        const s = sender(kind);
        if (init.sendEncodings) void s.setParameters({ encodings: init.sendEncodings });
        return { sender: s };
      },
      getTransceivers: () => [],
      close: () => undefined,
    };
    return { pc: pc as unknown as RTCPeerConnection, encodings };
  }

  // The links only hold streams for their transceivers; Node has no MediaStream.
  beforeEach(() => vi.stubGlobal('MediaStream', class {}));
  afterEach(() => vi.unstubAllGlobals());

  const on = { audio: true, video: true, screen: false, audioOnly: false };
  const peer = (peerId: string) => ({ peerId, participantId: `p-${peerId}`, roomId: 'w1', mayPublish: true, mayShare: true, state: on, joinedAt: 0 });

  it('a receiver tells each sender once per link how it shows the camera, then only changes', () => {
    const sent: [string, unknown][] = [];
    const mesh = new MeshSession({
      selfPeerId: 'a',
      mayPublish: false,
      iceServers: [],
      signal: async (to, body) => sent.push([to, body]),
      createPeerConnection: () => fakePeerConnection().pc,
    });
    mesh.updatePeers([peer('b'), peer('c')]);
    expect(sent).toEqual([
      ['b', { prefer: 'low' }],
      ['c', { prefer: 'low' }],
    ]);
    mesh.setEmphasis(['c']);
    mesh.setEmphasis(['c']);
    expect(sent.slice(2)).toEqual([['c', { prefer: 'high' }]]);
    mesh.setEmphasis([]);
    expect(sent.slice(3)).toEqual([['c', { prefer: 'low' }]]);
    mesh.close();
  });

  it('a sender encodes each link as its receiver asked', async () => {
    const made: ReturnType<typeof fakePeerConnection>[] = [];
    const mesh = new MeshSession({
      selfPeerId: 'a', // the impolite side of both pairs: it offers at once, no waiting
      mayPublish: true,
      iceServers: [],
      signal: async () => undefined,
      createPeerConnection: () => {
        made.push(fakePeerConnection());
        return made.at(-1)!.pc;
      },
    });
    const track = (kind: string) => ({ kind }) as unknown as MediaStreamTrack;
    mesh.updatePeers([peer('b'), peer('c')]);
    await mesh.setLocalTracks({ mic: track('audio'), camera: track('video'), screen: null });
    expect(made.map((m) => m.encodings.at(-1))).toEqual([[LOW], [LOW]]);
    mesh.handleSignal({ from: 'c', roomId: 'plenary', prefer: 'high' });
    await expect.poll(() => made[1]!.encodings.at(-1)).toEqual([HIGH]);
    expect(made[0]!.encodings.at(-1)).toEqual([LOW]);
    mesh.close();
  });
});
