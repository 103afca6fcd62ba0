/**
 * The only file that listens: reads config, opens the store, builds the app,
 * listens, and shuts down gracefully on SIGTERM/SIGINT.
 */
import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { createMediaPlane } from './media/select.js';
import { MemoryStore } from './store/memory.js';
import { RedisStore, redactUrl } from './store/redis.js';
import type { EventStore } from './store/types.js';

async function main() {
  const config = loadConfig(process.env);
  let store: EventStore;
  if (config.redisUrl) {
    try {
      store = await RedisStore.connect({
        url: config.redisUrl,
        prefix: config.redisPrefix,
        onError: (err) => console.error(JSON.stringify({ level: 50, msg: 'redis error', err: err.message })),
      });
    } catch (err) {
      console.error(`mashup: ${(err as Error).message}\nCheck REDIS_URL, or unset it to use the in-memory store.`);
      process.exit(1);
    }
  } else {
    store = new MemoryStore();
  }

  const app = await buildApp({ config, store, media: (log) => createMediaPlane(config, log) });
  app.log.info(
    { store: store.kind, redis: config.redisUrl ? redactUrl(config.redisUrl) : undefined },
    store.kind === 'redis'
      ? 'store: redis (shared state; several processes may run side by side)'
      : 'store: in-memory (single process; state is lost on restart; set REDIS_URL for production)',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await store.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // The demo event is ready before we announce ourselves, so whoever waits for
  // "mashup listening" (people, scripts, tests) can use it at once.
  const links = config.demoEvent ? await app.ensureDemoEvent() : null;
  app.log.info({ url: app.baseUrl() }, 'mashup listening');
  if (links) {
    app.log.info(links, 'demo event ready');
    process.stdout.write(
      `\n  Mashup läuft / is running: ${app.baseUrl()}\n` +
        `  Demo "MPSC Mashup Demo"\n` +
        `    Moderation (host):      ${links.hostLink}\n` +
        `    Teilnehmende (join):    ${links.participantLink}\n\n`,
    );
  }
}

main().catch((err: unknown) => {
  console.error('mashup: failed to start:', err);
  process.exit(1);
});
