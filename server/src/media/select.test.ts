import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMediaPlane, type MediaPlaneOptions } from './select.js';
import { FakeMediasoup } from './sfu/test-support/fake-mediasoup.js';
import { recordingLog, SETTINGS } from './sfu/test-support/plane-fixture.js';

const auto: MediaPlaneOptions = { mediaPlane: 'auto', sfu: SETTINGS };

describe('createMediaPlane', () => {
  it('MEDIA_PLANE=mesh → the mesh, without trying mediasoup', async () => {
    const log = recordingLog();
    let loaded = false;
    const plane = await createMediaPlane({ ...auto, mediaPlane: 'mesh' }, log, {
      loadMediasoup: async () => {
        loaded = true;
        return new FakeMediasoup();
      },
    });
    expect(plane.kind).toBe('mesh');
    expect(loaded).toBe(false);
    expect(log.lines.map((l) => l.msg)).toEqual(['media plane: mesh (MEDIA_PLANE=mesh)']);
  });

  it('mediasoup loads and its workers start → the SFU, logged with its worker count', async () => {
    const log = recordingLog();
    const ms = new FakeMediasoup();
    const plane = await createMediaPlane(auto, log, { loadMediasoup: async () => ms });
    expect(plane.kind).toBe('sfu');
    expect(ms.workers).toHaveLength(2);
    expect(ms.workers[0]?.settings).toMatchObject({ rtcMinPort: 40000, rtcMaxPort: 40100 });
    expect(log.lines.map((l) => l.msg)).toContain('media plane: sfu (2 workers)');
    if (plane.kind === 'sfu') await plane.close();
  });

  it('a worker that cannot start → the mesh, with the reason in the log', async () => {
    const log = recordingLog();
    const ms = new FakeMediasoup();
    ms.failWorkers = true;
    const plane = await createMediaPlane(auto, log, { loadMediasoup: async () => ms });
    expect(plane.kind).toBe('mesh');
    expect(log.lines.map((l) => l.msg)).toEqual(['media plane: mesh (worker failed: spawn mediasoup-worker ENOENT)']);
  });

  it('mediasoup not installed → the mesh, saying so', async () => {
    const log = recordingLog();
    const missing = Object.assign(new Error("Cannot find package 'mediasoup'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const plane = await createMediaPlane(auto, log, {
      loadMediasoup: () => Promise.reject(missing),
    });
    expect(plane.kind).toBe('mesh');
    expect(log.lines.map((l) => l.msg)).toEqual(['media plane: mesh (mediasoup not installed)']);
  });

  it('MEDIA_PLANE=sfu without a working SFU → start-up fails with the reason', async () => {
    const ms = new FakeMediasoup();
    ms.failWorkers = true;
    await expect(
      createMediaPlane({ ...auto, mediaPlane: 'sfu' }, recordingLog(), { loadMediasoup: async () => ms }),
    ).rejects.toThrow('MEDIA_PLANE=sfu but the SFU cannot start (worker failed: spawn mediasoup-worker ENOENT)');
  });

  /*
   * The real module, no double. Where the worker binary exists (a Docker image,
   * a machine with internet at install, or MEDIASOUP_WORKER_BIN) this opens a
   * real router and WebRTC transport; where it does not (install scripts
   * disabled, as on the development machines) it checks the documented
   * fallback instead. Either way it asserts what this machine really does.
   */
  it('with the real mediasoup: the SFU with a real router and transport where the worker exists, else the mesh saying why', async () => {
    const ms = await import('mediasoup');
    const bin = process.env.MEDIASOUP_WORKER_BIN ?? ms.workerBin;
    const log = recordingLog();
    const plane = await createMediaPlane(
      { mediaPlane: 'auto', sfu: { ...SETTINGS, workers: 1, listenIp: '127.0.0.1', announcedAddress: undefined } },
      log,
    );
    if (existsSync(bin)) {
      expect(plane.kind).toBe('sfu');
      if (plane.kind !== 'sfu') return;
      try {
        const { routerRtpCapabilities } = await plane.join({ peerId: 'a', roomKey: 'real/room' });
        expect(routerRtpCapabilities).toHaveProperty('codecs');
        const t = await plane.createTransport('a', 'send');
        expect(t.iceCandidates.length).toBeGreaterThan(0);
        expect(t.iceCandidates[0]).toMatchObject({ ip: '127.0.0.1' });
        await plane.leave('a');
      } finally {
        await plane.close();
      }
    } else {
      expect(plane.kind).toBe('mesh');
      expect(log.lines.map((l) => l.msg)).toEqual([expect.stringMatching(/^media plane: mesh \(worker failed: .*ENOENT/)]);
    }
  });
});
