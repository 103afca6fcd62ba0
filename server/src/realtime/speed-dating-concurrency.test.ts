/**
 * Speed-dating planning on two real server processes sharing one Redis: many
 * people arrive and leave on both processes at the same moment, and the plan
 * must end up made for exactly who is there (rule S3). Rule ids refer to
 * docs/PROTOCOL.md ("Speed dating").
 */
import { describe, expect, it } from 'vitest';
import type { SpeedDating } from '@mashup/shared';
import { EventMirror } from '../test-support/event-mirror.js';
import { okData as ok } from '../test-support/outcomes.js';
import { createEvent, joinAndConnect, joinCrowd } from '../test-support/harness.js';
import { twoProcessesOnRedis } from '../test-support/two-processes.js';

const procs = twoProcessesOnRedis();

describe('speed dating on two processes', () => {
  it('30 join and 10 leave at once on both processes: every round not begun is planned for exactly who is there (rule S3)', async () => {
    const { code, hostKey, event } = await createEvent(procs.a.url);
    const host = await joinAndConnect(procs.a.url, code, { name: 'Hanna', hostKey });
    procs.track(host);
    const view = new EventMirror(host);
    const first = await procs.crowd(code, 20, 'Früh');

    const { speedDatingId: id } = ok(await host.request('speeddating:save', { title: 'Speed-Dating', roundMs: 180_000, breakMs: 30_000, rounds: 5 }));
    ok(await host.request('speeddating:start', { speedDatingId: id }));
    await view.until((v) => v.speedDating(id)?.takers.length === 20);

    // At once: 30 newcomers (alternately on A and B) connect while 10 of the first leave.
    const leaving = first.slice(0, 10);
    const [late] = await Promise.all([joinCrowd([procs.a.url, procs.b.url], code, 30, 'Spät'), Promise.all(leaving.map(async (c) => c.close()))]);
    procs.track(...late);
    const present = [...first.slice(10), ...late].map((c) => c.participantId).sort();

    const plannedFor = (sd: SpeedDating | undefined) => sd !== undefined && sd.takers.length === present.length && sd.takers.every((p, i) => p === present[i]);
    await view.until((v) => plannedFor(v.speedDating(id)));
    const stored = (await procs.store.listItems(event.id, 'speedDatings')).find((s) => s.id === id)!;
    expect(stored.takers).toEqual(present);
    const seen = new Set<string>();
    for (const round of stored.pairings) {
      expect(round.groups.flat().sort()).toEqual(present);
      expect(round.relaxed.repeated).toBe(0); // (everyone in the crowd is from one town, so that rule gives way)
      for (const g of round.groups) {
        for (const [i, a] of g.entries()) for (const b of g.slice(i + 1)) {
          const key = [a, b].sort().join('|');
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }
    }
  });
});
