/**
 * Acceptance for workshop rounds on two real server processes sharing one
 * Redis (issue 4): many people choosing the last seats at once, and a round
 * opening for 200 people. Rule ids refer to docs/PROTOCOL.md.
 */
import { describe, expect, it } from 'vitest';
import { roomOf, type PayloadOf, type Round } from '@mashup/shared';
import { EventMirror } from '../test-support/event-mirror.js';
import { okData as ok } from '../test-support/outcomes.js';
import { createEvent, joinAndConnect } from '../test-support/harness.js';
import { twoProcessesOnRedis } from '../test-support/two-processes.js';

const procs = twoProcessesOnRedis();

const storedRound = async (eventId: string, roundId: string): Promise<Round> =>
  (await procs.store.listItems(eventId, 'rounds')).find((r) => r.id === roundId)!;

describe('workshop rounds on two processes', () => {
  it('100 people choose one 10-seat workshop at once, 20 times: exactly 10 seated, 90 full or waiting, never overbooked (rules B3, B4)', async () => {
    const { code, hostKey, event } = await createEvent(procs.a.url);
    const host = await joinAndConnect(procs.a.url, code, { name: 'Hanna', hostKey });
    procs.track(host);
    const people = await procs.crowd(code, 100, 'Person');

    const input = (roundId?: string): PayloadOf<'breakout:save'> => ({
      ...(roundId ? { roundId } : {}),
      title: 'Andrang',
      durationMs: 30 * 60_000,
      mode: 'choose',
      // A workshop without an id is a new one with empty seats: each repetition starts afresh.
      workshops: [{ title: 'Zehn Plätze', capacity: 10 }],
    });
    const { roundId } = ok(await host.request('breakout:save', input()));
    ok(await host.request('breakout:publish', { roundId }));

    const timings: number[] = [];
    for (let rep = 0; rep < 20; rep++) {
      const waitlist = rep % 2 === 1;
      if (rep > 0) ok(await host.request('breakout:save', input(roundId)));
      const workshopId = (await storedRound(event.id, roundId)).workshops[0]!.id;

      const started = performance.now();
      const acks = await Promise.all(people.map((p) => p.request('breakout:choose', { roundId, workshopId, waitlist })));
      timings.push(performance.now() - started);

      // What the clients observed.
      const seated = acks.filter((r) => r.ok && r.data.seated);
      expect(seated, `repetition ${rep}`).toHaveLength(10);
      if (waitlist) {
        const positions = acks.flatMap((r) => (r.ok && !r.data.seated ? [r.data.position] : []));
        expect(positions.sort((x, y) => x - y), `repetition ${rep}`).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
      } else {
        const full = acks.filter((r) => !r.ok && r.error.code === 'breakout.full');
        expect(full, `repetition ${rep}`).toHaveLength(90);
        expect(full[0]).toMatchObject({ error: { details: { capacity: 10, waitlist: 0 } } });
      }
      // What is stored: the same ten, nobody twice, the rest waiting in ack order.
      const seats = (await storedRound(event.id, roundId)).seats[workshopId]!;
      const seatedIds = people.filter((_, i) => acks[i]!.ok && (acks[i] as { data: { seated: boolean } }).data.seated).map((p) => p.participantId);
      expect(seats.seated.slice().sort()).toEqual(seatedIds.sort());
      expect(seats.waitlist).toHaveLength(waitlist ? 90 : 0);
      expect(new Set([...seats.seated, ...seats.waitlist]).size).toBe(seats.seated.length + seats.waitlist.length);
      if (waitlist) {
        for (const [i, p] of people.entries()) {
          const r = acks[i]!;
          if (r.ok && !r.data.seated) expect(seats.waitlist.indexOf(p.participantId) + 1).toBe(r.data.position);
        }
      }
    }
    const sorted = [...timings].sort((x, y) => x - y);
    console.log(
      `100 concurrent breakout:choose on 2 processes, 20 repetitions: median ${sorted[10]!.toFixed(0)} ms, max ${sorted[19]!.toFixed(0)} ms per burst (waitlist:false and :true alternating)`,
    );
  }, 120_000);

  it('opening a round for 200 people gives every client its room, computed from its own state (rules B1, B2)', async () => {
    const { code, hostKey, event } = await createEvent(procs.b.url);
    const host = await joinAndConnect(procs.b.url, code, { name: 'Hanna', hostKey });
    procs.track(host);
    const people = await procs.crowd(code, 200, 'Gast');
    const views = people.map((p) => new EventMirror(p));

    const workshops = Array.from({ length: 20 }, (_, i) => ({ title: `Raum ${i + 1}`, capacity: 10 }));
    const { roundId } = ok(await host.request('breakout:save', { title: 'Alle verteilt', durationMs: 30 * 60_000, mode: 'balanced', workshops }));
    expect(ok(await host.request('breakout:assign', { roundId, strategy: 'balanced' }))).toEqual({ placed: 200, unplaced: 0 });

    const started = performance.now();
    ok(await host.request('breakout:open', { roundId }));
    await Promise.all(views.map((v) => v.until((m) => m.round(roundId)?.openedAt != null)));
    const elapsed = performance.now() - started;

    const stored = await storedRound(event.id, roundId);
    const assigned = new Map<string, string>();
    for (const w of stored.workshops) for (const p of stored.seats[w.id]!.seated) assigned.set(p, w.id);
    expect(assigned.size).toBe(200);
    const now = Date.now();
    for (const v of views) {
      expect(v.roomAt(now)).toBe(assigned.get(v.participantId));
      expect(roomOf(v.participantId, [stored], now)).toBe(v.roomAt(now));
    }
    console.log(`open for 200 clients on 2 processes: host command → last client has the round in ${elapsed.toFixed(0)} ms`);
  }, 120_000);

  /**
   * Opening is eager (handler.ts EagerHandler): it writes from the rounds as its process last saw
   * them, with the funnel's checks in the write. These are the ways that view or those checks can
   * be wrong, on two processes so that one really does not see the other's writes.
   */
  describe('an eager open', () => {
    const twoRounds = async () => {
      const { code, hostKey, event } = await createEvent(procs.a.url);
      const onA = await joinAndConnect(procs.a.url, code, { name: 'Hanna', hostKey });
      const onB = await joinAndConnect(procs.b.url, code, { name: 'Henrik', hostKey });
      const guest = await joinAndConnect(procs.a.url, code, { name: 'Gina' });
      procs.track(onA, onB, guest);
      const save = async (title: string) =>
        ok(await onA.request('breakout:save', { title, durationMs: 30 * 60_000, mode: 'choose', workshops: [{ title: 'Raum', capacity: 5 }] })).roundId;
      const [r1, r2] = [await save('Eins'), await save('Zwei')];
      return { event, onA, onB, guest, r1, r2 };
    };

    it('from a stale view: another round opened on the other process is found before anything is written (rule B2)', async () => {
      const { event, onA, onB, guest, r1, r2 } = await twoRounds();
      const opened: string[] = [];
      guest.socket.on('state:patch', ({ patch }) => {
        if (patch.type === 'roundSchedule' && patch.openedAt !== null) opened.push(patch.roundId);
      });
      // A's process saw both rounds closed (it wrote them); B opens the second, which A's process does not read.
      ok(await onB.request('breakout:open', { roundId: r2 }));
      expect(await onA.request('breakout:open', { roundId: r1 })).toMatchObject({ ok: false, error: { code: 'breakout.another_live' } });
      expect((await storedRound(event.id, r1)).openedAt).toBeNull();
      expect((await storedRound(event.id, r2)).openedAt).not.toBeNull();
      // Nobody was ever moved into r1's rooms: the only opening anyone heard of is r2's.
      ok(await guest.request('state:sync', {}));
      expect(opened).toEqual([r2]);
    });

    it('from a stale view that still shows a closed round live: the round opens (the view is asked of the store again)', async () => {
      const { event, onA, onB, r1, r2 } = await twoRounds();
      ok(await onA.request('breakout:open', { roundId: r2 }));
      ok(await onB.request('breakout:close', { roundId: r2 }));
      // A's process still sees r2 live; once its closing minute is over, r1 may open.
      await procs.store.updateItem(event.id, 'rounds', r2, (cur) => ({ ...cur!, endsAt: Date.now() - 120_000, closingAt: Date.now() - 120_000 }));
      ok(await onA.request('breakout:open', { roundId: r1 }));
      expect((await storedRound(event.id, r1)).openedAt).not.toBeNull();
    });

    it('by someone who may not: refused with the funnel\'s code, nothing written (rules A1, A2)', async () => {
      const { event, onA, onB, guest, r1 } = await twoRounds();
      expect(await guest.request('breakout:open', { roundId: r1 })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
      // A host made a participant on one process is refused on the other at once.
      ok(await onB.request('participant:setRole', { participantId: onA.participantId, role: 'participant' }));
      expect(await onA.request('breakout:open', { roundId: r1 })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
      // A refusal tells nothing about the round, not even that it does not exist.
      expect(await onA.request('breakout:open', { roundId: 'no-such-round' })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
      expect((await storedRound(event.id, r1)).openedAt).toBeNull();
    });

    it('beyond the command budget: rate.limited and nothing written (rule R1)', async () => {
      const { event, onA, r1 } = await twoRounds();
      // The budget is 60 commands per 10 s; the two saves spent two of them.
      const spent = await Promise.all(Array.from({ length: 58 }, () => onA.request('breakout:open', { roundId: 'no-such-round' })));
      expect(spent.every((r) => !r.ok && r.error.code === 'breakout.round_not_found')).toBe(true);
      expect(await onA.request('breakout:open', { roundId: r1 })).toMatchObject({ ok: false, error: { code: 'rate.limited' } });
      expect((await storedRound(event.id, r1)).openedAt).toBeNull();
    });
  });
});
