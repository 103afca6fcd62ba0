import { describe, expect, it } from 'vitest';
import { ROUND_CLOSING_MS, type Round, type Snapshot } from '@mashup/shared';
import { person as basePerson, round as draftRound, snapshot as baseSnapshot } from '../test-support/snapshots.js';
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

  describe('rooms (rule B1: computed from the rounds and the synced clock)', () => {
    const START = 1_000_000;
    const round = (extra: Partial<Round> = {}): Round =>
      draftRound({
        title: 'Workshoprunde 1',
        workshops: [
          { id: 'w1', title: 'Datenplattformen', description: '', moderatorId: null, capacity: 10, tag: '' },
          { id: 'w2', title: 'Digitale Zwillinge', description: '', moderatorId: null, capacity: 10, tag: '' },
        ],
        seats: { w1: { seated: ['p1'], waitlist: [] }, w2: { seated: [], waitlist: [] } },
        publishedAt: START - 1_000,
        ...extra,
      });
    const opened = (extra: Partial<Round> = {}) => round({ openedAt: START, endsAt: START + 30 * 60_000, ...extra });

    function liveWith(rounds: Round[]) {
      const s = setup();
      s.transport.emitConnection({ type: 'connected' });
      s.transport.push('state:snapshot', baseSnapshot(1, { participants: [person('p1')], rounds }));
      return s;
    }

    it('a round opening moves the chat to the workshop room and asks for its history', () => {
      const { transport, session } = liveWith([round()]);
      expect(session.roomId).toBe('plenary');
      transport.push('state:patch', { seq: 2, patch: { type: 'round', round: opened() } });
      expect(session.roomId).toBe('w1');
      expect(session.state.chat?.roomId).toBe('w1');
      expect(transport.pending('chat:history')).toHaveLength(1);
    });

    it('at the end of the closing warning the chat returns to the plenary by itself, no patch needed', async () => {
      const { clock, transport, session } = liveWith([opened()]);
      expect(session.state.chat?.roomId).toBe('w1');
      transport.pending('chat:history')[0]!.reply({ ok: true, data: { roomId: 'w1', seq: 0, messages: [] } });
      await flush();
      await clock.advance(30 * 60_000 + ROUND_CLOSING_MS - 1);
      expect(session.roomId).toBe('w1');
      await clock.advance(1);
      expect(session.roomId).toBe('plenary');
      expect(session.state.chat?.roomId).toBe('plenary');
      expect(transport.pending('chat:history')).toHaveLength(1);
    });

    it('a host closing early re-plans the return: 60 s after the close, not at the planned end', async () => {
      const { clock, transport, session } = liveWith([opened()]);
      await clock.advance(5 * 60_000);
      transport.push('state:patch', { seq: 2, patch: { type: 'round', round: opened({ closingAt: clock.now() }) } });
      await clock.advance(ROUND_CLOSING_MS - 1);
      expect(session.roomId).toBe('w1');
      await clock.advance(1);
      expect(session.roomId).toBe('plenary');
    });

    it('a late joiner lands in its room from the snapshot without a room change', () => {
      const { transport, session } = setup();
      transport.emitConnection({ type: 'connected' });
      transport.push('state:snapshot', baseSnapshot(1, { rounds: [opened()], chat: { roomId: 'w1', seq: 4, messages: [] } }));
      expect(session.roomId).toBe('w1');
      expect(transport.pending('chat:history')).toHaveLength(0);
    });

    it('a history answered for the previous room is asked again instead of leaving the chat empty', async () => {
      const { clock, transport, session } = liveWith([round()]);
      transport.push('state:patch', { seq: 2, patch: { type: 'round', round: opened() } });
      transport.pending('chat:history')[0]!.reply({ ok: true, data: { roomId: 'plenary', seq: 3, messages: [] } });
      await flush();
      expect(transport.pending('chat:history')).toHaveLength(0);
      await clock.advance(1_000);
      const message = { id: 'c1', seq: 1, roomId: 'w1', participantId: 'p1', name: 'A', org: '', text: 'Hallo Raum', at: 1 };
      transport.pending('chat:history')[0]!.reply({ ok: true, data: { roomId: 'w1', seq: 1, messages: [message] } });
      await flush();
      expect(session.state.chat?.messages.map((m) => m.text)).toEqual(['Hallo Raum']);
    });

    it('room:activity keeps the latest time per room and ignores unreadable pushes', () => {
      const { transport, session } = liveWith([opened()]);
      transport.push('room:activity', { roomId: 'w1', at: 5 });
      transport.push('room:activity', { roomId: 'w1', at: 3 });
      transport.push('room:activity', { roomId: 'w2', at: 4 });
      transport.push('room:activity', { roomId: 7 } as unknown as { roomId: string; at: number });
      expect(Object.fromEntries(session.roomActivity)).toEqual({ w1: 5, w2: 4 });
    });

    it('dispose stops the room timer', () => {
      const { clock, session } = liveWith([opened()]);
      session.dispose();
      expect(clock.pendingTimers).toBe(0);
    });
  });
});
