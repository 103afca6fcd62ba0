/**
 * Acceptance for lobby tables on two real server processes sharing one Redis
 * (issue 6): 50 people race for one 6-seat table at once. Rule ids refer to
 * docs/PROTOCOL.md ("Lobbies and tables").
 */
import { describe, expect, it } from 'vitest';
import { lobbyRoomId, tableRoomId, type Lobby } from '@mashup/shared';
import { EventMirror } from '../test-support/event-mirror.js';
import { okData as ok } from '../test-support/outcomes.js';
import { createEvent, joinAndConnect } from '../test-support/harness.js';
import { twoProcessesOnRedis } from '../test-support/two-processes.js';

const procs = twoProcessesOnRedis();

const storedLobby = async (eventId: string, lobbyId: string): Promise<Lobby> =>
  (await procs.store.listItems(eventId, 'lobbies')).find((l) => l.id === lobbyId)!;

describe('lobby tables on two processes', () => {
  it('50 people sit down at one 6-seat table at once, 10 times: exactly 6 seated, 44 lobby.table_full, never more than 6 (rules L2, L3)', async () => {
    const { code, hostKey, event } = await createEvent(procs.a.url);
    const host = await joinAndConnect(procs.a.url, code, { name: 'Hanna', hostKey });
    procs.track(host);
    const people = await procs.crowd(code, 50, 'Gast');
    const views = people.map((p) => new EventMirror(p));

    const { lobbyId } = ok(
      await host.request('lobby:save', { title: 'Social Eating', kind: 'social-eating', tables: [{ name: 'Sechser', capacity: 6 }, { name: 'Nebentisch' }] }),
    );
    const tableId = (await storedLobby(event.id, lobbyId)).tables[0]!.id;

    const timings: number[] = [];
    for (let rep = 0; rep < 10; rep++) {
      // Closing empties the tables: every repetition starts with six free seats.
      if (rep > 0) ok(await host.request('lobby:close', { lobbyId }));
      ok(await host.request('lobby:open', { lobbyId }));

      const started = performance.now();
      const acks = await Promise.all(people.map((p) => p.request('lobby:sit', { lobbyId, tableId })));
      timings.push(performance.now() - started);

      const seatedIds = people.filter((_, i) => acks[i]!.ok).map((p) => p.participantId);
      expect(seatedIds, `repetition ${rep}`).toHaveLength(6);
      const full = acks.filter((r) => !r.ok && r.error.code === 'lobby.table_full');
      expect(full, `repetition ${rep}`).toHaveLength(44);
      expect(full[0]).toMatchObject({ error: { details: { capacity: 6 } } });
      const seated = (await storedLobby(event.id, lobbyId)).tables[0]!.seated;
      expect(seated.slice().sort()).toEqual(seatedIds.sort());
    }

    // What every client computes from its own state: the six at the table, everyone else on the floor.
    const stored = await storedLobby(event.id, lobbyId);
    const atTable = new Set(stored.tables[0]!.seated);
    const settled = (m: EventMirror) => {
      const mine = m.lobby(lobbyId)?.tables[0]?.seated ?? [];
      return mine.length === atTable.size && mine.every((p) => atTable.has(p));
    };
    await Promise.all(views.map((v) => v.until(settled)));
    for (const v of views) {
      expect(v.lobby(lobbyId)!.tables[0]!.seated.length).toBeLessThanOrEqual(6);
      expect(v.roomAt(Date.now())).toBe(atTable.has(v.participantId) ? tableRoomId(tableId) : lobbyRoomId(lobbyId));
    }
    const sorted = [...timings].sort((x, y) => x - y);
    console.log(
      `50 concurrent lobby:sit on 2 processes, 10 repetitions: median ${sorted[5]!.toFixed(0)} ms, max ${sorted[9]!.toFixed(0)} ms per burst`,
    );
  }, 120_000);
});
