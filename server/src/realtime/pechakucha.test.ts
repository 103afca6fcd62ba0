/**
 * Pecha Kucha over real sockets: everyone derives the same slide from the same
 * schedule, whenever and wherever they connect (rule T1), also across a
 * reconnect and a server process restart (state lives in the store).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pkPositionAt, type PechaKuchaBlock, type PkPosition } from '@mashup/shared';
import { uniquePrefix } from '../test-support/fixtures.js';
import {
  connectWithToken,
  createEvent,
  join,
  joinAndConnect,
  startServer,
  type TestClient,
} from '../test-support/harness.js';
import { startServerProcess } from '../test-support/server-process.js';

const clients: TestClient[] = [];
afterAll(() => clients.splice(0).forEach((c) => c.close()));

const setupPayload = {
  title: 'Pecha Kucha',
  format: { slides: 20, slideMs: 1_000 },
  breakMs: 2_000,
  talks: [
    { title: 'Solingen', presenterName: 'Team Solingen', municipality: 'Solingen' },
    { title: 'Wolfsburg', presenterName: 'Team Wolfsburg', municipality: 'Wolfsburg' },
  ],
};

/** The client's offset to server time from the best of 5 pings (as the browser client does). */
async function clockOffset(c: TestClient): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    const r = await c.request('clock:ping', { t0 });
    const t1 = Date.now();
    if (!r.ok) throw new Error(r.error.code);
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: r.data.serverNow - (t0 + t1) / 2 };
  }
  return best.offset;
}

const blockOf = (c: TestClient, latest: Map<TestClient, PechaKuchaBlock | null>) => latest.get(c) ?? c.snapshot.pechakucha;

describe('Pecha Kucha on the memory store', () => {
  it('200 clients, half of them joining after the start, compute the same slide at the same server time', async () => {
    // All 200 join from 127.0.0.1: lift the per-address join budget.
    const server = await startServer({ env: { JOIN_RATE_PER_MINUTE: '1000' } });
    try {
      const { code, hostKey } = await createEvent(server.url);
      const host = await joinAndConnect(server.url, code, { name: 'Hanna', hostKey });
      clients.push(host);
      const latest = new Map<TestClient, PechaKuchaBlock | null>();
      const track = (c: TestClient) =>
        c.socket.on('state:patch', (p) => {
          if (p.patch.type === 'pechakucha') latest.set(c, p.patch.block);
        });
      const early = await Promise.all(Array.from({ length: 100 }, (_, i) => joinAndConnect(server.url, code, { name: `Früh ${i}` })));
      early.forEach(track);
      clients.push(...early);
      expect(await host.request('pechakucha:setup', setupPayload)).toEqual({ ok: true, data: {} });
      const started = Promise.all(
        early.map((c) => c.next('state:patch', (p) => p.patch.type === 'pechakucha' && p.patch.block?.run !== null)),
      );
      expect(await host.request('pechakucha:start', {})).toEqual({ ok: true, data: {} });
      await started;
      const late = await Promise.all(Array.from({ length: 100 }, (_, i) => joinAndConnect(server.url, code, { name: `Spät ${i}` })));
      late.forEach(track);
      clients.push(...late);
      const all = [...early, ...late];

      // Every client holds the identical schedule…
      const reference = blockOf(early[0]!, latest)!;
      expect(reference.run).not.toBeNull();
      for (const c of all) expect(blockOf(c, latest)).toEqual(reference);
      // …so at any server time they agree on talk, phase and slide, breaks and hand-over included.
      const start = reference.run!.startAt;
      for (const t of [start, start + 500, start + 7_250, start + 19_999, start + 20_500, start + 22_000, start + 30_100]) {
        const positions = new Set(all.map((c) => JSON.stringify(pkPositionAt(blockOf(c, latest), t))));
        expect(positions.size, `at +${t - start} ms`).toBe(1);
      }
      // And with their own synced clocks, the slide each shows "now" is the same one.
      const offsets = await Promise.all(all.slice(0, 50).map(clockOffset));
      const localNow = Date.now();
      const shown = new Set(
        offsets.map((o, i) => {
          const pos = pkPositionAt(blockOf(all[i]!, latest), localNow + o) as PkPosition & { slideIndex?: number };
          return `${pos.phase}:${'talkIndex' in pos ? pos.talkIndex : ''}:${pos.slideIndex ?? ''}`;
        }),
      );
      // Two values only if "now" fell within the offsets' spread of a slide boundary.
      expect(shown.size).toBeLessThanOrEqual(2);
      expect(Math.max(...offsets) - Math.min(...offsets)).toBeLessThan(20);
    } finally {
      clients.splice(0).forEach((c) => c.close());
      await server.close();
    }
  });

  it('a client reconnecting mid-talk resumes on the right slide', async () => {
    const server = await startServer();
    try {
      const { code, hostKey } = await createEvent(server.url);
      const host = await joinAndConnect(server.url, code, { name: 'Hanna', hostKey });
      clients.push(host);
      await host.request('pechakucha:setup', setupPayload);
      await host.request('pechakucha:start', {});
      const joined = await join(server.url, code, { name: 'Alex' });
      if (!joined.ok) throw new Error('join');
      const first = await connectWithToken(server.url, joined.data.token, joined.data.participantId);
      first.close();
      const again = await connectWithToken(server.url, joined.data.token, joined.data.participantId);
      clients.push(again);
      const hostView = (await host.request('state:sync', {})) as { ok: true; data: TestClient['snapshot'] };
      expect(again.snapshot.pechakucha).toEqual(hostView.data.pechakucha);
      const t = Date.now();
      expect(pkPositionAt(again.snapshot.pechakucha, t)).toEqual(pkPositionAt(hostView.data.pechakucha, t));
      expect(pkPositionAt(again.snapshot.pechakucha, t)).toMatchObject({ phase: 'talk', talkIndex: 0 });
    } finally {
      clients.splice(0).forEach((c) => c.close());
      await server.close();
    }
  });

  it('participants cannot run the block; refused commands change nothing', async () => {
    const server = await startServer();
    try {
      const { code, hostKey } = await createEvent(server.url);
      const host = await joinAndConnect(server.url, code, { name: 'Hanna', hostKey });
      const alex = await joinAndConnect(server.url, code, { name: 'Alex' });
      clients.push(host, alex);
      expect(await host.request('pechakucha:start', {})).toMatchObject({ ok: false, error: { code: 'pechakucha.none' } });
      await host.request('pechakucha:setup', setupPayload);
      for (const name of ['pechakucha:start', 'pechakucha:pause', 'pechakucha:skip', 'pechakucha:end'] as const) {
        expect(await alex.request(name, {})).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
      }
      const view = (await host.request('state:sync', {})) as { ok: true; data: TestClient['snapshot'] };
      expect(view.data.pechakucha?.run).toBeNull();
      expect(await host.request('pechakucha:pause', {})).toMatchObject({ ok: false, error: { code: 'pechakucha.not_running' } });
    } finally {
      clients.splice(0).forEach((c) => c.close());
      await server.close();
    }
  });
});

describe('Pecha Kucha across a server restart', () => {
  it('a server process restart mid-talk does not change what anyone sees', async () => {
    const env = { REDIS_URL: inject('redisUrl'), REDIS_PREFIX: uniquePrefix() };
    const first = await startServerProcess(env);
    let second: Awaited<ReturnType<typeof startServerProcess>> | null = null;
    try {
      const { code, hostKey } = await createEvent(first.url);
      const host = await joinAndConnect(first.url, code, { name: 'Hanna', hostKey });
      const joined = await join(first.url, code, { name: 'Alex' });
      if (!joined.ok) throw new Error('join');
      const viewer = await connectWithToken(first.url, joined.data.token, joined.data.participantId);
      await host.request('pechakucha:setup', { ...setupPayload, format: { slides: 20, slideMs: 20_000 } });
      await host.request('pechakucha:start', {});
      const before = (await viewer.request('state:sync', {})) as { ok: true; data: TestClient['snapshot'] };
      host.close();
      viewer.close();
      expect(await first.stop('SIGTERM')).toBe(0);

      second = await startServerProcess(env);
      const back = await connectWithToken(second.url, joined.data.token, joined.data.participantId);
      clients.push(back);
      expect(back.snapshot.pechakucha).toEqual(before.data.pechakucha);
      const t = Date.now();
      expect(pkPositionAt(back.snapshot.pechakucha, t)).toEqual(pkPositionAt(before.data.pechakucha, t));
      expect(pkPositionAt(back.snapshot.pechakucha, t)).toMatchObject({ phase: 'talk', talkIndex: 0 });
    } finally {
      clients.splice(0).forEach((c) => c.close());
      await Promise.all([first.stop(), second?.stop()]);
    }
  });
});
