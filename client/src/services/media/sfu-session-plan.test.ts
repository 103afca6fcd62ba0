import { describe, expect, it } from 'vitest';
import type { SfuProducerPush } from '@mashup/shared';
import {
  CAMERA_ENCODINGS,
  applyProducerPush,
  groupTracks,
  layerChanges,
  pauseChanges,
  producersToConsume,
  sendSteps,
} from './sfu-session-plan.js';

const push = (producerId: string, peerId: string, source: SfuProducerPush['source'], closed = false): SfuProducerPush => ({
  producerId,
  peerId,
  source,
  kind: source === 'mic' ? 'audio' : 'video',
  closed,
});

describe('SFU session: what a tab receives', () => {
  it('consumes every open producer of other peers, once, and never its own', () => {
    let known = new Map<string, SfuProducerPush>();
    for (const p of [push('p1', 'a', 'mic'), push('p2', 'a', 'camera'), push('p3', 'me', 'mic'), push('p4', 'b', 'screen')]) {
      known = applyProducerPush(known, p);
    }
    expect(producersToConsume(known.values(), 'me', new Set()).map((p) => p.producerId)).toEqual(['p1', 'p2', 'p4']);
    expect(producersToConsume(known.values(), 'me', new Set(['p1', 'p2'])).map((p) => p.producerId)).toEqual(['p4']);
  });

  it('a producer announced closed is no longer consumed', () => {
    let known = applyProducerPush(new Map(), push('p1', 'a', 'camera'));
    known = applyProducerPush(known, push('p1', 'a', 'camera', true));
    expect(producersToConsume(known.values(), 'me', new Set())).toEqual([]);
  });

  it('microphone and camera arrive in one stream per peer, a screen in its own; audio-only mode leaves video out', () => {
    const received = [
      { peerId: 'a', source: 'mic' as const, kind: 'audio' as const, track: 'a-mic' },
      { peerId: 'a', source: 'camera' as const, kind: 'video' as const, track: 'a-cam' },
      { peerId: 'b', source: 'screen' as const, kind: 'video' as const, track: 'b-screen' },
    ];
    expect(groupTracks(received, false)).toEqual(
      new Map([
        ['a', { media: ['a-mic', 'a-cam'], screen: [] }],
        ['b', { media: [], screen: ['b-screen'] }],
      ]),
    );
    expect(groupTracks(received, true)).toEqual(
      new Map([
        ['a', { media: ['a-mic'], screen: [] }],
        ['b', { media: [], screen: [] }],
      ]),
    );
  });
});

describe('SFU session: audio-only mode on the server (rule M6)', () => {
  const consumers = [
    { consumerId: 'cam', kind: 'video' as const, serverPaused: false },
    { consumerId: 'screen', kind: 'video' as const, serverPaused: false },
    { consumerId: 'mic', kind: 'audio' as const, serverPaused: false },
  ];

  it('turning audio only on pauses every video consumer (camera and screen) on the server; audio keeps flowing', () => {
    expect(pauseChanges(consumers, true)).toEqual([
      { consumerId: 'cam', paused: true },
      { consumerId: 'screen', paused: true },
    ]);
  });

  it('turning it off resumes them; a consumer already as wanted is not asked again', () => {
    const paused = consumers.map((c) => ({ ...c, serverPaused: c.kind === 'video' }));
    expect(pauseChanges(paused, false)).toEqual([
      { consumerId: 'cam', paused: false },
      { consumerId: 'screen', paused: false },
    ]);
    expect(pauseChanges(paused, true)).toEqual([]);
  });

  it('a new consumer (paused as the server creates it) is resumed, unless it is video while audio only is on', () => {
    const fresh = [
      { consumerId: 'cam', kind: 'video' as const, serverPaused: true },
      { consumerId: 'mic', kind: 'audio' as const, serverPaused: true },
    ];
    expect(pauseChanges(fresh, false)).toEqual([
      { consumerId: 'cam', paused: false },
      { consumerId: 'mic', paused: false },
    ]);
    expect(pauseChanges(fresh, true)).toEqual([{ consumerId: 'mic', paused: false }]);
  });
});

describe('SFU session: simulcast layers', () => {
  const consumers = [
    { consumerId: 'c1', peerId: 'a', source: 'camera' as const },
    { consumerId: 'c2', peerId: 'b', source: 'camera' as const },
    { consumerId: 'c3', peerId: 'a', source: 'mic' as const },
    { consumerId: 'c4', peerId: 'b', source: 'screen' as const },
  ];

  it('the emphasised peer’s camera in the top layer, every other camera in the smallest; mic and screen untouched', () => {
    expect(layerChanges(consumers, new Set(['a']), new Map())).toEqual([
      { consumerId: 'c1', spatialLayer: 2 },
      { consumerId: 'c2', spatialLayer: 0 },
    ]);
  });

  it('asks only for layers that change', () => {
    const asked = new Map([
      ['c1', 2],
      ['c2', 0],
    ]);
    expect(layerChanges(consumers, new Set(['a']), asked)).toEqual([]);
    expect(layerChanges(consumers, new Set(['b']), asked)).toEqual([
      { consumerId: 'c1', spatialLayer: 0 },
      { consumerId: 'c2', spatialLayer: 2 },
    ]);
  });

  it('the camera is sent in three layers, smallest first, within ~1.3 Mbit/s in all', () => {
    expect(CAMERA_ENCODINGS.map((e) => e.scaleResolutionDownBy)).toEqual([4, 2, 1]);
    expect(CAMERA_ENCODINGS.reduce((sum, e) => sum + (e.maxBitrate ?? 0), 0)).toBe(1_300_000);
  });
});

describe('SFU session: what a tab sends', () => {
  it('a source turned on is produced, a new device replaces the track, a source turned off closes its producer', () => {
    expect(sendSteps({ mic: null, camera: 'cam1', screen: 'scr' }, { mic: 'mic', camera: 'cam2', screen: null })).toEqual([
      { op: 'produce', source: 'mic', track: 'mic' },
      { op: 'replace', source: 'camera', track: 'cam2' },
      { op: 'close', source: 'screen' },
    ]);
  });

  it('the same tracks again change nothing', () => {
    expect(sendSteps({ mic: 'm', camera: null, screen: null }, { mic: 'm', camera: null, screen: null })).toEqual([]);
  });
});
