/**
 * The SFU plane's requests for a tab on a weak or broken connection: pausing
 * and resuming consumers for audio-only mode (rule M6) and restarting a
 * transport's ICE when its connection failed (rule M7).
 */
import { describe, expect, it } from 'vitest';
import { CAPS, DTLS, startFixture } from './test-support/plane-fixture.js';

const ROOM = 'ev1/ws-a';

describe('SFU plane: audio-only mode pauses consumers on the server (rule M6)', () => {
  it('media:sfu:pause stops forwarding a camera to the tab, media:sfu:resume starts it again; repeating either changes nothing', async () => {
    const f = await startFixture();
    const { producers } = await f.publish('a', ROOM, ['mic', 'camera']);
    await f.receive('b', ROOM);
    const cam = await f.plane.consume('b', producers.camera ?? '', CAPS);
    const mic = await f.plane.consume('b', producers.mic ?? '', CAPS);
    await f.plane.resume('b', cam.consumerId);
    await f.plane.resume('b', mic.consumerId);

    await f.plane.pause('b', cam.consumerId);
    await f.plane.pause('b', cam.consumerId);
    expect(f.ms.consumer(cam.consumerId).paused).toBe(true);
    // Audio keeps flowing.
    expect(f.ms.consumer(mic.consumerId).paused).toBe(false);

    await f.plane.resume('b', cam.consumerId);
    await f.plane.resume('b', cam.consumerId);
    expect(f.ms.consumer(cam.consumerId).paused).toBe(false);
  });

  it('a consumer created while audio-only is on stays paused until the tab resumes it', async () => {
    const f = await startFixture();
    const { producers } = await f.publish('a', ROOM, ['camera']);
    await f.receive('b', ROOM);
    const cam = await f.plane.consume('b', producers.camera ?? '', CAPS);
    // The tab pauses it instead of resuming it: a no-op on a consumer that was created paused.
    await f.plane.pause('b', cam.consumerId);
    expect(f.ms.consumer(cam.consumerId).paused).toBe(true);
  });

  it('pausing a consumer whose producer closed (before or during the request) → media.not_found', async () => {
    const f = await startFixture();
    const { producers } = await f.publish('a', ROOM, ['camera', 'screen']);
    await f.receive('b', ROOM);
    const cam = await f.plane.consume('b', producers.camera ?? '', CAPS);
    const screen = await f.plane.consume('b', producers.screen ?? '', CAPS);

    await f.plane.closeProducer('a', producers.camera ?? '');
    await expect(f.plane.pause('b', cam.consumerId)).rejects.toMatchObject({ code: 'media.not_found' });

    const during = f.plane.pause('b', screen.consumerId);
    await f.plane.closeProducer('a', producers.screen ?? '');
    await expect(during).rejects.toMatchObject({ code: 'media.not_found' });
  });

  it('before media:join → media.not_joined', async () => {
    const f = await startFixture();
    await expect(f.plane.pause('nobody', 'x')).rejects.toMatchObject({ code: 'media.not_joined' });
  });
});

describe('SFU plane: ICE restart (rule M7)', () => {
  it('media:sfu:restartIce → new ICE credentials, the ones the transport uses from now on; DTLS and producers stay', async () => {
    const f = await startFixture();
    const { transportId, producers } = await f.publish('a', ROOM, ['mic']);
    const before = f.ms.transport(transportId).iceParameters;

    const { iceParameters } = await f.plane.restartIce('a', transportId);

    expect(iceParameters).toEqual(f.ms.transport(transportId).iceParameters);
    expect(iceParameters['usernameFragment']).not.toBe(before.usernameFragment);
    expect(iceParameters['password']).not.toBe(before.password);
    expect(f.ms.transport(transportId).connectedWith).toEqual(DTLS);
    expect(f.plane.producers(ROOM).map((p) => p.producerId)).toEqual([producers.mic]);
  });

  it('the receive transport restarts the same way, and its consumers stay', async () => {
    const f = await startFixture();
    const { producers } = await f.publish('a', ROOM, ['mic']);
    const { transportId } = await f.receive('b', ROOM);
    const mic = await f.plane.consume('b', producers.mic ?? '', CAPS);

    const { iceParameters } = await f.plane.restartIce('b', transportId);

    expect(iceParameters).toEqual(f.ms.transport(transportId).iceParameters);
    expect(f.ms.consumer(mic.consumerId).closed).toBe(false);
  });

  it('an unknown transport, or one that closed during the restart → media.not_found; before media:join → media.not_joined', async () => {
    const f = await startFixture();
    const { transportId } = await f.receive('b', ROOM);
    await expect(f.plane.restartIce('b', 'no-such-transport')).rejects.toMatchObject({ code: 'media.not_found' });

    const during = f.plane.restartIce('b', transportId);
    // The tab moves on (leave closes its transports) while the worker restarts ICE.
    await f.plane.leave('b');
    await expect(during).rejects.toMatchObject({ code: 'media.not_found' });

    await expect(f.plane.restartIce('b', transportId)).rejects.toMatchObject({ code: 'media.not_joined' });
  });
});
