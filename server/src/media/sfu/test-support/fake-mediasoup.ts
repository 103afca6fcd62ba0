/**
 * An in-memory double of the part of mediasoup the SFU plane uses (surface.ts),
 * with mediasoup's documented behaviour where the plane relies on it:
 * closing a transport closes its producers and consumers, closing a producer
 * closes every consumer of it (also on routers it was piped to), a dead worker
 * closes its routers, malformed parameters throw TypeError, and a request on
 * an object that closed while the request was on its way to the worker fails.
 */
import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { MediasoupModule, MsConsumer, MsProducer, MsRouter, MsWebRtcTransport, MsWorker, PipeOptions } from '../surface.js';

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${++seq}`;

/** The channel request to the worker: one turn later, and refused if the object closed meanwhile. */
async function workerRoundTrip(target: { readonly closed: boolean }, what: string): Promise<void> {
  await Promise.resolve();
  if (target.closed) throw new Error(`${what} not found`);
}

const CAPS: types.RtpCapabilities = {
  codecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2, preferredPayloadType: 100 }],
  headerExtensions: [],
};

export class FakeConsumer implements MsConsumer {
  readonly id = nextId('consumer');
  readonly observer = new EventEmitter();
  readonly rtpParameters: types.RtpParameters = { codecs: [] };
  closed = false;
  paused: boolean;
  preferredLayers: types.ConsumerLayers | undefined;
  constructor(
    readonly producerId: string,
    readonly kind: types.MediaKind,
    readonly type: types.ConsumerType,
    readonly transport: FakeTransport,
    paused: boolean,
  ) {
    this.paused = paused;
  }
  async pause(): Promise<void> {
    await workerRoundTrip(this, 'Consumer');
    this.paused = true;
  }
  async resume(): Promise<void> {
    await workerRoundTrip(this, 'Consumer');
    this.paused = false;
  }
  async setPreferredLayers(layers: types.ConsumerLayers): Promise<void> {
    this.preferredLayers = layers;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.transport.consumers.delete(this.id);
    this.observer.emit('close');
  }
}

export class FakeProducer implements MsProducer {
  readonly id: string;
  closed = false;
  constructor(
    readonly kind: types.MediaKind,
    readonly simulcast: boolean,
    readonly world: FakeMediasoup,
    id?: string,
  ) {
    this.id = id ?? nextId('producer');
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    // mediasoup: consumers of a closed producer close (piped copies included: they share the id).
    for (const c of this.world.allConsumers()) if (c.producerId === this.id) c.close();
    for (const r of this.world.routers) r.producers.delete(this.id);
  }
}

export class FakeTransport implements MsWebRtcTransport {
  readonly id = nextId('transport');
  iceParameters: types.IceParameters = { usernameFragment: 'u', password: 'p', iceLite: true };
  readonly iceCandidates: types.IceCandidate[] = [
    { foundation: 'udpcandidate', priority: 1, ip: '127.0.0.1', address: '127.0.0.1', protocol: 'udp', port: 40001, type: 'host' },
  ];
  readonly dtlsParameters: types.DtlsParameters = { role: 'auto', fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] };
  readonly producers = new Map<string, FakeProducer>();
  readonly consumers = new Map<string, FakeConsumer>();
  closed = false;
  connectedWith: types.DtlsParameters | null = null;
  constructor(
    readonly router: FakeRouter,
    readonly options: types.WebRtcTransportOptions,
  ) {}
  async connect({ dtlsParameters }: { dtlsParameters: types.DtlsParameters }): Promise<void> {
    if (!Array.isArray(dtlsParameters.fingerprints)) throw new TypeError('missing dtlsParameters.fingerprints');
    this.connectedWith = dtlsParameters;
  }
  /** As mediasoup: new credentials, which the transport's iceParameters show from then on. */
  async restartIce(): Promise<types.IceParameters> {
    await workerRoundTrip(this, 'Transport');
    this.iceParameters = { usernameFragment: nextId('u'), password: nextId('p'), iceLite: true };
    return this.iceParameters;
  }
  async produce(options: types.ProducerOptions): Promise<MsProducer> {
    if (!Array.isArray(options.rtpParameters.codecs)) throw new TypeError('missing rtpParameters.codecs');
    const simulcast = (options.rtpParameters.encodings?.length ?? 0) > 1;
    const p = new FakeProducer(options.kind, simulcast, this.router.world);
    this.producers.set(p.id, p);
    this.router.producers.set(p.id, p);
    return p;
  }
  async consume(options: types.ConsumerOptions): Promise<MsConsumer> {
    const p = this.router.producers.get(options.producerId);
    if (!p) throw new Error(`Producer with id "${options.producerId}" not found`);
    const type: types.ConsumerType = p.kind === 'video' && p.simulcast ? 'simulcast' : 'simple';
    const c = new FakeConsumer(p.id, p.kind, type, this, options.paused === true);
    this.consumers.set(c.id, c);
    return c;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.producers.values()) p.close();
    for (const c of [...this.consumers.values()]) c.close();
    this.router.transports.delete(this.id);
  }
}

export class FakeRouter implements MsRouter {
  readonly id = nextId('router');
  readonly rtpCapabilities = CAPS;
  readonly transports = new Map<string, FakeTransport>();
  /** Producers consumable here: own ones and piped copies. */
  readonly producers = new Map<string, FakeProducer>();
  readonly pipes: Array<{ producerId: string; to: string }> = [];
  closed = false;
  constructor(
    readonly worker: FakeWorker,
    readonly options: types.RouterOptions,
    readonly world: FakeMediasoup,
  ) {}
  canConsume({ producerId, rtpCapabilities }: { producerId: string; rtpCapabilities: types.RtpCapabilities }): boolean {
    return this.producers.has(producerId) && Array.isArray(rtpCapabilities.codecs);
  }
  async createWebRtcTransport(options: types.WebRtcTransportOptions): Promise<MsWebRtcTransport> {
    const t = new FakeTransport(this, options);
    this.transports.set(t.id, t);
    return t;
  }
  async pipeToRouter({ producerId, router }: PipeOptions): Promise<unknown> {
    const p = producerId ? this.producers.get(producerId) : undefined;
    const target = this.world.routers.find((r) => r.id === router.id);
    if (!p || !target) throw new Error('pipeToRouter: unknown producer or router');
    if (target.producers.has(p.id)) throw new Error(`a Producer with same producerId "${p.id}" already exists`);
    this.pipes.push({ producerId: p.id, to: target.id });
    target.producers.set(p.id, p);
    return {};
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of [...this.transports.values()]) t.close();
  }
}

export class FakeWorker extends EventEmitter implements MsWorker {
  readonly pid = ++seq;
  died = false;
  closed = false;
  readonly routers: FakeRouter[] = [];
  constructor(
    readonly settings: types.WorkerSettings,
    readonly world: FakeMediasoup,
  ) {
    super();
  }
  async createRouter(options: types.RouterOptions): Promise<MsRouter> {
    const r = new FakeRouter(this, options, this.world);
    this.routers.push(r);
    this.world.routers.push(r);
    return r;
  }
  close(): void {
    this.closed = true;
    for (const r of this.routers) r.close();
  }
  /** The subprocess crashed: mediasoup closes its routers, then emits 'died'. */
  die(): void {
    this.died = true;
    this.closed = true;
    for (const r of this.routers) r.close();
    this.emit('died', new Error('worker process exited with signal SIGKILL'));
  }
}

export class FakeMediasoup implements MediasoupModule {
  readonly version = 'fake';
  readonly workers: FakeWorker[] = [];
  readonly routers: FakeRouter[] = [];
  /** Makes the next createWorker() calls fail (a missing binary). */
  failWorkers = false;

  async createWorker(settings: types.WorkerSettings): Promise<MsWorker> {
    if (this.failWorkers) throw new Error('spawn mediasoup-worker ENOENT');
    const w = new FakeWorker(settings, this);
    this.workers.push(w);
    return w;
  }

  allConsumers(): FakeConsumer[] {
    return this.routers.flatMap((r) => [...r.transports.values()].flatMap((t) => [...t.consumers.values()]));
  }

  transport(id: string): FakeTransport {
    const t = this.routers.flatMap((r) => [...r.transports.values()]).find((x) => x.id === id);
    if (!t) throw new Error(`no transport ${id}`);
    return t;
  }

  consumer(id: string): FakeConsumer {
    const c = this.allConsumers().find((x) => x.id === id);
    if (!c) throw new Error(`no consumer ${id}`);
    return c;
  }
}
