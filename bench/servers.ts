/**
 * The servers under test for the benchmarks, in their own process so the 1,000
 * clients in the parent do not share its event loop:
 *   - Mashup (buildApp, in-memory store, one process), and
 *   - a bare Socket.IO server for the baselines: it rebroadcasts whatever it
 *     gets (bench:fanout), and on request broadcasts "switch to slide i now"
 *     from its own timer (bench:slides, the naive way to advance slides).
 * With BENCH_STORE=redis, Mashup runs on a private redis-server (started
 * here, on a free port) with the Redis streams adapter, as in production.
 * A bench-only namespace `/bench` (registered here, never by buildApp) lets
 * bench:breakouts reset a round and time a plain broadcast on the same server.
 * Prints one JSON line with both URLs.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { MemoryStore } from '../server/src/store/memory.js';
import { RedisStore } from '../server/src/store/redis.js';
import type { EventStore } from '../server/src/store/types.js';
import { startRedis } from '../server/src/test-support/redis-server.js';
import { registerBenchControl } from './control.js';

const redis = process.env.BENCH_STORE === 'redis' ? await startRedis() : null;
const store: EventStore = redis ? await RedisStore.connect({ url: redis.url, prefix: 'bench:' }) : new MemoryStore();
const app = await buildApp({
  config: loadConfig({ PORT: '0', DEMO_EVENT: 'false', LOG_LEVEL: 'warn', JOIN_RATE_PER_MINUTE: '1000000' }),
  store,
  logger: { level: 'warn' },
});
await app.listen({ port: 0, host: '127.0.0.1' });
registerBenchControl(app.io, store);

const http = createServer();
const bare = new Server(http, { serveClient: false });
bare.on('connection', (socket) => {
  socket.on('bench:send', (payload: unknown, ack?: () => void) => {
    bare.emit('bench:message', payload);
    ack?.();
  });
  socket.on('bench:slides', ({ count, slideMs }: { count: number; slideMs: number }, ack?: () => void) => {
    let i = 0;
    const tick = () => {
      bare.emit('bench:slide', i);
      if (++i < count) setTimeout(tick, slideMs);
    };
    setTimeout(tick, slideMs);
    ack?.();
  });
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const addr = http.address();
const barePort = typeof addr === 'object' && addr ? addr.port : 0;

process.stdout.write(`${JSON.stringify({ mashup: app.baseUrl(), bare: `http://127.0.0.1:${barePort}` })}\n`);
process.on('SIGTERM', () => {
  void Promise.all([app.close(), new Promise((r) => bare.close(r))])
    .then(() => (redis ? store.close().then(() => redis.stop()) : undefined))
    .then(() => process.exit(0));
});
