/**
 * Two real server processes on one Redis (DESIGN.md: all shared state in the
 * store, Socket.IO Redis streams adapter between processes).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countdownRemainingMs } from '@mashup/shared';
import { uniquePrefix } from '../test-support/fixtures.js';
import { connectWithToken, createEvent, join, joinAndConnect, type TestClient } from '../test-support/harness.js';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.js';

let a: ServerProcess;
let b: ServerProcess;
const clients: TestClient[] = [];

beforeAll(async () => {
  // Both prepare the demo event at once: the one that loses the race must start anyway.
  const env = { REDIS_URL: inject('redisUrl'), REDIS_PREFIX: uniquePrefix(), DEMO_EVENT: 'true' };
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 60_000);
afterAll(async () => {
  clients.forEach((c) => c.close());
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('two server processes on one Redis', () => {
  it('both prepared the same demo event', async () => {
    const [x, y] = await Promise.all([a, b].map(async (p) => (await (await fetch(`${p.url}/api/events/MPSC26`)).json()) as { data: { event: { id: string } } }));
    expect(x!.data.event.id).toBe(y!.data.event.id);
  });

  it('both report the Redis store in /healthz', async () => {
    for (const p of [a, b]) {
      const h = (await (await fetch(`${p.url}/healthz`)).json()) as { store: { kind: string; reachable: boolean } };
      expect(h.store).toEqual({ kind: 'redis', reachable: true });
    }
  });

  it('presence, chat, announcements and countdowns cross processes', async () => {
    // The event is created on A and joined through B: the store is shared.
    const { code, hostKey } = await createEvent(a.url);
    const host = await joinAndConnect(a.url, code, { name: 'Hanna', org: 'Jena', hostKey });
    clients.push(host);
    const bobSeen = host.next('state:patch', (p) => p.patch.type === 'participant' && p.patch.participant.name === 'Bob' && p.patch.participant.connected);
    const bob = await joinAndConnect(b.url, code, { name: 'Bob', org: 'Kiel' });
    clients.push(bob);
    await bobSeen;
    expect(bob.snapshot.participants.map((p) => p.name).sort()).toEqual(['Bob', 'Hanna']);

    const toBob = bob.next('chat:message', (m) => m.name === 'Hanna');
    await host.request('chat:send', { text: 'Hallo aus Prozess A' });
    expect((await toBob).text).toBe('Hallo aus Prozess A');
    const toHost = host.next('chat:message', (m) => m.name === 'Bob');
    await bob.request('chat:send', { text: 'Grüße aus Prozess B' });
    expect((await toHost).text).toBe('Grüße aus Prozess B');

    const announced = bob.next('state:patch', (p) => p.patch.type === 'announcement');
    await host.request('announcement:post', { text: 'Gleich geht es los' });
    expect(await announced).toMatchObject({ patch: { announcement: { text: 'Gleich geht es los' } } });

    const counted = bob.next('state:patch', (p) => p.patch.type === 'countdown');
    await host.request('countdown:start', { label: 'Kaffeepause', durationMs: 600_000 });
    const { patch } = (await counted) as { patch: { type: 'countdown'; countdown: NonNullable<TestClient['snapshot']['countdown']> } };
    const hostView = (await host.request('state:sync', {})) as { ok: true; data: TestClient['snapshot'] };
    const t = Date.now();
    expect(countdownRemainingMs(patch.countdown, t)).toBe(countdownRemainingMs(hostView.data.countdown!, t));

    // A removal on A ends Bob's session on B.
    const ended = bob.next('session:end');
    await host.request('participant:remove', { participantId: bob.participantId });
    expect(await ended).toEqual({ reason: 'removed' });
  });

  it('SIGTERM: clients are told, their presence is recorded, and they continue on the other process as the same person', async () => {
    const env = { REDIS_URL: inject('redisUrl'), REDIS_PREFIX: uniquePrefix() };
    const [c, d] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    try {
      const { code } = await createEvent(c.url);
      const stay = await joinAndConnect(d.url, code, { name: 'Stays' });
      clients.push(stay);
      const joined = await join(c.url, code, { name: 'Moves' });
      if (!joined.ok) throw new Error('join failed');
      const mover = await connectWithToken(c.url, joined.data.token, joined.data.participantId);
      const told = mover.next('session:end');
      const offline = stay.next('state:patch', (p) => p.patch.type === 'participant' && p.patch.participant.name === 'Moves' && !p.patch.participant.connected);
      const exit = c.stop('SIGTERM');
      expect(await told).toEqual({ reason: 'shutdown' });
      await offline;
      expect(await exit).toBe(0);
      const back = await connectWithToken(d.url, joined.data.token, joined.data.participantId);
      clients.push(back);
      expect(back.snapshot.self.participantId).toBe(joined.data.participantId);
      expect(back.snapshot.participants.filter((p) => p.name === 'Moves')).toEqual([
        expect.objectContaining({ connected: true }),
      ]);
    } finally {
      await Promise.all([c.stop(), d.stop()]);
    }
  });

  it('a process killed without warning: survivors count its sockets out (rule P3)', async () => {
    const env = { REDIS_URL: inject('redisUrl'), REDIS_PREFIX: uniquePrefix(), PRESENCE_SWEEP_MS: '200' };
    const [c, d] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    try {
      const { code } = await createEvent(d.url);
      const stay = await joinAndConnect(d.url, code, { name: 'Stays' });
      clients.push(stay);
      const doomed = await joinAndConnect(c.url, code, { name: 'On the crashed process' });
      clients.push(doomed);
      const offline = stay.next(
        'state:patch',
        (p) => p.patch.type === 'participant' && p.patch.participant.name === 'On the crashed process' && !p.patch.participant.connected,
      );
      await c.stop('SIGKILL');
      await offline;
      const view = (await stay.request('state:sync', {})) as { ok: true; data: TestClient['snapshot'] };
      expect(view.data.participants.filter((p) => p.connected).map((p) => p.name)).toEqual(['Stays']);
    } finally {
      await Promise.all([c.stop(), d.stop()]);
    }
  });
});
