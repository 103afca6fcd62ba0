/**
 * The servers under test for the benchmarks, in their own process so the 1,000
 * clients in the parent do not share its event loop:
 *   - Mashup (buildApp, in-memory store, one process), and
 *   - a bare Socket.IO server for the baselines: it rebroadcasts whatever it
 *     gets (bench:fanout), and on request broadcasts "switch to slide i now"
 *     from its own timer (bench:slides, the naive way to advance slides).
 * Prints one JSON line with both URLs.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { MemoryStore } from '../server/src/store/memory.js';

const app = await buildApp({
  config: loadConfig({ PORT: '0', DEMO_EVENT: 'false', LOG_LEVEL: 'warn', JOIN_RATE_PER_MINUTE: '1000000' }),
  store: new MemoryStore(),
  logger: { level: 'warn' },
});
await app.listen({ port: 0, host: '127.0.0.1' });

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
  void Promise.all([app.close(), new Promise((r) => bare.close(r))]).then(() => process.exit(0));
});
