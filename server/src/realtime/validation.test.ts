/**
 * Bad input of every kind, for every client event: an error ack with a stable
 * code, nothing written, and the server keeps serving (rules V1–V3, A1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_EVENT_NAMES, clientEvents, LIMITS, PROTOCOL_VERSION, type ClientEventName } from '@mashup/shared';
import {
  createEvent,
  join,
  joinAndConnect,
  openSocket,
  startServer,
  type TestClient,
  type TestServer,
} from '../test-support/harness.js';

let server: TestServer;
let host: TestClient;
let alex: TestClient;

beforeAll(async () => {
  server = await startServer();
  const { code, hostKey } = await createEvent(server.url);
  host = await joinAndConnect(server.url, code, { name: 'Hanna', hostKey });
  alex = await joinAndConnect(server.url, code, { name: 'Alex' });
});
afterAll(async () => {
  host.close();
  alex.close();
  await server.close();
});

const raw = (c: TestClient, name: string, ...args: unknown[]) =>
  new Promise<unknown>((resolve) => (c.socket.emit as (...a: unknown[]) => void)(name, ...args, resolve));

/** Payloads that no schema accepts: wrong types, unknown keys, arrays, primitives. */
const MALFORMED: unknown[] = [null, 42, 'text', [1, 2], { text: 12, kind: 7, t0: 'x', participantId: 5, unexpected: true }];

describe.each(CLIENT_EVENT_NAMES)('%s', (name: ClientEventName) => {
  it('malformed payloads get payload.invalid', async () => {
    for (const payload of MALFORMED) {
      // Events whose schema is `{}` accept null (read as no payload), so only count refusals where one is due.
      const accepted = clientEvents[name].schema.safeParse(payload ?? {}).success;
      const reply = await raw(host, name, payload);
      if (!accepted) expect(reply, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
    }
  });

  it('an oversized payload gets payload.too_large', async () => {
    // Media descriptions have a larger limit of their own (still below the transport's frame limit).
    const def: { maxBytes?: number } = clientEvents[name];
    const reply = await raw(host, name, { text: 'x'.repeat((def.maxBytes ?? LIMITS.payloadMaxBytes) + 1) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'payload.too_large' } });
  });

  if (clientEvents[name].access === 'host') {
    it('sent by a participant is refused with auth.forbidden', async () => {
      const valid: Record<string, unknown> = {
        'hand:dismiss': { participantId: host.participantId },
        'announcement:post': { text: 'x' },
        'countdown:start': { label: '', durationMs: 1000 },
        'countdown:extend': { deltaMs: 60_000 },
        'participant:remove': { participantId: host.participantId },
        'participant:setRole': { participantId: host.participantId, role: 'participant' },
        'pechakucha:setup': { format: { slides: 20, slideMs: 20_000 }, breakMs: 15_000, talks: [{ title: 'Ulm' }] },
        'pechakucha:hold': { hold: true },
        'pechakucha:reorder': { talkIds: ['a'] },
        'video:play': { videoId: 'v' },
        'video:seek': { positionMs: 0 },
        'video:remove': { videoId: 'v' },
        'breakout:save': { title: 'R', durationMs: 60_000, mode: 'choose', workshops: [{ title: 'W', capacity: 2 }] },
        'breakout:delete': { roundId: 'r' },
        'breakout:publish': { roundId: 'r' },
        'breakout:assign': { roundId: 'r', strategy: 'balanced' },
        'breakout:move': { roundId: 'r', participantId: 'p', workshopId: null },
        'breakout:open': { roundId: 'r' },
        'breakout:extend': { roundId: 'r', deltaMs: 60_000 },
        'breakout:close': { roundId: 'r' },
        'breakout:visit': { roundId: 'r', workshopId: null },
        'breakout:helpDone': { roundId: 'r', workshopId: 'w' },
        'results:spotlight': { spotlight: null },
        'lobby:save': { title: 'Social Eating', tables: [{ name: 'Tisch 1' }] },
        'lobby:delete': { lobbyId: 'l' },
        'lobby:open': { lobbyId: 'l' },
        'lobby:close': { lobbyId: 'l' },
        'lobby:lock': { lobbyId: 'l', tableId: 't', locked: true },
        'lobby:shuffle': { lobbyId: 'l' },
        'speeddating:save': { title: 'Speed-Dating', roundMs: 60_000, rounds: 2 },
        'speeddating:delete': { speedDatingId: 's' },
        'speeddating:start': { speedDatingId: 's' },
        'speeddating:stop': { speedDatingId: 's' },
        'media:floor': { participantId: host.participantId, floor: true },
      };
      const reply = await raw(alex, name, valid[name] ?? {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    });
  }
});

describe('the server keeps serving', () => {
  it('an unknown event gets protocol.unknown_event', async () => {
    expect(await raw(alex, 'admin:dropDatabase', {})).toMatchObject({ ok: false, error: { code: 'protocol.unknown_event' } });
  });

  it('after all of the above, the same sockets still work and nothing was written by refused commands', async () => {
    const sync = (await host.request('state:sync', {})) as { ok: true; data: TestClient['snapshot'] };
    expect(sync.ok).toBe(true);
    expect(sync.data.announcement).toBeNull();
    expect(sync.data.countdown).toBeNull();
    expect(sync.data.participants.map((p) => p.role).sort()).toEqual(['host', 'participant']);
    expect(await alex.request('chat:send', { text: 'noch da' })).toMatchObject({ ok: true });
  });

  it('a frame beyond the transport limit drops only that socket', async () => {
    const { code } = await createEvent(server.url);
    const victim = await joinAndConnect(server.url, code, { name: 'Big' });
    const closed = new Promise((resolve) => victim.socket.once('disconnect', resolve));
    (victim.socket.emit as (...a: unknown[]) => void)('chat:send', { text: 'x'.repeat(200 * 1024) });
    await closed;
    expect(await alex.request('clock:ping', { t0: 1 })).toMatchObject({ ok: true, data: { t0: 1 } });
  });

  it('a socket without a token, with a forged token or an old protocol version is refused at the handshake', async () => {
    const refusal = (s: ReturnType<typeof openSocket>) =>
      new Promise<string>((resolve) => s.once('connect_error', (e) => (s.close(), resolve(e.message))));
    expect(await refusal(openSocket(server.url, 'forged.token'))).toBe('auth.invalid');
    expect(await refusal(openSocket(server.url, alex.token, PROTOCOL_VERSION + 1))).toBe('protocol.version_mismatch');
    const noAuth = openSocket(server.url, '');
    expect(await refusal(noAuth)).toBe('auth.missing');
  });

  it('HTTP: malformed bodies, unknown codes and oversized bodies get coded errors', async () => {
    const post = (path: string, body: string) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const bad = await post('/api/events', '{"title":');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
    const wrong = await post('/api/events', JSON.stringify({ title: 'x', startsAt: 'morgen', endsAt: 'übermorgen' }));
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
    const backwards = await post(
      '/api/events',
      JSON.stringify({ title: 'x', startsAt: '2026-11-23T17:00:00Z', endsAt: '2026-11-23T09:00:00Z' }),
    );
    expect(await backwards.json()).toMatchObject({ ok: false, error: { code: 'payload.invalid', message: expect.stringContaining('endsAt') } });
    const big = await post('/api/events', JSON.stringify({ title: 'x'.repeat(100 * 1024) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'payload.too_large' } });
    const unknown = await fetch(`${server.url}/api/events/ZZZZZZ`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'event.not_found' } });
    const badCode = await fetch(`${server.url}/api/events/not-a-code`);
    expect(await badCode.json()).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
    const noName = await join(server.url, 'ZZZZZZ', { name: '' });
    expect(noName).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
  });
});

describe('HTTP rate limits per client address (rule R1)', () => {
  it('the 11th event created within a minute gets rate.limited (429); joins have their own budget', async () => {
    const local = await startServer({ env: { CREATE_RATE_PER_MINUTE: '10', JOIN_RATE_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await fetch(`${local.url}/api/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: `E${i}`, startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T17:00:00Z' }),
        });
        statuses.push(res.status);
        if (i === 10) expect(await res.json()).toMatchObject({ ok: false, error: { code: 'rate.limited' } });
      }
      expect(statuses).toEqual([...Array(10).fill(201), 429]);
      const joins = [];
      for (let i = 0; i < 4; i++) joins.push(await join(local.url, 'ZZZZZZ', { name: 'x' }));
      expect(joins.map((j) => (j.ok ? 'ok' : j.error.code))).toEqual([
        'event.not_found',
        'event.not_found',
        'event.not_found',
        'rate.limited',
      ]);
    } finally {
      await local.close();
    }
  });
});
