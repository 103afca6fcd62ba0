/**
 * buildApp(): a ready Fastify instance with the HTTP API, the client and the
 * realtime gateway — not listening (STYLE 2). main.ts listens; tests use port 0.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { PROTOCOL_VERSION, type Health } from '@mashup/shared';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { DomainContext } from './domain/context.js';
import { registerErrorHandling } from './http/errors.js';
import { registerEventRoutes } from './http/events.js';
import { registerMedia } from './http/media.js';
import { registerPlacementRoutes } from './http/placements.js';
import { registerUploadRoutes } from './http/uploads.js';
import { defaultClientDir, registerClient } from './http/static.js';
import { socketBroadcaster } from './realtime/broadcaster.js';
import { attachGateway } from './realtime/gateway.js';
import { createRateLimits } from './realtime/rate-limits.js';
import { createReactionAggregator } from './realtime/reactions.js';
import type { MediaPlaneImpl } from './media/plane.js';
import type { MashupServer } from './realtime/types.js';
import { ensureDemoEvent } from './services/demo.js';
import { EventService } from './services/events.js';
import { TokenSigner } from './session/tokens.js';
import { RedisStore } from './store/redis.js';
import type { EventStore } from './store/types.js';
import { DeckProcessor } from './uploads/deck-processor.js';
import { DeckService } from './uploads/decks.js';
import { FileStore } from './uploads/file-store.js';
import { uploadLimits, type UploadLimits } from './uploads/limits.js';
import { VideoService } from './uploads/videos.js';

export interface AppDeps {
  config: Config;
  store: EventStore;
  clock?: Clock;
  /** Pino options or false; tests pass false to keep output readable. */
  logger?: boolean | { level: string };
  /** Lower upload limits and a shorter deck job timeout, so tests need not send 50 MB. */
  uploads?: { limits?: Partial<UploadLimits>; jobTimeoutMs?: number };
  /**
   * The media plane: one ready-made, or a factory main.ts passes (media/select.ts:
   * the SFU when mediasoup starts, else the mesh) that gets the app's logger. The
   * mesh when absent, as in tests, which so never start a mediasoup worker.
   */
  media?: MediaPlaneImpl | ((log: FastifyBaseLogger) => Promise<MediaPlaneImpl>);
}

declare module 'fastify' {
  interface FastifyInstance {
    io: MashupServer;
    /** Prepares the demo event (idempotent) and returns its links; main.ts calls it once listening. */
    ensureDemoEvent(): Promise<{ hostLink: string; participantLink: string }>;
    /** The base URL used in links (PUBLIC_URL, else the address we listen on). */
    baseUrl(): string;
  }
}

// Socket.IO's own frame limit: beyond this the connection is dropped. Each event's
// payload is additionally limited to LIMITS.payloadMaxBytes with a clean error ack.
const MAX_FRAME_BYTES = 64 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, store } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    // Log API requests only: static files and health probes would drown the useful lines.
    logController: new LogController({ disableRequestLogging: (req) => !req.url.startsWith('/api/') }),
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    genReqId: () => randomUUID(),
  });
  registerErrorHandling(app);

  // A configured secret wins (every process is given the same one); otherwise the
  // first process stores a generated one and the others adopt it.
  const secret = config.sessionSecret ?? (await store.sessionSecret(randomBytes(32).toString('base64url')));
  const signer = new TokenSigner(secret);
  const ctx = (): DomainContext => ({ now: clock.now(), newId: () => randomUUID() });

  const io: MashupServer = new Server(app.server, {
    maxHttpBufferSize: MAX_FRAME_BYTES,
    serveClient: false,
    // Connection-state recovery is a bonus (DESIGN.md); sequence numbers and snapshots are the guarantee.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  let adapterClient: Awaited<ReturnType<RedisStore['duplicateClient']>> | null = null;
  if (store instanceof RedisStore) {
    adapterClient = await store.duplicateClient();
    io.adapter(
      createAdapter(adapterClient, {
        streamName: store.keys.adapterStream(),
        channelPrefix: store.keys.adapterChannelPrefix(),
        sessionKeyPrefix: store.keys.adapterSessionPrefix(),
        onlyPlaintext: true, // we only ever send JSON: skip the binary scan of every packet
      }),
    );
  }
  app.decorate('io', io);

  const broadcast = socketBroadcaster(io, adapterClient !== null);
  const mediaPlane: MediaPlaneImpl = typeof deps.media === 'function' ? await deps.media(app.log) : (deps.media ?? { kind: 'mesh' });
  const files = new FileStore(resolve(config.dataDir));
  const reactions = createReactionAggregator(clock, broadcast);
  const limits = createRateLimits(
    config.rateLimits,
    store instanceof RedisStore ? { client: store.client, keys: store.keys } : undefined,
  );
  const gateway = attachGateway(io, {
    store,
    broadcast,
    clock,
    ctx,
    reactions,
    files,
    signer,
    limits,
    log: app.log,
    presenceSweepMs: config.presenceSweepMs,
    media: mediaPlane,
    mediaConfig: { iceServers: config.iceServers, meshMaxPublishers: config.meshMaxPublishers },
  });
  await gateway.start();

  const events = new EventService({ store, signer, broadcast, ctx });
  let listeningUrl = `http://localhost:${config.port}`;
  app.decorate('baseUrl', () => config.publicUrl ?? listeningUrl);
  app.addHook('onListen', async function () {
    const addr = app.server.address();
    if (addr && typeof addr === 'object') {
      const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      listeningUrl = `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${addr.port}`;
    }
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    // Everything is served from here: the browser may talk to no other host (DESIGN.md, GDPR).
    reply.header(
      'content-security-policy',
      "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  app.get('/healthz', async (_req, reply) => {
    const reachable = await store.ping();
    const body: Health = {
      status: reachable ? 'ok' : 'degraded',
      store: { kind: store.kind, reachable },
      media: mediaPlane.kind,
      protocolVersion: PROTOCOL_VERSION,
      uptimeS: Math.round(process.uptime()),
    };
    // Plain JSON (no envelope): load balancers and probes read the status code and `status`.
    return reply.status(reachable ? 200 : 503).send(body);
  });
  registerEventRoutes(app, events, limits, () => app.baseUrl());

  const newId = () => randomUUID();
  const upload = uploadLimits(deps.uploads?.limits);
  const processor = new DeckProcessor({ clock, log: app.log, timeoutMs: deps.uploads?.jobTimeoutMs });
  const decks = new DeckService({ store, files, broadcast, processor, clock, newId, limits: upload, log: app.log });
  const videos = new VideoService({ store, files, broadcast, clock, newId });
  await registerUploadRoutes(app, { store, signer, limits, files, decks, videos, uploadLimits: upload });
  await registerPlacementRoutes(app, { store, signer, limits, broadcast, clock });
  await registerMedia(app, files);
  // Leftovers of uploads interrupted by a crash; an hour keeps other processes' work in progress.
  await files.sweepStaging(60 * 60_000, clock.now()).catch((err: unknown) => app.log.warn({ err }, 'staging sweep failed'));
  await registerClient(app, config.clientDir ?? defaultClientDir());

  app.decorate('ensureDemoEvent', () =>
    ensureDemoEvent(events, secret, app.baseUrl(), new Date(clock.now()), { store, decks, files, broadcast, newId, log: app.log }),
  );

  // Graceful shutdown: tell clients, let them reconnect to another process, record their presence, then close.
  app.addHook('preClose', async () => {
    await gateway.shutdown(config.shutdownGraceMs);
    if (mediaPlane.kind === 'sfu') await mediaPlane.close();
    reactions.dispose();
    io.engine.close();
  });
  app.addHook('onClose', async () => {
    await processor.close();
    if (adapterClient?.isOpen) await adapterClient.close();
  });

  return app;
}
