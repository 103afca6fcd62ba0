import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@mashup/shared';
import { person as basePerson, snapshot as baseSnapshot } from '../test-support/snapshots.js';
import { EventSession } from './event-session.js';
import { FakeClock, flush } from '../test-support/fake-clock.js';
import { FakeTransport } from '../test-support/fake-transport.js';

// The session tests' people have no organisation; otherwise the shared fixtures.
const person = (id: string) => basePerson(id, { org: '' });
const snapshot = (seq: number, participants = [person('p1')]): Snapshot => baseSnapshot(seq, { participants });

function setup() {
  const clock = new FakeClock();
  const transport = new FakeTransport();
  const silent = { warn: () => {}, error: () => {} };
  const session = new EventSession({ transport, clock, log: silent });
  // Clock pings are answered at once so they do not clutter the request list.
  transport.autoReply = (name, payload) =>
    name === 'clock:ping' ? { ok: true, data: { t0: (payload as { t0: number }).t0, serverNow: clock.now() } } : undefined;
  return { clock, transport, session };
}

function goLive(t: FakeTransport, seq = 1) {
  t.emitConnection({ type: 'connected' });
  t.push('state:snapshot', snapshot(seq));
}

describe('EventSession', () => {
  it('is live once the snapshot after connecting has arrived', () => {
    const { transport, session } = setup();
    transport.emitConnection({ type: 'connected' });
    expect(session.status.kind).toBe('connecting');
    transport.push('state:snapshot', snapshot(1));
    expect(session.status.kind).toBe('live');
    expect(session.state.view?.event.title).toBe('MPSC Mashup');
  });

  it('a patch gap sends one state:sync and the reply plus buffered patches bring the state up to date', async () => {
    const { transport, session } = setup();
    goLive(transport, 1);
    transport.push('state:patch', { seq: 3, patch: { type: 'participant', participant: person('p3') } });
    transport.push('state:patch', { seq: 4, patch: { type: 'participant', participant: person('p4') } });
    expect(transport.pending('state:sync')).toHaveLength(1);
    transport.pending('state:sync')[0]!.reply({ ok: true, data: snapshot(3, [person('p1'), person('p2'), person('p3')]) });
    await flush();
    expect(session.state.view?.participants.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(session.state.seq).toBe(4);
  });

  it('retries a failed sync with backoff while connected', async () => {
    const { clock, transport } = setup();
    goLive(transport, 1);
    transport.push('state:patch', { seq: 3, patch: { type: 'participant', participant: person('p3') } });
    transport.pending('state:sync')[0]!.reply({ ok: false, error: { code: 'rate.limited', message: 'slow down' } });
    await flush();
    expect(transport.pending('state:sync')).toHaveLength(0);
    await clock.advance(1_000);
    expect(transport.pending('state:sync')).toHaveLength(1);
  });

  it('a chat gap sends chat:history', () => {
    const { transport } = setup();
    goLive(transport, 1);
    transport.push('chat:message', {
      id: 'c3',
      seq: 3,
      roomId: 'plenary',
      participantId: 'p1',
      name: 'A',
      org: '',
      text: 'hallo',
      at: 1,
    });
    expect(transport.pending('chat:history')).toHaveLength(1);
  });

  it('session:end removed ends the session for good and disconnects', () => {
    const { transport, session } = setup();
    goLive(transport);
    transport.push('session:end', { reason: 'removed' });
    expect(session.status).toEqual({ kind: 'ended', reason: 'removed' });
    expect(transport.disconnectCalls).toBe(1);
    transport.emitConnection({ type: 'disconnected', reason: 'io server disconnect', willReconnect: false });
    expect(session.status).toEqual({ kind: 'ended', reason: 'removed' });
  });

  it('after a shutdown the content stays, the status is reconnecting and the session reconnects by itself', async () => {
    const { clock, transport, session } = setup();
    goLive(transport);
    transport.push('session:end', { reason: 'shutdown' });
    transport.emitConnection({ type: 'disconnected', reason: 'io server disconnect', willReconnect: false });
    expect(session.status.kind).toBe('reconnecting');
    expect(session.state.view).not.toBeNull();
    await clock.advance(1_000);
    expect(transport.connectCalls).toBe(1);
    goLive(transport, 7);
    expect(session.status.kind).toBe('live');
  });

  it.each([
    ['auth.removed', 'removed'],
    ['auth.invalid', 'authInvalid'],
    ['protocol.version_mismatch', 'versionMismatch'],
    ['event.not_found', 'eventNotFound'],
  ] as const)('a handshake refused with %s ends the session as %s', (code, reason) => {
    const { transport, session } = setup();
    transport.emitConnection({ type: 'connectError', code, willReconnect: false });
    expect(session.status).toEqual({ kind: 'ended', reason });
  });

  it('a transport error while live shows reconnecting and leaves retries to socket.io', () => {
    const { transport, session } = setup();
    goLive(transport);
    transport.emitConnection({ type: 'disconnected', reason: 'transport close', willReconnect: true });
    transport.emitConnection({ type: 'connectError', code: 'xhr poll error', willReconnect: true });
    expect(session.status.kind).toBe('reconnecting');
    expect(transport.connectCalls).toBe(0);
  });

  it('the own removal patch ends the session as removed', () => {
    const { transport, session } = setup();
    goLive(transport, 1);
    transport.push('state:patch', { seq: 2, patch: { type: 'participantRemoved', participantId: 'p1' } });
    expect(session.status).toEqual({ kind: 'ended', reason: 'removed' });
  });

  it('an unreadable snapshot ends the session as failed instead of showing garbage', () => {
    const { transport, session } = setup();
    transport.emitConnection({ type: 'connected' });
    transport.push('state:snapshot', { seq: 'x' } as unknown as Snapshot);
    expect(session.status).toEqual({ kind: 'ended', reason: 'failed' });
  });

  it('applies the own chat message from the ack even before the broadcast', async () => {
    const { transport, session } = setup();
    goLive(transport, 1);
    const sent = session.sendChat('Guten Morgen');
    const message = { id: 'c1', seq: 1, roomId: 'plenary', participantId: 'p1', name: 'A', org: '', text: 'Guten Morgen', at: 1 };
    transport.pending('chat:send')[0]!.reply({ ok: true, data: { message } });
    await sent;
    transport.push('chat:message', message);
    expect(session.state.chat?.messages.map((m) => m.text)).toEqual(['Guten Morgen']);
  });
});
