/**
 * bench:breakouts — opening a workshop round for 200 of 1,000 connected
 * clients, against a plain broadcast to the same 200 measured in the same run.
 *
 * Setup (not measured): 1,000 Mashup clients join; a host saves a balanced
 * round of 20 workshops × 10 seats and assigns it, which seats 200 of them.
 * Each run then measures, from the moment the host's `breakout:open` is
 * emitted, until the last of the 200 has (a) received the `state:patch` with
 * the opened round and (b) computed with the shared `roomOf` from its own
 * state that its room is its workshop — what the browser client does to switch
 * rooms (rule B1). Every client keeps its rounds from the snapshot and the
 * patches, as the real client does.
 *
 * Baseline, same run, same server process: the server emits exactly the
 * bytes the open sends (a `roundSchedule` patch) to the 200 participant rooms
 * through the bench-only `/bench` namespace (bench/control.ts). That is the
 * "plain broadcast to the same 200" the issue names: same Socket.IO server,
 * same adapter (Redis streams by default), same JSON decoding in the clients,
 * but no validation, no store write and no rules. An `announcement:post` was
 * not used: it goes to all 1,000, so it would not compare the audience. The
 * open's patch also goes to the other 800 (everyone's view of who is where
 * changes); the server writes it to the 200 who move first (Broadcaster
 * `first`), so the 800 do not delay them. A diagnostic line shows the same
 * payload sent to everyone at once, as a plain event-wide patch would go.
 *
 * Between runs the host closes the round and the bench resets it to "not
 * opened" (bench:reset), since the rules never reopen a round.
 *
 *   npm run bench:breakouts                  # 1,000 clients, 20 runs, Redis
 *   CLIENTS=500 RUNS=50 STORE=memory npm run bench:breakouts
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { io as connect, type Socket } from 'socket.io-client';
import { PLENARY_ROOM, roomOf, type Ack, type Round, type SequencedPatch } from '@mashup/shared';
import { createBenchEvent, inBatches, mashupClient, startBenchServers, type BenchClient } from './harness.js';
import { ms, summarize } from './stats.js';

const N = Number(process.env.CLIENTS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 20);
const STORE = process.env.STORE === 'memory' ? 'memory' : 'redis';
const WORKSHOPS = 20;
const SEATS = 10;
const WARMUP = 3;

/** A connected person keeping the rounds as the browser client does. */
class Person {
  rounds: Round[];
  private checks: Array<() => boolean> = [];
  constructor(
    readonly id: string,
    readonly client: BenchClient,
    private readonly onChange: (p: Person) => void,
    private readonly onCast: (p: Person) => void,
    private readonly onAnnounce: (p: Person) => void,
  ) {
    this.rounds = client.snapshot.rounds;
    this.seq = client.snapshot.seq;
    client.socket.on('state:patch', ({ seq, patch }: SequencedPatch) => {
      this.seq = Math.max(this.seq, seq);
      if (patch.type === 'round') {
        const i = this.rounds.findIndex((r) => r.id === patch.round.id);
        this.rounds = i < 0 ? [...this.rounds, patch.round] : this.rounds.map((r, j) => (j === i ? patch.round : r));
      } else if (patch.type === 'seats') {
        this.rounds = this.rounds.map((r) => (r.id === patch.roundId ? { ...r, seats: { ...r.seats, ...patch.seats } } : r));
      } else if (patch.type === 'roundSchedule') {
        const { type: _type, roundId, ...times } = patch;
        this.rounds = this.rounds.map((r) => (r.id === roundId ? { ...r, ...times } : r));
      } else if (patch.type === 'roundRemoved') {
        this.rounds = this.rounds.filter((r) => r.id !== patch.roundId);
      } else if (patch.type === 'announcement') {
        this.onAnnounce(this);
        return;
      } else return;
      this.onChange(this);
      this.checks = this.checks.filter((c) => !c());
    });
    client.socket.on('bench:roomcast', () => {
      this.casts++;
      this.onCast(this);
      this.castChecks = this.castChecks.filter((c) => !c());
    });
  }
  /** The newest event sequence number seen. */
  seq = 0;
  /** bench casts received so far (to let every client settle before the next measurement). */
  casts = 0;
  private castChecks: Array<() => boolean> = [];
  untilCasts(n: number): Promise<void> {
    if (this.casts >= n) return Promise.resolve();
    return new Promise((resolve) => this.castChecks.push(() => (this.casts >= n ? (resolve(), true) : false)));
  }
  /** Resolves once `check` holds for this person's state (checked now and after every patch). */
  until(check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve) => this.checks.push(() => (check() ? (resolve(), true) : false)));
  }
  /** The room this person's client shows: the same computation as the browser's. Same machine, same clock as the server. */
  room(): string {
    return roomOf(this.id, this.rounds, Date.now());
  }
}

/** One timed run: resolves when every expected person has arrived once. */
class Run {
  private arrived = new Map<string, number>();
  private done: (() => void) | null = null;
  t0 = 0;
  constructor(private readonly expected: number) {}
  wait(): Promise<void> {
    return new Promise((r) => (this.done = r));
  }
  arrive(id: string) {
    if (this.arrived.has(id)) return;
    this.arrived.set(id, performance.now() - this.t0);
    if (this.arrived.size === this.expected) this.done?.();
  }
  get latencies() {
    return [...this.arrived.values()];
  }
}

const servers = await startBenchServers({ store: STORE });
try {
  await main(servers.mashup);
} finally {
  await servers.stop();
}

async function main(url: string) {
  const { event, hostLink } = await createBenchEvent(url);
  const hostKey = new URL(hostLink).hash.replace('#host=', '');
  const code = event.code;
  console.log(`bench:breakouts — ${N} clients (${STORE} store), a round moving ${WORKSHOPS * SEATS} of them into ${WORKSHOPS} rooms; ${RUNS} runs (+${WARMUP} warm-up)`);

  const target = new Map<string, string>(); // person → workshop
  let mode: 'idle' | 'open' | 'cast' | 'announce' = 'idle';
  let run: Run | null = null;

  const t = performance.now();
  const host = await mashupClient(url, code, 'Moderation', hostKey);
  // A co-host posts the announcements: each host keeps well inside its own command budget (rule R1).
  const cohost = await mashupClient(url, code, 'Co-Moderation', hostKey);
  const eventId = host.snapshot.event.id;
  // The movers join first and alone, so the balanced assignment seats exactly them;
  // the crowd that stays in the plenary joins afterwards, in its own thread (bench/crowd.ts).
  const MOVERS = Math.min(N, WORKSHOPS * SEATS);
  const people = await inBatches(MOVERS, async (i) => {
    const client = await mashupClient(url, code, `Person ${i}`);
    return new Person(
      client.snapshot.self.participantId,
      client,
      (p) => {
        const w = target.get(p.id);
        if (mode === 'open' && w !== undefined && p.room() === w) run!.arrive(p.id);
      },
      (p) => {
        if (mode === 'cast' && target.has(p.id)) run!.arrive(p.id);
      },
      (p) => {
        if (mode === 'announce' && target.has(p.id)) run!.arrive(p.id);
      },
    );
  });

  const control: Socket = connect(`${url}/bench`, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    control.once('connect', resolve);
    control.once('connect_error', reject);
  });
  const controlCall = (name: string, payload: unknown) =>
    new Promise<void>((resolve, reject) =>
      control.emit(name, payload, (r: { ok: boolean; error?: string }) => (r.ok ? resolve() : reject(new Error(`${name}: ${r.error}`)))),
    );
  const hostCall = async <T>(name: string, payload: unknown): Promise<T> => {
    const ack: Ack<T> = await host.request<T>(name, payload);
    if (!ack.ok) throw new Error(`${name} refused: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  };

  // Seats prepared beforehand: only the open is measured.
  const { roundId } = await hostCall<{ roundId: string }>('breakout:save', {
    title: 'Bench-Runde',
    durationMs: 60 * 60_000,
    mode: 'balanced',
    workshops: Array.from({ length: WORKSHOPS }, (_, i) => ({ title: `Workshop ${i + 1}`, capacity: SEATS })),
  });
  const assigned = await hostCall<{ placed: number }>('breakout:assign', { roundId, strategy: 'balanced' });
  if (assigned.placed !== Math.min(N, WORKSHOPS * SEATS)) throw new Error(`assign placed ${assigned.placed}`);
  const seatedIn = (r: Round | undefined) => (r ? Object.values(r.seats).reduce((n, s) => n + s.seated.length, 0) : 0);
  await Promise.all(people.map((p) => p.until(() => seatedIn(p.rounds.find((r) => r.id === roundId)) === assigned.placed)));
  // Node 20 does not hand `--import tsx` to worker threads: the worker registers tsx itself.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./crowd.ts', import.meta.url).href)}); })`;
  const crowd = new Worker(boot, { eval: true, workerData: { url, code, count: N - MOVERS } });
  await new Promise<void>((resolve, reject) => {
    crowd.once('message', () => resolve());
    crowd.once('error', reject);
  });
  console.log(`connected ${N} clients (${MOVERS} here, ${N - MOVERS} in a worker thread) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  let barrierId = 0;
  let eventcasts = 0;
  /** Waits until every crowd client has taken as many patches and casts as the movers have. */
  const crowdSettled = () => {
    const id = ++barrierId;
    const { seq } = people[0]!;
    const casts = eventcasts; // the crowd gets only the event-wide casts
    return new Promise<void>((resolve) => {
      const onMessage = (m: { type: string; id: number }) => {
        if (m.type !== 'barrier' || m.id !== id) return;
        crowd.off('message', onMessage);
        resolve();
      };
      crowd.on('message', onMessage);
      crowd.postMessage({ type: 'barrier', id, seq, casts });
    });
  };
  const round = people[0]!.rounds.find((r) => r.id === roundId)!;
  for (const [wid, s] of Object.entries(round.seats)) for (const pid of s.seated) target.set(pid, wid);
  const measured = people.filter((p) => target.has(p.id));

  // The baseline's payload: exactly what the open sends on the wire (a `roundSchedule`
  // patch with the round's times), so both sides move the same bytes to the 200.
  const now = Date.now();
  const payload = {
    seq: 1_000_000,
    patch: { type: 'roundSchedule', roundId, publishedAt: round.publishedAt ?? now, openedAt: now, endsAt: now + round.durationMs, closingAt: null, help: [] },
  };
  await controlCall('bench:prepare', { eventId, participantIds: [...target.keys()], payload });
  console.log(
    `round prepared: ${target.size} people seated in ${WORKSHOPS} workshops; ` +
      `open patch ≈ ${JSON.stringify(payload).length} bytes (the whole round would be ${JSON.stringify(round).length})`,
  );

  /** Times one command: from `fire` to the last of the seated people arriving; returns per-person latencies. */
  const measure = async (kind: 'open' | 'cast' | 'announce', fire: () => void): Promise<number[]> => {
    run = new Run(target.size);
    const done = run.wait();
    mode = kind;
    run.t0 = performance.now();
    fire();
    await done;
    mode = 'idle';
    return run.latencies;
  };
  const results = { open: [] as number[][], room: [] as number[][], event: [] as number[][], announce: [] as number[][] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    // Mashup: the host's command → one CAS on the round → one patch → each client computes its room.
    let openAck: Promise<Ack<unknown>> = Promise.resolve({ ok: true, data: {} });
    const open = await measure('open', () => (openAck = host.request('breakout:open', { roundId })));
    const ack = await openAck;
    if (!ack.ok) throw new Error(`breakout:open refused: ${ack.error.code}`);
    // Let everyone take the open's patch, so the baseline does not queue behind it.
    await Promise.all(people.map((p) => p.until(() => p.rounds.find((r) => r.id === roundId)?.openedAt != null)));
    await crowdSettled();
    // Baseline: the same 200, the same payload, no rules.
    const room = await measure('cast', () => control.emit('bench:roomcast', null, () => undefined));
    // Diagnostic: that payload to everyone, as a patch goes (fan-out cost without the rules).
    const before = new Map(people.map((p) => [p, p.casts]));
    const all = await measure('cast', () => control.emit('bench:eventcast', null, () => undefined));
    eventcasts++;
    await Promise.all(people.map((p) => p.untilCasts(before.get(p)! + 1)));
    await crowdSettled();
    // Mashup's own broadcast, the host's text to every room: the same funnel and a store write, to everyone.
    let announceAck: Promise<Ack<unknown>> = Promise.resolve({ ok: true, data: {} });
    const announce = await measure('announce', () => (announceAck = cohost.request('announcement:post', { text: `Noch ${RUNS - i} Minuten` })));
    const announced = await announceAck;
    if (!announced.ok) throw new Error(`announcement:post refused: ${announced.error.code}`);
    await crowdSettled();
    if (i >= WARMUP) {
      results.open.push(open);
      results.room.push(room);
      results.event.push(all);
      results.announce.push(announce);
    }
    await hostCall('breakout:close', { roundId });
    await controlCall('bench:reset', { eventId, roundId });
    await Promise.all(measured.map((p) => p.until(() => p.room() === PLENARY_ROOM)));
    await crowdSettled(); // every measurement starts from a quiet system
  }

  const row = (name: string, s: ReturnType<typeof summarize>, unit: string) =>
    `${name.padEnd(44)} p50 ${ms(s.p50).padStart(10)}   p99 ${ms(s.p99).padStart(10)}   max ${ms(s.max).padStart(10)}   (${s.n} ${unit})`;
  const last = (runs: number[][]) => summarize(runs.map((r) => Math.max(...r)));
  const each = (runs: number[][]) => summarize(runs.flat());
  const lines: Array<[string, number[][]]> = [
    ['mashup breakout:open', results.open],
    [`plain broadcast to the ${target.size}`, results.room],
    [`same payload to all ${N + 1} (diagnostic)`, results.event],
    ['host broadcast (announcement:post)', results.announce],
  ];
  console.log(`time from the command to the LAST of the ${target.size} clients in its room, per run:`);
  for (const [name, runs] of lines) console.log(row(`  ${name}`, last(runs), 'runs'));
  console.log('per client (all deliveries):');
  for (const [name, runs] of lines) console.log(row(`  ${name}`, each(runs), 'deliveries'));
  const o = last(results.open);
  const c = last(results.room);
  const a = last(results.announce);
  console.log(
    `ratio open / plain broadcast (last client)  p50 ${(o.p50 / c.p50).toFixed(2)}   p99 ${(o.p99 / c.p99).toFixed(2)}   (target: p99 <= 50 ms and no slower than the broadcast)`,
  );
  console.log(`ratio open / host broadcast (last client)   p50 ${(o.p50 / a.p50).toFixed(2)}   p99 ${(o.p99 / a.p99).toFixed(2)}`);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `target: p99 <= 50 ms ${verdict(o.p99 <= 50)}; p99 no slower than the plain broadcast ${verdict(o.p99 <= c.p99)}; ` +
      `p99 no slower than the host broadcast ${verdict(o.p99 <= a.p99)}`,
  );

  control.disconnect();
  host.socket.disconnect();
  cohost.socket.disconnect();
  for (const p of people) p.client.socket.disconnect();
  crowd.postMessage({ type: 'stop' });
  await new Promise((resolve) => crowd.once('exit', resolve));
}
