/**
 * Real servers and real socket.io clients for integration tests: the app is
 * built with buildApp() and listens on port 0; clients join over HTTP and
 * connect over WebSocket exactly as the browser does.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientEventName,
  type ClientToServerEvents,
  type JoinReply,
  type PayloadOf,
  type ReplyOf,
  type ServerToClientEvents,
  type Snapshot,
} from '@mashup/shared';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../app.js';
import type { Clock } from '../clock.js';
import { loadConfig } from '../config.js';
import { MemoryStore } from '../store/memory.js';
import { RedisStore } from '../store/redis.js';
import type { EventStore } from '../store/types.js';
import { uniquePrefix } from './fixtures.js';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  store: EventStore;
  close(): Promise<void>;
}

export async function startServer(
  opts: {
    redisUrl?: string;
    prefix?: string;
    clock?: Clock;
    env?: Record<string, string>;
    uploads?: AppDeps['uploads'];
    /** A media plane other than the mesh (e.g. a recording SFU double). */
    media?: AppDeps['media'];
  } = {},
): Promise<TestServer> {
  const prefix = opts.prefix ?? uniquePrefix();
  const store: EventStore = opts.redisUrl ? await RedisStore.connect({ url: opts.redisUrl, prefix }) : new MemoryStore();
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: await mkdtemp(joinPath(tmpdir(), 'mashup-test-')),
    DEMO_EVENT: 'false',
    REDIS_PREFIX: prefix,
    SHUTDOWN_GRACE_MS: '2000',
    ...opts.env,
  });
  const app = await buildApp({
    config,
    store,
    logger: false,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.uploads ? { uploads: opts.uploads } : {}),
    ...(opts.media ? { media: opts.media } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = app.baseUrl();
  return {
    app,
    url,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export async function createEvent(url: string, title = 'Testveranstaltung') {
  const res = await fetch(`${url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      startsAt: '2026-11-23T09:00:00+01:00',
      endsAt: '2026-11-23T17:00:00+01:00',
    }),
  });
  const body = (await res.json()) as Ack<{ event: { code: string; id: string }; hostLink: string; participantLink: string }>;
  if (!body.ok) throw new Error(body.error.message);
  const hostKey = new URL(body.data.hostLink).hash.replace('#host=', '');
  return { ...body.data, code: body.data.event.code, hostKey };
}

export async function join(
  url: string,
  code: string,
  body: { name: string; org?: string; hostKey?: string; token?: string },
): Promise<Ack<JoinReply>> {
  const res = await fetch(`${url}/api/events/${code}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ org: '', ...body }),
  });
  return (await res.json()) as Ack<JoinReply>;
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestClient {
  socket: TestSocket;
  token: string;
  participantId: string;
  snapshot: Snapshot;
  request<E extends ClientEventName>(name: E, payload: PayloadOf<E>): Promise<Ack<ReplyOf<E>>>;
  /** Resolves with the next push of `name` that satisfies `match`. */
  next<K extends keyof ServerToClientEvents>(
    name: K,
    match?: (...args: Parameters<ServerToClientEvents[K]>) => boolean,
  ): Promise<Parameters<ServerToClientEvents[K]>[0]>;
  close(): void;
}

export function openSocket(url: string, token: string, protocolVersion = PROTOCOL_VERSION): TestSocket {
  return connectSocket(url, {
    auth: { token, protocolVersion },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
}

export function waitFor<K extends keyof ServerToClientEvents>(
  socket: TestSocket,
  name: K,
  match: (...args: Parameters<ServerToClientEvents[K]>) => boolean = () => true,
): Promise<Parameters<ServerToClientEvents[K]>[0]> {
  return new Promise((resolve) => {
    const listener = ((...args: Parameters<ServerToClientEvents[K]>) => {
      if (!match(...args)) return;
      socket.off(name, listener as never);
      resolve(args[0]);
    }) as never;
    socket.on(name, listener);
  });
}

/** Connects with a token and waits for the first snapshot. */
export async function connectWithToken(url: string, token: string, participantId: string): Promise<TestClient> {
  const socket = openSocket(url, token);
  const snapshot = await new Promise<Snapshot>((resolve, reject) => {
    socket.once('state:snapshot', resolve);
    socket.once('connect_error', reject);
  });
  return {
    socket,
    token,
    participantId,
    snapshot,
    request: (name, payload) =>
      new Promise((resolve) => {
        (socket.emit as (...a: unknown[]) => void)(name, payload, resolve);
      }),
    next: (name, match) => waitFor(socket, name, match),
    close: () => socket.disconnect(),
  };
}

export async function joinAndConnect(
  url: string,
  code: string,
  profile: { name: string; org?: string; hostKey?: string },
): Promise<TestClient> {
  const reply = await join(url, code, profile);
  if (!reply.ok) throw new Error(`join failed: ${reply.error.code}`);
  return connectWithToken(url, reply.data.token, reply.data.participantId);
}

/**
 * `n` participants joined round-robin over `urls` (several server processes),
 * in batches of 25 so two cores keep up with the handshakes.
 */
export async function joinCrowd(urls: readonly string[], code: string, n: number, label: string): Promise<TestClient[]> {
  const out: TestClient[] = [];
  for (let i = 0; i < n; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, n - i) }, (_, j) =>
        joinAndConnect(urls[(i + j) % urls.length]!, code, { name: `${label} ${i + j}`, org: 'Test' }),
      ),
    );
    out.push(...batch);
  }
  return out;
}
