/**
 * The part of mediasoup's API the SFU plane uses, as narrow structural types.
 *
 * Why not mediasoup's own interfaces directly: tests run against an in-memory
 * double (test-support/fake-mediasoup.ts) because the worker binary is not
 * built everywhere, and a double of mediasoup's full `Router`/`Transport` would
 * be mostly noise. select.ts assigns the real module to `MediasoupModule`, so
 * the compiler proves that mediasoup's typings satisfy every member here.
 * Parameter objects use mediasoup's own types (`types.*`).
 */
import type { types } from 'mediasoup';

export type RtpCapabilities = types.RtpCapabilities;
export type RtpParameters = types.RtpParameters;
export type DtlsParameters = types.DtlsParameters;
export type MediaKind = types.MediaKind;

export interface MsConsumer {
  readonly id: string;
  readonly producerId: string;
  readonly kind: MediaKind;
  readonly type: types.ConsumerType;
  readonly rtpParameters: RtpParameters;
  readonly closed: boolean;
  pause(): Promise<void>;
  resume(): Promise<void>;
  setPreferredLayers(layers: types.ConsumerLayers): Promise<void>;
  close(): void;
  /** Fires however the consumer closes (its producer, transport or router closed, or close()). */
  readonly observer: { on(event: 'close', listener: () => void): unknown };
}

export interface MsProducer {
  readonly id: string;
  readonly kind: MediaKind;
  readonly closed: boolean;
  close(): void;
}

export interface MsWebRtcTransport {
  readonly id: string;
  readonly closed: boolean;
  readonly iceParameters: types.IceParameters;
  readonly iceCandidates: types.IceCandidate[];
  readonly dtlsParameters: DtlsParameters;
  connect(params: { dtlsParameters: DtlsParameters }): Promise<void>;
  /** New local ICE username fragment and password; mediasoup keeps them as `iceParameters` too. */
  restartIce(): Promise<types.IceParameters>;
  produce(options: types.ProducerOptions): Promise<MsProducer>;
  consume(options: types.ConsumerOptions): Promise<MsConsumer>;
  close(): void;
}

/** What `pipeToRouter` needs besides the target (the listen IP of the pipe transports between workers). */
export interface PipeOptions {
  /** Optional as in mediasoup (a data producer may be piped instead); we always give one. */
  producerId?: string;
  router: MsRouter;
  listenInfo?: types.TransportListenInfo;
}

export interface MsRouter {
  readonly id: string;
  readonly closed: boolean;
  readonly rtpCapabilities: RtpCapabilities;
  canConsume(params: { producerId: string; rtpCapabilities: RtpCapabilities }): boolean;
  createWebRtcTransport(options: types.WebRtcTransportOptions): Promise<MsWebRtcTransport>;
  /**
   * Declared with our narrow target router; mediasoup's own signature takes its
   * `Router`. Method parameters are checked bivariantly, and at run time the
   * target is always a real router of the same module.
   */
  pipeToRouter(options: PipeOptions): Promise<unknown>;
  close(): void;
}

export interface MsWorker {
  readonly pid: number;
  readonly died: boolean;
  readonly closed: boolean;
  /** The worker subprocess died unexpectedly: mediasoup has closed its routers (and all in them). */
  on(event: 'died', listener: (error: Error) => void): unknown;
  createRouter(options: types.RouterOptions): Promise<MsRouter>;
  close(): void;
}

export interface MediasoupModule {
  readonly version: string;
  createWorker(settings: types.WorkerSettings): Promise<MsWorker>;
}
