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
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type Ack, type JoinReply } from '@mashup/shared';
import { ms, summarize } from './stats.js';

const N = Number(process.env.CLIENTS ?? 1000);
const MESSAGES = Number(process.env.MESSAGES ?? 30);
const WARMUP = 3;
const TEXT = 'Kurze Frage an alle: Wer hat Erfahrung mit urbanen Datenplattformen?';

const serverScript = fileURLToPath(new URL('./fanout-server.ts', import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', serverScript], { stdio: ['ignore', 'pipe', 'inherit'] });
const urls = await new Promise<{ mashup: string; bare: string }>((resolve, reject) => {
  let buf = '';
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    const line = buf.split('\n').find((l) => l.startsWith('{"mashup"'));
    if (line) resolve(JSON.parse(line) as { mashup: string; bare: string });
  });
  child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Ack<T>;
  if (!json.ok) throw new Error(`${url}: ${json.error.code}`);
  return json.data;
}

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

const created = await post<{ event: { code: string } }>(`${urls.mashup}/api/events`, {
  title: 'Bench',
  startsAt: '2026-11-23T09:00:00+01:00',
  endsAt: '2026-11-23T17:00:00+01:00',
});
const code = created.event.code;

console.log(`bench:fanout — ${N} clients in one room, ${MESSAGES} messages per path (+${WARMUP} warm-up)`);
const t = performance.now();
const mashupRound = new Round();
const bareRound = new Round();
const mashupSockets: Socket[] = [];
const bareSockets: Socket[] = [];
const BATCH = 50;
for (let i = 0; i < N; i += BATCH) {
  await Promise.all(
    Array.from({ length: Math.min(BATCH, N - i) }, async (_, j) => {
      const joined = await post<JoinReply>(`${urls.mashup}/api/events/${code}/join`, { name: `Person ${i + j}`, org: 'Bench' });
      const s = connect(urls.mashup, {
        auth: { token: joined.token, protocolVersion: PROTOCOL_VERSION },
        transports: ['websocket'],
        forceNew: true,
      });
      await new Promise<void>((resolve, reject) => {
        s.once('state:snapshot', () => resolve());
        s.once('connect_error', reject);
      });
      s.on('chat:message', () => mashupRound.arrive());
      mashupSockets.push(s);
      const b = connect(urls.bare, { transports: ['websocket'], forceNew: true });
      await new Promise<void>((resolve, reject) => {
        b.once('connect', () => resolve());
        b.once('connect_error', reject);
      });
      b.on('bench:message', () => bareRound.arrive());
      bareSockets.push(b);
    }),
  );
}
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
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
