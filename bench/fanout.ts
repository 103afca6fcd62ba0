/**
 * bench:fanout — chat fan-out latency for N clients in one room, against a bare
 * Socket.IO broadcast measured in the same run.
 *
 * For each message: one client sends, and we record when each of the N clients
 * receives it (same process, same monotonic clock). Mashup's path includes
 * validation, authorization, rate limiting and the store write; the bare path
 * is `io.emit` of a same-sized payload. Messages alternate between the two so
 * both see the same machine conditions.
 *
 *   npm run bench:fanout              # N=1000, 30 messages each
 *   CLIENTS=200 MESSAGES=50 npm run bench:fanout
 */
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import type { Ack } from '@mashup/shared';
import { bareClient, createBenchEvent, inBatches, mashupClient, startBenchServers } from './harness.js';
import { ms, summarize } from './stats.js';

const N = Number(process.env.CLIENTS ?? 1000);
const MESSAGES = Number(process.env.MESSAGES ?? 30);
const WARMUP = 3;
const TEXT = 'Kurze Frage an alle: Wer hat Erfahrung mit urbanen Datenplattformen?';

const servers = await startBenchServers();
const urls = servers;

/** Resolves when `count` sockets have each called `done` once for the current round. */
class Round {
  private arrivals: number[] = [];
  private resolve: (() => void) | null = null;
  t0 = 0;
  start(expected: number): Promise<void> {
    this.arrivals = [];
    return new Promise((r) => {
      this.resolve = () => this.arrivals.length === expected && r();
    });
  }
  arrive() {
    this.arrivals.push(performance.now() - this.t0);
    this.resolve?.();
  }
  get latencies() {
    return this.arrivals;
  }
}

const code = (await createBenchEvent(urls.mashup)).event.code;

console.log(`bench:fanout — ${N} clients in one room, ${MESSAGES} messages per path (+${WARMUP} warm-up)`);
const t = performance.now();
const mashupRound = new Round();
const bareRound = new Round();
const mashupSockets: Socket[] = [];
const bareSockets: Socket[] = [];
await inBatches(N, async (i) => {
  const m = await mashupClient(urls.mashup, code, `Person ${i}`);
  m.socket.on('chat:message', () => mashupRound.arrive());
  mashupSockets.push(m.socket);
  const b = await bareClient(urls.bare);
  b.on('bench:message', () => bareRound.arrive());
  bareSockets.push(b);
});
console.log(`connected ${N} + ${N} sockets in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const mashupLat: number[] = [];
const bareLat: number[] = [];
let bareSample: unknown = null;
for (let i = 0; i < WARMUP + MESSAGES; i++) {
  const sender = i % N;
  // Mashup: a different sender each time, as in a real chat (and within the per-person rate limit).
  let done = mashupRound.start(N);
  mashupRound.t0 = performance.now();
  const ack = await new Promise<Ack<{ message: unknown }>>((resolve) =>
    (mashupSockets[sender]!.emit as (...a: unknown[]) => void)('chat:send', { text: `${TEXT} #${i}` }, resolve),
  );
  if (!ack.ok) throw new Error(`chat:send refused: ${ack.error.code}`);
  bareSample ??= ack.data.message; // the bare path broadcasts a payload of the same shape and size
  await done;
  if (i >= WARMUP) mashupLat.push(...mashupRound.latencies);

  done = bareRound.start(N);
  bareRound.t0 = performance.now();
  bareSockets[sender]!.emit('bench:send', { ...(bareSample as object), text: `${TEXT} #${i}` });
  await done;
  if (i >= WARMUP) bareLat.push(...bareRound.latencies);
}

const m = summarize(mashupLat);
const b = summarize(bareLat);
const row = (name: string, s: ReturnType<typeof summarize>) =>
  `${name.padEnd(26)} p50 ${ms(s.p50).padStart(10)}   p95 ${ms(s.p95).padStart(10)}   p99 ${ms(s.p99).padStart(10)}   max ${ms(s.max).padStart(10)}   (${s.n} deliveries)`;
console.log(row('mashup chat:send', m));
console.log(row('bare socket.io broadcast', b));
console.log(
  `ratio mashup / bare        p50 ${(m.p50 / b.p50).toFixed(2)}        p95 ${(m.p95 / b.p95).toFixed(2)}        p99 ${(m.p99 / b.p99).toFixed(2)}   (target p99 ratio <= 1.3)`,
);

for (const s of [...mashupSockets, ...bareSockets]) s.disconnect();
await servers.stop();
