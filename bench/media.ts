/**
 * bench:media — audio and video on the mesh plane for workshop rooms of 2 to 6
 * browsers: what each client sends and receives (kbit/s, from getStats) and
 * how much CPU the browser processes use, with Chromium's fake camera and
 * microphone (a 640×360 test pattern and a tone).
 *
 * For each room size N: a fresh Chromium (so its CPU time is this room's),
 * N people join an event in their own contexts with camera and microphone on,
 * a host's connection opens a round with one workshop for all of them, and
 * once every page has N−1 peer connections with media flowing, two samples
 * WINDOW_S apart give the rates. CPU is user+system time of the Chromium
 * processes (/proc), per second of wall time (100 % = one core).
 *
 *   npm run bench:media                     # rooms of 2..6, 10 s windows
 *   MIN=3 MAX=4 WINDOW_S=20 npm run bench:media
 *
 * Needs the built client (the script builds it) and Chromium (/usr/bin/chromium or CHROMIUM_PATH).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@mashup/shared';
import { createBenchEvent, post, startBenchServers } from './harness.js';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.js';
import { RECORD_PEER_CONNECTIONS } from '../e2e/peer-connections.js';
import { CAMERA_AND_MIC_ON, MEDIA_STORAGE_KEY } from '../e2e/media.js';

const MIN = Number(process.env.MIN ?? 2);
const MAX = Number(process.env.MAX ?? 6);
const WINDOW_S = Number(process.env.WINDOW_S ?? 10);
/** Six browsers with a camera each take two cores fully here: give them time. */
const CONNECT_TIMEOUT_MS = Number(process.env.CONNECT_TIMEOUT_S ?? 120) * 1000;
const executablePath = chromiumPath;

interface Totals {
  connected: number;
  framesDecoded: number;
  /** Bytes per peer connection, by its index in creation order (null once it is closed). */
  perLink: ({ sent: number; received: number } | null)[];
}

function totals(page: Page): Promise<Totals> {
  return page.evaluate(async () => {
    const all = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs;
    const t = { connected: 0, framesDecoded: 0, perLink: [] as ({ sent: number; received: number } | null)[] };
    for (const pc of all) {
      if (pc.signalingState === 'closed') {
        t.perLink.push(null);
        continue;
      }
      if (pc.connectionState === 'connected') t.connected += 1;
      const link = { sent: 0, received: 0 };
      (await pc.getStats()).forEach((r: Record<string, unknown>) => {
        if (r['type'] === 'outbound-rtp') link.sent += Number(r['bytesSent'] ?? 0);
        if (r['type'] === 'inbound-rtp') link.received += Number(r['bytesReceived'] ?? 0);
        if (r['type'] === 'inbound-rtp' && r['kind'] === 'video') t.framesDecoded += Number(r['framesDecoded'] ?? 0);
      });
      t.perLink.push(link);
    }
    return t;
  });
}

/**
 * Bytes over the window, link by link: a link that connected during the window
 * counts from zero, one closed during it is left out (its last bytes are gone
 * with it), so a link replaced mid-window never makes a rate negative.
 */
function delta(before: Totals, after: Totals, key: 'sent' | 'received'): number {
  return after.perLink.reduce((sum, link, i) => (link ? sum + link[key] - (before.perLink[i]?.[key] ?? 0) : sum), 0);
}

/**
 * CPU seconds (user + system) of the browser: every descendant of this process
 * whose name says Chromium (the bench server, also a child, is a node process).
 */
function browserCpuSeconds(): number {
  const rootPid = process.pid;
  const tick = 100; // USER_HZ on Linux
  const children = new Map<number, number[]>();
  const times = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      times.set(Number(entry), /chrom/i.test(name) ? (Number(fields[11]) + Number(fields[12])) / tick : 0);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended between listing and reading: it no longer counts.
    }
  }
  let sum = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    sum += times.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

/** Polls `check` until it holds (true) or the time is up (false). */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) return false;
    await new Promise((r) => setTimeout(r, 250)); // polling a browser, not a test: nothing to wait on
  }
  return true;
}

async function room(url: string, n: number): Promise<void> {
  const { event, hostLink } = await createBenchEvent(url);
  const hostKey = new URL(hostLink).hash.replace('#host=', '');
  const browser: Browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const pages: Page[] = [];
    for (let i = 0; i < n; i++) {
      const context = await browser.newContext({ viewport: { width: 960, height: 600 }, locale: 'de-DE' });
      await context.addInitScript(RECORD_PEER_CONNECTIONS);
      await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [MEDIA_STORAGE_KEY, JSON.stringify(CAMERA_AND_MIC_ON)] as const);
      const page = await context.newPage();
      // What a page warns about (a refused join, a failed negotiation) explains odd figures.
      page.on('console', (m) => {
        if (m.type() === 'warning' || m.type() === 'error') console.log(`   client ${i + 1} ${m.type()}: ${m.text().slice(0, 300)}`);
      });
      await page.goto(`${url}/j/${event.code}`);
      await page.getByTestId('join-name').fill(`Person ${i + 1}`);
      await page.getByTestId('join-org').fill('Bench');
      await page.getByTestId('join-submit').click();
      await page.getByTestId('self-name').waitFor();
      pages.push(page);
    }
    // A host's connection from here opens a round with one workshop for all of them.
    const joined = await post<{ token: string }>(`${url}/api/events/${event.code}/join`, { name: 'Regie', org: 'Bench', hostKey });
    const host = io(url, { auth: { token: joined.token, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'] });
    await new Promise((resolve) => host.once('state:snapshot', resolve));
    const call = <T>(name: string, payload: unknown) =>
      new Promise<T>((resolve, reject) =>
        host.emit(name, payload, (a: { ok: boolean; data: T; error?: { code: string } }) => (a.ok ? resolve(a.data) : reject(new Error(`${name}: ${a.error?.code}`)))),
      );
    const { roundId } = await call<{ roundId: string }>('breakout:save', {
      title: 'Bench',
      durationMs: 60 * 60_000,
      mode: 'balanced',
      workshops: [{ title: 'Raum', capacity: n }],
    });
    await call('breakout:assign', { roundId, strategy: 'balanced' });
    await call('breakout:open', { roundId });
    // Everyone connected to everyone, with video decoding; on a saturated machine say how far it got and measure that.
    const full = await until(
      async () => (await Promise.all(pages.map(totals))).every((t) => t.connected === n - 1 && t.framesDecoded > 0),
      CONNECT_TIMEOUT_MS,
    );
    if (!full) {
      const links = (await Promise.all(pages.map(totals))).map((t) => t.connected);
      console.log(`${String(n).padStart(2)} browsers | NOT all connected after ${CONNECT_TIMEOUT_MS / 1000} s: connected links per client ${links.join(' ')} (of ${n - 1})`);
      // Where each link stands (connection/ICE/signalling state), to tell a negotiation that stalled from a slow machine.
      for (const [i, page] of pages.entries()) {
        const states = await page.evaluate(() =>
          (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs
            .filter((pc) => pc.signalingState !== 'closed')
            .map((pc) => `${pc.connectionState}/${pc.iceConnectionState}/${pc.signalingState}`),
        );
        console.log(`   client ${i + 1}: ${states.join(', ') || 'no open peer connections'}`);
      }
    }
    const before = await Promise.all(pages.map(totals));
    const cpu0 = browserCpuSeconds();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, WINDOW_S * 1000)); // the measuring window itself
    const after = await Promise.all(pages.map(totals));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = (browserCpuSeconds() - cpu0) / seconds;
    const kbit = (bytes: number) => (bytes * 8) / 1000 / seconds;
    const send = after.map((a, i) => kbit(delta(before[i]!, a, 'sent')));
    const recv = after.map((a, i) => kbit(delta(before[i]!, a, 'received')));
    const replaced = after.map((a, i) => a.perLink.filter((l, j) => l !== null && (before[i]!.perLink[j] ?? null) === null).length);
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0).padStart(5)).join(' ');
    console.log(
      `${String(n).padStart(2)} browsers | send kbit/s per client ${fmt(send)} | receive kbit/s per client ${fmt(recv)} | ` +
        `browser CPU ${(cpu * 100).toFixed(0)} % of a core (${((cpu * 100) / n).toFixed(0)} % per client)`,
    );
    const connectedNow = after.map((a) => a.connected);
    if (replaced.some((r) => r > 0) || connectedNow.some((c) => c !== n - 1)) {
      console.log(`   links connected at the end per client ${connectedNow.join(' ')} (of ${n - 1}); links made during the window ${replaced.join(' ')}`);
    }
    host.disconnect();
  } finally {
    await browser.close();
  }
}

const servers = await startBenchServers({ store: 'memory' });
try {
  console.log(`bench:media — mesh rooms of ${MIN}..${MAX} browsers, fake camera (640×360) and microphone, ${WINDOW_S} s window each`);
  for (let n = MIN; n <= MAX; n++) await room(servers.mashup, n);
} finally {
  await servers.stop();
}
