import { describe, expect, it } from 'vitest';
import { SPEED_DATING_LEAD_MS, datingFloorRoomId, pairRoomId, type SpeedDating } from '@mashup/shared';
import { person, snapshot, speedDating } from '../test-support/snapshots.js';
import { EventSession } from './event-session.js';
import { FakeClock, flush } from '../test-support/fake-clock.js';
import { FakeTransport } from '../test-support/fake-transport.js';

const ROUND = 30_000;
const BREAK = 10_000;

function live(sessions: SpeedDating[]) {
  const clock = new FakeClock();
  const transport = new FakeTransport();
  const session = new EventSession({ transport, clock, log: { warn: () => {}, error: () => {} } });
  transport.autoReply = (name, payload) =>
    name === 'clock:ping' ? { ok: true, data: { t0: (payload as { t0: number }).t0, serverNow: clock.now() } } : undefined;
  transport.emitConnection({ type: 'connected' });
  transport.push('state:snapshot', snapshot(1, { participants: [person('p1'), person('a'), person('b')], speedDatings: sessions }));
  return { clock, transport, session };
}

describe('EventSession and speed dating (rule S2: rooms from the schedule and the synced clock)', () => {
  const start = 1_000_000 + SPEED_DATING_LEAD_MS;
  const started = speedDating({
    roundMs: ROUND,
    breakMs: BREAK,
    rounds: 2,
    startAt: start,
    pairings: [
      { groups: [['p1', 'a']], relaxed: { repeated: 0, sameMunicipality: 0 } },
      { groups: [['a', 'b'], ['p1', 'x']], relaxed: { repeated: 0, sameMunicipality: 0 } },
    ],
  });

  it('every switch happens by the clock alone: lead → pair → floor → next pair → plenary, each chat following', async () => {
    const { clock, transport, session } = live([started]);
    const rooms: string[] = [session.roomId];
    const step = async (ms: number) => {
      await clock.advance(ms);
      if (rooms.at(-1) !== session.roomId) rooms.push(session.roomId);
    };
    await step(SPEED_DATING_LEAD_MS - 1);
    expect(session.roomId).toBe('plenary');
    await step(1);
    expect(session.roomId).toBe(pairRoomId(started.id, 0, 0));
    expect(session.state.chat?.roomId).toBe(pairRoomId(started.id, 0, 0));
    await step(ROUND);
    await step(BREAK);
    await step(ROUND);
    expect(rooms).toEqual(['plenary', pairRoomId(started.id, 0, 0), datingFloorRoomId(started.id), pairRoomId(started.id, 1, 1), 'plenary']);
    // One history request per room entered.
    expect(transport.pending('chat:history')).toHaveLength(4);
  });

  it('a host stopping the session brings everyone back at once, and no timer is left over', async () => {
    const { clock, transport, session } = live([started]);
    await clock.advance(SPEED_DATING_LEAD_MS + 1_000);
    expect(session.roomId).toBe(pairRoomId(started.id, 0, 0));
    // In the pair, the room timer waits for the round's end (onto the floor).
    const roundEnd = start + ROUND;
    expect(clock.dueTimes).toContain(roundEnd);
    const planned = clock.pendingTimers;
    transport.push('state:patch', { seq: 2, patch: { type: 'speedDating', speedDating: { ...started, stoppedAt: clock.now() } } });
    expect(session.roomId).toBe('plenary');
    // Right with the patch, not only on dispose: the round's end is no moment any more, and nothing took its place.
    expect(clock.dueTimes).not.toContain(roundEnd);
    expect(clock.pendingTimers).toBe(planned - 1);
    session.dispose();
    expect(clock.pendingTimers).toBe(0);
  });

  it('contacts are checked against the schema: an unreadable reply is refused, not shown', async () => {
    const { transport, session } = live([started]);
    const good = session.speedDatingContacts(started.id);
    transport.pending('speeddating:contacts')[0]!.reply({ ok: true, data: { partners: [], contact: { email: '', phone: '' }, vcard: '' } });
    expect(await good).toEqual({ ok: true, data: { partners: [], contact: { email: '', phone: '' }, vcard: '' } });
    const bad = session.speedDatingContacts(started.id);
    transport.pending('speeddating:contacts')[0]!.reply({ ok: true, data: { partners: 'none' } });
    await flush();
    expect((await bad).ok).toBe(false);
  });

  it('a "contacts changed" push reaches the listeners with its session; an unreadable one does not (rule S7)', () => {
    const { transport, session } = live([started]);
    const heard: string[] = [];
    const stop = session.onSpeedDatingContacts((id) => heard.push(id));
    transport.push('speeddating:contacts', { speedDatingId: started.id });
    transport.push('speeddating:contacts', { speedDatingId: 42 } as never);
    stop();
    transport.push('speeddating:contacts', { speedDatingId: started.id });
    expect(heard).toEqual([started.id]);
  });
});
