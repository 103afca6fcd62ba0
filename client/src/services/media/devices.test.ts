import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceService, availableDevice, captureErrorName, captureProblem, deviceLists, trackConstraints, type MediaDevicesPort } from './devices.js';

class FakeTrack {
  stopped = false;
  constructor(
    readonly kind: 'audio' | 'video',
    readonly deviceId: string,
  ) {}
  stop(): void {
    this.stopped = true;
  }
}

class FakeStream {
  constructor(readonly tracks: FakeTrack[]) {}
  getTracks(): FakeTrack[] {
    return this.tracks;
  }
}

const info = (kind: MediaDeviceKind, deviceId: string, label = '') => ({ kind, deviceId, label, groupId: '', toJSON: () => ({}) }) as MediaDeviceInfo;

class FakeDevices implements MediaDevicesPort {
  infos: MediaDeviceInfo[] = [info('audioinput', 'mic-1', 'Headset'), info('videoinput', 'cam-1', 'Webcam')];
  refuse = new Set<'audio' | 'video'>();
  opened: FakeTrack[] = [];
  requests: MediaStreamConstraints[] = [];
  listener: (() => void) | null = null;
  async enumerateDevices() {
    return this.infos;
  }
  async getUserMedia(c: MediaStreamConstraints) {
    this.requests.push(c);
    const kinds = (['audio', 'video'] as const).filter((k) => c[k]);
    const refused = kinds.find((k) => this.refuse.has(k));
    if (refused) throw new DOMException('no', refused === 'video' ? 'NotAllowedError' : 'NotFoundError');
    const tracks = kinds.map((k) => {
      const constraint = c[k] as MediaTrackConstraints;
      const id = (constraint.deviceId as { exact?: string } | undefined)?.exact ?? 'default';
      return new FakeTrack(k, id);
    });
    this.opened.push(...tracks);
    return new FakeStream(tracks) as unknown as MediaStream;
  }
  addEventListener(_: 'devicechange', l: () => void) {
    this.listener = l;
  }
  removeEventListener() {
    this.listener = null;
  }
}

const original = globalThis.MediaStream;
beforeAll(() => {
  globalThis.MediaStream = FakeStream as unknown as typeof MediaStream;
});
afterAll(() => {
  globalThis.MediaStream = original;
});

describe('device lists', () => {
  it('sorts devices by kind, drops entries without id and duplicates', () => {
    const lists = deviceLists([info('audioinput', 'a'), info('audioinput', 'a'), info('videoinput', ''), info('audiooutput', 'o', 'Lautsprecher')]);
    expect(lists.audioinput.map((d) => d.deviceId)).toEqual(['a']);
    expect(lists.videoinput).toEqual([]);
    expect(lists.audiooutput).toEqual([{ deviceId: 'o', kind: 'audiooutput', label: 'Lautsprecher' }]);
  });

  it('a remembered device that is gone falls back to the default', () => {
    const options = deviceLists([info('videoinput', 'cam-1')]).videoinput;
    expect(availableDevice(options, 'cam-1')).toBe('cam-1');
    expect(availableDevice(options, 'cam-2')).toBeNull();
    expect(availableDevice(options, null)).toBeNull();
  });

  it('a chosen device is asked for exactly; without a choice the default', () => {
    expect(trackConstraints('video', 'cam-1')).toMatchObject({ deviceId: { exact: 'cam-1' } });
    expect(trackConstraints('audio', null)).not.toHaveProperty('deviceId');
    expect(trackConstraints('audio', null)).toMatchObject({ echoCancellation: true });
  });

  it('error names come from DOMExceptions and errors; anything else is "Error"', () => {
    expect(captureErrorName(new DOMException('x', 'NotAllowedError'))).toBe('NotAllowedError');
    expect(captureErrorName({ name: 'OverconstrainedError' })).toBe('OverconstrainedError');
    expect(captureErrorName('boom')).toBe('Error');
  });
});

describe('DeviceService', () => {
  it('follows devicechange: a plugged-in headset appears in the lists', async () => {
    const devices = new FakeDevices();
    const service = new DeviceService(devices);
    await service.refresh();
    let changes = 0;
    service.subscribe(() => changes++);
    devices.infos = [...devices.infos, info('audioinput', 'mic-2', 'USB')];
    devices.listener!();
    await new Promise((r) => setTimeout(r, 0));
    expect(service.lists.audioinput.map((d) => d.deviceId)).toEqual(['mic-1', 'mic-2']);
    expect(changes).toBe(1);
    service.dispose();
    expect(devices.listener).toBeNull();
  });

  it('asks once for both, keeps tracks for the same device, stops what is turned off or changed', async () => {
    const devices = new FakeDevices();
    const service = new DeviceService(devices);
    const both = await service.preview({ mic: true, camera: true, micId: null, cameraId: 'cam-1' });
    expect(devices.requests).toHaveLength(1);
    expect(both.errors).toEqual({ mic: null, camera: null });
    const [mic, cam] = devices.opened;
    await service.preview({ mic: true, camera: false, micId: null, cameraId: 'cam-1' });
    expect(cam!.stopped).toBe(true);
    expect(mic!.stopped).toBe(false);
    await service.preview({ mic: true, camera: false, micId: 'mic-1', cameraId: null });
    expect(mic!.stopped).toBe(true);
    expect(devices.opened.at(-1)).toMatchObject({ kind: 'audio', deviceId: 'mic-1', stopped: false });
    service.dispose();
    expect(devices.opened.every((t) => t.stopped)).toBe(true);
  });

  it('a refused camera does not cost the microphone preview', async () => {
    const devices = new FakeDevices();
    devices.refuse.add('video');
    const service = new DeviceService(devices);
    const result = await service.preview({ mic: true, camera: true, micId: null, cameraId: null });
    expect(result.errors).toEqual({ mic: null, camera: 'NotAllowedError' });
    expect((result.stream as unknown as FakeStream).tracks.map((t) => t.kind)).toEqual(['audio']);
    service.dispose();
  });

  it('without a capture API every request reports NotSupportedError', async () => {
    const service = new DeviceService(undefined);
    expect(service.supported).toBe(false);
    const result = await service.preview({ mic: true, camera: false, micId: null, cameraId: null });
    expect(result).toEqual({ stream: null, errors: { mic: 'NotSupportedError', camera: null } });
  });
});

describe('capture problems', () => {
  it('maps browser error names to what the person can do about them', () => {
    expect(captureProblem('NotAllowedError')).toBe('denied');
    expect(captureProblem('SecurityError')).toBe('denied');
    expect(captureProblem('NotFoundError')).toBe('missing');
    expect(captureProblem('NotReadableError')).toBe('busy');
    expect(captureProblem('OverconstrainedError')).toBe('gone');
    expect(captureProblem('NotSupportedError')).toBe('unsupported');
    expect(captureProblem('Whatever')).toBe('other');
  });
});
