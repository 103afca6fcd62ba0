/**
 * The camera, microphone and speaker of this device, for the device check:
 * lists them (and follows `devicechange`: a headset plugged in appears at
 * once), opens a preview of the chosen camera and microphone, and stops every
 * track it opened. No DOM beyond navigator.mediaDevices, which is injected.
 *
 * The preview is separate from the MediaSession's capture on purpose: trying a
 * device must not change what the room receives until "Übernehmen".
 */
import type { Disposer } from '../clock.js';

export type DeviceKind = 'audioinput' | 'videoinput' | 'audiooutput';

export interface DeviceOption {
  deviceId: string;
  kind: DeviceKind;
  /** Empty until the person allowed camera or microphone once (browsers hide labels before). */
  label: string;
}

export type DeviceLists = Record<DeviceKind, DeviceOption[]>;

/** What the service needs of navigator.mediaDevices. */
export interface MediaDevicesPort {
  enumerateDevices(): Promise<MediaDeviceInfo[]>;
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  addEventListener(type: 'devicechange', listener: () => void): void;
  removeEventListener(type: 'devicechange', listener: () => void): void;
}

export interface PreviewRequest {
  mic: boolean;
  camera: boolean;
  micId: string | null;
  cameraId: string | null;
}

export interface PreviewResult {
  /** The preview tracks that are open (audio and/or video), or null when none is. */
  stream: MediaStream | null;
  /** DOMException names of what failed (NotAllowedError, NotFoundError, NotReadableError, OverconstrainedError …). */
  errors: { mic: string | null; camera: string | null };
}

export const EMPTY_LISTS: DeviceLists = { audioinput: [], videoinput: [], audiooutput: [] };

/** Sorts enumerateDevices() into the three lists; drops entries without an id (some browsers list those before permission). */
export function deviceLists(infos: readonly Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>[]): DeviceLists {
  const lists: DeviceLists = { audioinput: [], videoinput: [], audiooutput: [] };
  const seen = new Set<string>();
  for (const info of infos) {
    const key = `${info.kind}:${info.deviceId}`;
    if (!info.deviceId || seen.has(key)) continue;
    seen.add(key);
    lists[info.kind].push({ deviceId: info.deviceId, kind: info.kind, label: info.label });
  }
  return lists;
}

/** The remembered device if it is still there, else null (the browser's default). */
export function availableDevice(options: readonly DeviceOption[], id: string | null): string | null {
  return id !== null && options.some((o) => o.deviceId === id) ? id : null;
}

/** Camera frame rate: the large picture's; small tiles get fewer (mesh-session.ts). */
export const CAMERA_FPS = 24;
/** 640×360 is enough for the large tile, the preview and the SFU's top layer, and keeps a six-person mesh within an office uplink. */
const CAMERA: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: CAMERA_FPS } };

/** getUserMedia constraints for one source: the chosen device exactly, else the default. */
export function trackConstraints(kind: 'audio' | 'video', deviceId: string | null): MediaTrackConstraints | true {
  if (kind === 'audio') {
    const audio: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
    return deviceId ? { ...audio, deviceId: { exact: deviceId } } : audio;
  }
  return deviceId ? { ...CAMERA, deviceId: { exact: deviceId } } : CAMERA;
}

/** The DOMException name of a capture failure ("Error" for anything else). */
export function captureErrorName(error: unknown): string {
  return error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string')
    ? (error as { name: string }).name
    : 'Error';
}

/** Whether this browser can choose the speaker (HTMLMediaElement.setSinkId; not in every Firefox and Safari). */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

interface OpenTrack {
  track: MediaStreamTrack;
  deviceId: string | null;
}

export class DeviceService {
  readonly #devices: MediaDevicesPort | undefined;
  readonly #listeners = new Set<() => void>();
  #lists: DeviceLists = EMPTY_LISTS;
  #audio: OpenTrack | null = null;
  #video: OpenTrack | null = null;
  /** Preview requests run one after the other; a newer one makes older results moot. */
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;

  /** `devices` undefined: no capture API at all (insecure origin, very old browser); lists stay empty. */
  constructor(devices: MediaDevicesPort | undefined) {
    this.#devices = devices;
    devices?.addEventListener('devicechange', this.#onDeviceChange);
  }

  get supported(): boolean {
    return this.#devices !== undefined;
  }

  get lists(): DeviceLists {
    return this.#lists;
  }

  /** Called after every change of lists(). */
  subscribe(listener: () => void): Disposer {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async refresh(): Promise<DeviceLists> {
    if (!this.#devices || this.#disposed) return this.#lists;
    try {
      this.#lists = deviceLists(await this.#devices.enumerateDevices());
    } catch (error) {
      // Keep the last lists: the selects still work with what was there.
      console.warn('mashup: enumerateDevices failed', error);
    }
    if (!this.#disposed) for (const l of this.#listeners) l();
    return this.#lists;
  }

  /** Opens, keeps or stops preview tracks so exactly the requested ones are open. */
  preview(request: PreviewRequest): Promise<PreviewResult> {
    const run = this.#queue.then(() => this.#preview(request));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Stops every preview track (before "Übernehmen": some systems open a camera only once). */
  stopPreview(): void {
    this.#stop('audio');
    this.#stop('video');
  }

  dispose(): void {
    this.#disposed = true;
    this.stopPreview();
    this.#devices?.removeEventListener('devicechange', this.#onDeviceChange);
    this.#listeners.clear();
  }

  async #preview(request: PreviewRequest): Promise<PreviewResult> {
    const errors: PreviewResult['errors'] = { mic: null, camera: null };
    if (this.#disposed || !this.#devices) {
      if (request.mic) errors.mic = 'NotSupportedError';
      if (request.camera) errors.camera = 'NotSupportedError';
      return { stream: null, errors };
    }
    if (!request.mic || this.#audio?.deviceId !== request.micId) this.#stop('audio');
    if (!request.camera || this.#video?.deviceId !== request.cameraId) this.#stop('video');
    const needAudio = request.mic && !this.#audio;
    const needVideo = request.camera && !this.#video;
    if (needAudio && needVideo) {
      // One request for both: one permission prompt instead of two.
      try {
        const stream = await this.#devices.getUserMedia({
          audio: trackConstraints('audio', request.micId),
          video: trackConstraints('video', request.cameraId),
        });
        this.#keep(stream, request);
      } catch {
        // Find out which one failed and keep the other.
        errors.mic = await this.#open('audio', request.micId, request);
        errors.camera = await this.#open('video', request.cameraId, request);
      }
    } else if (needAudio) {
      errors.mic = await this.#open('audio', request.micId, request);
    } else if (needVideo) {
      errors.camera = await this.#open('video', request.cameraId, request);
    }
    // Labels appear once capture was allowed.
    if (needAudio || needVideo) await this.refresh();
    const tracks = [this.#audio?.track, this.#video?.track].filter((t): t is MediaStreamTrack => t !== undefined);
    return { stream: tracks.length > 0 ? new MediaStream(tracks) : null, errors };
  }

  /** Opens one source; resolves the error name or null. */
  async #open(kind: 'audio' | 'video', deviceId: string | null, request: PreviewRequest): Promise<string | null> {
    try {
      const stream = await this.#devices!.getUserMedia({ [kind]: trackConstraints(kind, deviceId) });
      this.#keep(stream, request);
      return null;
    } catch (error) {
      return captureErrorName(error);
    }
  }

  #keep(stream: MediaStream, request: PreviewRequest): void {
    for (const track of stream.getTracks()) {
      // Disposed while the prompt was open: nothing may stay on.
      if (this.#disposed) {
        track.stop();
        continue;
      }
      if (track.kind === 'audio') {
        this.#stop('audio');
        this.#audio = { track, deviceId: request.micId };
      } else {
        this.#stop('video');
        this.#video = { track, deviceId: request.cameraId };
      }
    }
  }

  #stop(kind: 'audio' | 'video'): void {
    const open = kind === 'audio' ? this.#audio : this.#video;
    open?.track.stop();
    if (kind === 'audio') this.#audio = null;
    else this.#video = null;
  }

  #onDeviceChange = (): void => {
    void this.refresh();
  };
}

/** What went wrong with a camera, microphone or screen, in the terms the person can act on. */
export type CaptureProblem = 'denied' | 'missing' | 'busy' | 'gone' | 'unsupported' | 'other';

/** DOMException name (getUserMedia / getDisplayMedia) → problem. */
export function captureProblem(name: string): CaptureProblem {
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'missing';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'OverconstrainedError':
      return 'gone';
    case 'NotSupportedError':
    case 'TypeError':
      return 'unsupported';
    default:
      return 'other';
  }
}
