/**
 * The plenary over real sockets against the real server (port 0), once on the
 * in-memory store and once on a real Redis. Rule ids refer to docs/PROTOCOL.md.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { countdownRemainingMs } from '@mashup/shared';
import {
  connectWithToken,
  createEvent,
  join,
  joinAndConnect,
  openSocket,
  startServer,
  type TestClient,
  type TestServer,
} from '../test-support/harness.js';

describe.each(['memory', 'redis'] as const)('plenary on the %s store', (kind) => {
  let server: TestServer;
  let code: string;
  let hostKey: string;
  const clients: TestClient[] = [];

  const person = async (name: string, org = 'Ulm', asHost = false) => {
    const c = await joinAndConnect(server.url, code, { name, org, ...(asHost ? { hostKey } : {}) });
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await startServer(kind === 'redis' ? { redisUrl: inject('redisUrl') } : {});
    ({ code, hostKey } = await createEvent(server.url));
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await server.close();
  });

  it('the host link gives the host role, the participant link a participant (rule A1)', async () => {
    const host = await person('Hanna Host', 'Jena', true);
    const alex = await person('Alex');
    expect(host.snapshot.self.role).toBe('host');
    expect(alex.snapshot.self.role).toBe('participant');
    expect(alex.snapshot.event.code).toBe(code);
  });

  it('a wrong host key is refused with auth.invalid', async () => {
    const r = await join(server.url, code, { name: 'Mallory', hostKey: 'guessed' });
    expect(r).toMatchObject({ ok: false, error: { code: 'auth.invalid' } });
  });

  it('presence: a newcomer appears connected to everyone; leaving shows them disconnected', async () => {
    const a = await person('Alex');
    const seen = a.next('state:patch', (p) => p.patch.type === 'participant' && p.patch.participant.name === 'Bea' && p.patch.participant.connected);
    const b = await person('Bea', 'Kiel');
    await seen;
    expect(b.snapshot.participants.map((p) => [p.name, p.connected]).sort()).toEqual([
      ['Alex', true],
      ['Bea', true],
    ]);
    const gone = a.next('state:patch', (p) => p.patch.type === 'participant' && p.patch.participant.name === 'Bea' && !p.patch.participant.connected);
    b.close();
    await gone;
  });

  it('chat reaches everyone in the room as plain text and is in the history of late joiners', async () => {
    const a = await person('Alex');
    const b = await person('Bea');
    const arrives = b.next('chat:message');
    const sent = await a.request('chat:send', { text: '  <img src=x onerror=alert(1)> Hallo  ' });
    expect(sent.ok).toBe(true);
    const msg = await arrives;
    expect(msg).toMatchObject({ text: '<img src=x onerror=alert(1)> Hallo', name: 'Alex', org: 'Ulm', seq: 1 });
    const late = await person('Carla');
    expect(late.snapshot.chat.messages.map((m) => m.text)).toEqual(['<img src=x onerror=alert(1)> Hallo']);
  });

  it('chat is rate-limited per participant: the 11th message within 10 s gets rate.limited', async () => {
    const a = await person('Alex');
    const replies = [];
    for (let i = 0; i < 11; i++) replies.push(await a.request('chat:send', { text: `m${i}` }));
    expect(replies.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(replies[10]).toMatchObject({ ok: false, error: { code: 'rate.limited' } });
    expect(await a.request('chat:history', {})).toMatchObject({ ok: true, data: { seq: 10 } });
  });

  it('chat longer than the limit is refused with payload.invalid', async () => {
    const a = await person('Alex');
    const r = await a.request('chat:send', { text: 'x'.repeat(1001) });
    expect(r).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
  });

  it('reactions are aggregated into one burst per room', async () => {
    const a = await person('Alex');
    const b = await person('Bea');
    const burst = b.next('reaction:burst');
    await Promise.all([
      a.request('reaction:send', { kind: 'applause' }),
      a.request('reaction:send', { kind: 'applause' }),
      b.request('reaction:send', { kind: 'heart' }),
    ]);
    expect((await burst).counts).toEqual({ applause: 2, heart: 1 });
  });

  it('hands form an ordered queue; a host lowers one and then all', async () => {
    const host = await person('Hanna', 'Jena', true);
    const a = await person('Alex');
    const b = await person('Bea');
    await a.request('hand:raise', {});
    await b.request('hand:raise', {});
    await a.request('hand:raise', {}); // raising again keeps Alex's place
    const { data } = (await host.request('state:sync', {})) as { data: { hands: { participantId: string }[] } };
    expect(data.hands.map((h) => h.participantId)).toEqual([a.participantId, b.participantId]);
    const afterOne = host.next('state:patch', (p) => p.patch.type === 'hands' && p.patch.hands.length === 1);
    expect(await host.request('hand:dismiss', { participantId: a.participantId })).toEqual({ ok: true, data: {} });
    expect(await afterOne).toMatchObject({ patch: { hands: [{ participantId: b.participantId }] } });
    const empty = b.next('state:patch', (p) => p.patch.type === 'hands' && p.patch.hands.length === 0);
    await host.request('hand:dismissAll', {});
    await empty;
  });

  it('an announcement reaches every participant and late joiners; clearing removes it', async () => {
    const host = await person('Hanna', 'Jena', true);
    const a = await person('Alex');
    const got = a.next('state:patch', (p) => p.patch.type === 'announcement');
    await host.request('announcement:post', { text: 'In 5 Minuten geht es weiter.' });
    expect(await got).toMatchObject({ patch: { announcement: { text: 'In 5 Minuten geht es weiter.', by: 'Hanna' } } });
    const late = await person('Carla');
    expect(late.snapshot.announcement?.text).toBe('In 5 Minuten geht es weiter.');
    const cleared = late.next('state:patch', (p) => p.patch.type === 'announcement' && p.patch.announcement === null);
    await host.request('announcement:clear', {});
    await cleared;
  });

  it('the countdown is one schedule: everyone, late joiners included, computes the same remaining time (rule T1)', async () => {
    const host = await person('Hanna', 'Jena', true);
    const a = await person('Alex');
    const started = a.next('state:patch', (p) => p.patch.type === 'countdown');
    await host.request('countdown:start', { label: 'Kaffeepause', durationMs: 600_000 });
    const { patch } = (await started) as { patch: { type: 'countdown'; countdown: NonNullable<TestClient['snapshot']['countdown']> } };
    const late = await person('Carla');
    expect(late.snapshot.countdown).toEqual(patch.countdown);
    const at = patch.countdown.endsAt! - 123_456;
    expect(countdownRemainingMs(late.snapshot.countdown!, at)).toBe(123_456);

    expect(await host.request('countdown:pause', {})).toEqual({ ok: true, data: {} });
    expect(await host.request('countdown:pause', {})).toMatchObject({ ok: false, error: { code: 'countdown.not_running' } });
    const paused = (await host.request('state:sync', {})) as { ok: true; data: TestClient['snapshot'] };
    const left = paused.data.countdown!.pausedRemainingMs!;
    expect(left).toBeGreaterThan(590_000);
    await host.request('countdown:extend', { deltaMs: 60_000 });
    const extended = (await host.request('state:sync', {})) as { ok: true; data: TestClient['snapshot'] };
    expect(extended.data.countdown!.pausedRemainingMs).toBe(left + 60_000);
    await host.request('countdown:resume', {});
    const resumed = (await host.request('state:sync', {})) as { ok: true; data: TestClient['snapshot'] };
    expect(resumed.data.countdown!.endsAt).not.toBeNull();
    await host.request('countdown:stop', {});
    expect(await host.request('countdown:stop', {})).toMatchObject({ ok: false, error: { code: 'countdown.none' } });
  });

  it('a reload brings the same participant back without a duplicate entry', async () => {
    const first = await join(server.url, code, { name: 'Alex', org: 'Ulm' });
    if (!first.ok) throw new Error('join failed');
    const c1 = await connectWithToken(server.url, first.data.token, first.data.participantId);
    c1.close();
    const again = await join(server.url, code, { name: 'Alex', org: 'Ulm', token: first.data.token });
    expect(again).toMatchObject({ ok: true, data: { participantId: first.data.participantId } });
    const c2 = await connectWithToken(server.url, first.data.token, first.data.participantId);
    clients.push(c2);
    expect(c2.snapshot.participants.filter((p) => p.name === 'Alex')).toHaveLength(1);
    expect(c2.snapshot.self.participantId).toBe(first.data.participantId);
  });

  it('a host removes a participant: their tab is told, closed, and the token cannot rejoin', async () => {
    const host = await person('Hanna', 'Jena', true);
    const a = await person('Alex');
    const ended = a.next('session:end');
    const removedPatch = host.next('state:patch', (p) => p.patch.type === 'participantRemoved');
    expect(await host.request('participant:remove', { participantId: a.participantId })).toEqual({ ok: true, data: {} });
    expect(await ended).toEqual({ reason: 'removed' });
    expect(await removedPatch).toMatchObject({ patch: { participantId: a.participantId } });
    expect(await join(server.url, code, { name: 'Alex', token: a.token })).toMatchObject({
      ok: false,
      error: { code: 'auth.removed' },
    });
    const s = openSocket(server.url, a.token);
    const err = await new Promise<Error>((resolve) => s.once('connect_error', resolve));
    expect(err.message).toBe('auth.removed');
    s.close();
    expect(await host.request('participant:remove', { participantId: host.participantId })).toMatchObject({
      ok: false,
      error: { code: 'participant.self' },
    });
  });

  it('a host promotes someone to co-host, who may then use host commands at once (rule A2)', async () => {
    const host = await person('Hanna', 'Jena', true);
    const a = await person('Alex');
    expect(await a.request('announcement:post', { text: 'Hallo' })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await host.request('participant:setRole', { participantId: a.participantId, role: 'host' })).toEqual({ ok: true, data: {} });
    expect(await a.request('announcement:post', { text: 'Hallo' })).toEqual({ ok: true, data: {} });
    expect(await a.request('participant:setRole', { participantId: host.participantId, role: 'participant' })).toEqual({ ok: true, data: {} });
    expect(await host.request('countdown:start', { label: '', durationMs: 1000 })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('every change carries the next event sequence number, in order (rule O1)', async () => {
    const host = await person('Hanna', 'Jena', true);
    const seqs: number[] = [];
    host.socket.on('state:patch', (p) => seqs.push(p.seq));
    const done = host.next('state:patch', (p) => p.patch.type === 'countdown');
    await host.request('announcement:post', { text: 'a' });
    await host.request('hand:raise', {});
    await host.request('countdown:start', { label: '', durationMs: 5000 });
    await done;
    const start = host.snapshot.seq;
    expect(seqs).toEqual([start + 1, start + 2, start + 3]);
  });
});
