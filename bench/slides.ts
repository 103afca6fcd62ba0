/**
 * bench:slides — how closely N clients switch slides together.
 *
 * Three ways to advance 20 slides, measured in one run:
 *   1. Mashup: the host starts a Pecha Kucha block once; every client syncs its
 *      clock (best of 5 pings) and switches on its own timer at the scheduled
 *      server time (what the browser client does).
 *   2. Naive "switch now": a bare Socket.IO server broadcasts each switch when
 *      it happens; clients switch on receipt.
 *   3. Local timers: N timers in this process aimed at the same instants, no
 *      network at all — the floor that one event loop running N clients allows.
 * Skew of one switch = how far a client's switch moment lies from the median
 * of all clients' moments for that slide. Prints p50/p99/max per method.
 *
 * The npm script runs this process with a larger young generation
 * (--max-semi-space-size=64): the load generator stands in for 1,000 browsers,
 * each with its own heap; with one default heap its garbage-collection pauses
 * right after the start (1,000 patches decoded at once) showed up as skew on
 * slides 1–2 that no real viewer would have.
 *
 *   npm run bench:slides                 # N=1000, 20 slides × 1 s
 *   CLIENTS=200 SLIDE_MS=500 npm run bench:slides
 */
import { performance } from 'node:perf_hooks';
import { pkNextChangeAt, pkPositionAt, type PechaKuchaBlock } from '@mashup/shared';
import { bareClient, createBenchEvent, inBatches, mashupClient, startBenchServers, type BenchClient } from './harness.js';
import { ms, summarize } from './stats.js';

const N = Number(process.env.CLIENTS ?? 1000);
const SLIDE_MS = Number(process.env.SLIDE_MS ?? 1000);
const SLIDES = 20;

/** Wall-clock time with sub-millisecond resolution (same clock for every client in this process). */
const wallNow = () => performance.timeOrigin + performance.now();

/** Per-slide moments → deviation of each moment from that slide's median. */
function skews(moments: number[][]): number[] {
  const out: number[] = [];
  for (const slide of moments) {
    if (slide.length === 0) continue;
    const sorted = [...slide].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    for (const t of slide) out.push(Math.abs(t - median));
  }
  return out;
}

async function clockOffset(c: BenchClient): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const t0 = wallNow();
    const r = await c.request<{ serverNow: number }>('clock:ping', { t0 });
    const t1 = wallNow();
    if (r.ok && t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: r.data.serverNow - (t0 + t1) / 2 };
  }
  return best.offset;
}

const servers = await startBenchServers();
const { event, hostLink } = await createBenchEvent(servers.mashup);
const hostKey = new URL(hostLink).hash.replace('#host=', '');
console.log(`bench:slides — ${N} clients, ${SLIDES} slides × ${SLIDE_MS} ms`);

// --- 1. Mashup: one schedule, local timers on synced clocks -------------------
const host = await mashupClient(servers.mashup, event.code, 'Host', hostKey);
const viewers = await inBatches(N, (i) => mashupClient(servers.mashup, event.code, `Viewer ${i}`));
// Clients sync one after another: each real client has its own machine and event loop, so a
// thousand pings at once from this one process would measure its queueing, not the network.
const offsets = await inBatches(N, (i) => clockOffset(viewers[i]!), 1);
const mashupMoments: number[][] = Array.from({ length: SLIDES }, () => []);
const done: Array<Promise<void>> = viewers.map(
  (v, i) =>
    new Promise<void>((resolve) => {
      v.socket.on('state:patch', (p: { patch: { type: string; block?: PechaKuchaBlock | null } }) => {
        if (p.patch.type !== 'pechakucha' || !p.patch.block?.run) return;
        const block = p.patch.block;
        const serverNow = () => wallNow() + offsets[i]!;
        // Like the browser: show the slide for "now", then a timer for the next change, re-computed
        // each time; a timer that fires a fraction early finds the same slide and simply waits again.
        let shown = -1;
        const step = () => {
          // One reading of the clock for both questions: read twice, a boundary could fall in
          // between, and the timer would be set for the change after next (a skipped slide).
          const now = serverNow();
          const pos = pkPositionAt(block, now);
          if (pos.phase !== 'talk' || pos.talkIndex !== 0) return resolve();
          if (pos.slideIndex !== shown) {
            shown = pos.slideIndex;
            mashupMoments[pos.slideIndex]!.push(wallNow());
          }
          const next = pkNextChangeAt(block, now);
          if (next === null) return resolve();
          setTimeout(step, Math.max(0, next - now));
        };
        step();
      });
    }),
);
await host.request('pechakucha:setup', {
  title: 'Bench',
  format: { slides: SLIDES, slideMs: SLIDE_MS },
  breakMs: 0,
  talks: [{ title: 'Bench talk' }, { title: 'After' }],
});
await host.request('pechakucha:start', {});
await Promise.all(done);
// Slide 0 is shown on receipt of the start (network), the rest on timers: compare the timed switches.
const mashupSkew = summarize(skews(mashupMoments.slice(1)));
for (const v of [host, ...viewers]) v.socket.disconnect();

// --- 2. Naive: the server says "switch now" ----------------------------------
const bare = await inBatches(N, () => bareClient(servers.bare));
const naiveMoments: number[][] = Array.from({ length: SLIDES }, () => []);
const naiveDone = bare.map(
  (s) =>
    new Promise<void>((resolve) => {
      s.on('bench:slide', (i: number) => {
        naiveMoments[i]!.push(wallNow());
        if (i === SLIDES - 1) resolve();
      });
    }),
);
bare[0]!.emit('bench:slides', { count: SLIDES, slideMs: SLIDE_MS });
await Promise.all(naiveDone);
const naiveSkew = summarize(skews(naiveMoments.slice(1)));
for (const s of bare) s.disconnect();

// --- 3. Local timers, no network ---------------------------------------------
const localMoments: number[][] = Array.from({ length: SLIDES }, () => []);
const t0 = wallNow() + 200;
await Promise.all(
  Array.from(
    { length: N },
    () =>
      new Promise<void>((resolve) => {
        let i = 0;
        const step = () => {
          localMoments[i]!.push(wallNow());
          if (++i === SLIDES) return resolve();
          setTimeout(step, Math.max(0, t0 + i * SLIDE_MS - wallNow()));
        };
        setTimeout(step, Math.max(0, t0 - wallNow()));
      }),
  ),
);
const localSkew = summarize(skews(localMoments.slice(1)));

const row = (name: string, s: ReturnType<typeof summarize>) =>
  `${name.padEnd(30)} p50 ${ms(s.p50).padStart(9)}   p99 ${ms(s.p99).padStart(9)}   max ${ms(s.max).padStart(9)}   (${s.n} switches)`;
console.log(row('mashup (schedule + clock sync)', mashupSkew));
console.log(row('naive "switch now" broadcast', naiveSkew));
console.log(row('local timers, no network', localSkew));
const target = Math.max(1.5 * localSkew.p99, 5);
console.log(
  `target: mashup p99 <= max(1.5 × local p99, 5 ms) = ${ms(target)} → ${mashupSkew.p99 <= target ? 'met' : 'NOT met'}`,
);
const spread = Math.max(...offsets) - Math.min(...offsets);
console.log(`clock offsets across clients: spread ${ms(spread)}`);
await servers.stop();
process.exit(0);
