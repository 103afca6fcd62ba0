/**
 * Audio level of a MediaStream, 0..1, for the device check's meter and the
 * speaking indicator (state/active-speaker.ts). A WebAudio AnalyserNode reads
 * the time-domain samples; the level is their RMS on a dB scale.
 *
 * Sampled with a timer rather than requestAnimationFrame: animation frames stop
 * in a background tab, and the active speaker must keep following there. Ten
 * samples a second are smooth enough for a bar and cheap on office laptops.
 */
import { systemClock, type Clock, type Disposer } from '../clock.js';

/** Root mean square of samples in -1..1 (0 for none). */
export function rmsLevel(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    sum += s * s;
  }
  return Math.min(1, Math.sqrt(sum / samples.length));
}

/** The quietest level the meter shows: −60 dBFS is below the hiss of a laptop microphone. */
export const METER_FLOOR_DB = -60;

/**
 * RMS → 0..1 on a dB scale (−60 dBFS → 0, 0 dBFS → 1): loudness is heard
 * logarithmically, and raw RMS of speech (0.01–0.2) would barely move a bar.
 */
export function meterLevel(rms: number): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.max(0, Math.min(1, (db - METER_FLOOR_DB) / -METER_FLOOR_DB));
}

export interface LevelMeterOptions {
  /** Shared context (a page should not open one per stream); otherwise the meter opens and closes its own. */
  context?: AudioContext;
  intervalMs?: number;
  clock?: Clock;
}

/** Follows one stream's audio level until dispose(). A stream without audio reads 0. */
export class LevelMeter {
  readonly #context: AudioContext;
  readonly #ownsContext: boolean;
  readonly #source: MediaStreamAudioSourceNode | null;
  readonly #analyser: AnalyserNode;
  readonly #samples: Float32Array<ArrayBuffer>;
  readonly #onLevel: (level: number) => void;
  readonly #intervalMs: number;
  readonly #clock: Clock;
  #timer: Disposer | null = null;
  #level = 0;
  #disposed = false;

  constructor(stream: MediaStream, onLevel: (level: number) => void, options: LevelMeterOptions = {}) {
    this.#ownsContext = options.context === undefined;
    this.#context = options.context ?? new AudioContext();
    this.#onLevel = onLevel;
    this.#intervalMs = options.intervalMs ?? 100;
    this.#clock = options.clock ?? systemClock;
    this.#analyser = this.#context.createAnalyser();
    this.#analyser.fftSize = 1024;
    this.#samples = new Float32Array(this.#analyser.fftSize);
    // createMediaStreamSource throws for a stream without an audio track.
    this.#source = stream.getAudioTracks().length > 0 ? this.#context.createMediaStreamSource(stream) : null;
    this.#source?.connect(this.#analyser);
    // A context made outside a click starts suspended (autoplay rule); the meter needs it running.
    if (this.#context.state === 'suspended') {
      this.#context.resume().catch((error: unknown) => console.warn('mashup: audio context stays suspended', error));
    }
    this.#schedule();
  }

  get level(): number {
    return this.#level;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#timer?.();
    this.#timer = null;
    this.#source?.disconnect();
    this.#analyser.disconnect();
    if (this.#ownsContext) this.#context.close().catch((error: unknown) => console.warn('mashup: closing audio context failed', error));
  }

  #schedule(): void {
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      if (this.#disposed) return;
      this.#sample();
      this.#schedule();
    }, this.#intervalMs);
  }

  #sample(): void {
    if (!this.#source) {
      this.#level = 0;
    } else {
      this.#analyser.getFloatTimeDomainData(this.#samples);
      this.#level = meterLevel(rmsLevel(this.#samples));
    }
    this.#onLevel(this.#level);
  }
}
