/**
 * The demo event's workshop round ("Workshoprunde 1" of the reference day):
 * prepared once whatever the number of processes starting at once, published
 * so a participant can choose at once, and left alone by a restart. Two apps
 * on one store stand in for two processes.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { MemoryStore } from '../store/memory.js';
import { joinAndConnect, type TestClient } from '../test-support/harness.js';
import { DEMO_CODE, DEMO_LOBBY_ID, DEMO_ROUND_ID, DEMO_SPEED_DATING_ID } from './demo.js';

const store = new MemoryStore();
const apps: FastifyInstance[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  clients.forEach((c) => c.close());
  await Promise.all(apps.map((a) => a.close()));
  await store.close();
});

async function app(dataDir: string) {
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, DEMO_EVENT: 'true', SESSION_SECRET: 'y'.repeat(32) });
  const a = await buildApp({ config, store, logger: false });
  apps.push(a);
  await a.listen({ port: 0, host: '127.0.0.1' });
  return a;
}

describe('demo event: a prepared workshop round', () => {
  it('two processes starting at once make one published choose round of two 25-seat workshops; a participant chooses at once; a restart keeps a host’s change', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mashup-demo-round-'));
    const [a, b] = await Promise.all([app(dataDir), app(dataDir)]);
    const [links] = await Promise.all([a!.ensureDemoEvent(), b!.ensureDemoEvent()]);

    const event = (await store.findEventByCode(DEMO_CODE))!;
    const all = await store.listItems(event.id, 'rounds');
    expect(all).toHaveLength(1);
    const round = all[0]!;
    expect(round).toMatchObject({ id: DEMO_ROUND_ID, title: 'Workshoprunde 1', mode: 'choose', durationMs: 3_600_000, openedAt: null });
    expect(round.publishedAt).not.toBeNull();
    expect(round.workshops.map((w) => [w.title, w.capacity])).toEqual([
      ["Mach's mit, mach's nach, mach's kommunikativ! Interne und externe Kommunikation", 25],
      ['Herzlich digital – Agieren im Spannungsfeld Politik, Verwaltung, Gesellschaft', 25],
    ]);

    const hostKey = new URL(links.hostLink).hash.replace('#host=', '');
    const host = await joinAndConnect(a!.baseUrl(), DEMO_CODE, { name: 'Demo-Moderation', hostKey });
    const person = await joinAndConnect(b!.baseUrl(), DEMO_CODE, { name: 'Paula Probe', org: 'Ulm' });
    clients.push(host, person);
    expect(person.snapshot.rounds.map((r) => r.id)).toEqual([DEMO_ROUND_ID]);
    // The lunch lobby of the reference day, prepared once and not open yet.
    expect(person.snapshot.lobbies).toHaveLength(1);
    expect(person.snapshot.lobbies[0]).toMatchObject({ id: DEMO_LOBBY_ID, title: 'Social Eating', kind: 'social-eating', openedAt: null });
    expect(person.snapshot.lobbies[0]!.tables.map((t) => t.capacity)).toEqual(Array(8).fill(6));
    // The evening's speed dating: prepared once, not started.
    expect(person.snapshot.speedDatings).toHaveLength(1);
    expect(person.snapshot.speedDatings[0]).toMatchObject({ id: DEMO_SPEED_DATING_ID, rounds: 6, roundMs: 180_000, startAt: null, pairings: [] });
    const workshop = round.workshops[1]!.id;
    expect(await person.request('breakout:choose', { roundId: DEMO_ROUND_ID, workshopId: workshop, waitlist: true })).toEqual({
      ok: true,
      data: { seated: true, position: 0 },
    });

    // A host shortens the round; a restart on the same store leaves it as it is.
    const edited = await host.request('breakout:save', {
      roundId: DEMO_ROUND_ID,
      title: 'Workshoprunde 1',
      durationMs: 45 * 60_000,
      mode: 'choose',
      workshops: round.workshops.map((w) => ({ id: w.id, title: w.title, description: w.description, capacity: w.capacity })),
    });
    expect(edited.ok).toBe(true);
    const before = await store.listItems(event.id, 'rounds');
    await (await app(dataDir)).ensureDemoEvent();
    expect(await store.listItems(event.id, 'rounds')).toEqual(before);
    expect(before[0]!.durationMs).toBe(45 * 60_000);
    expect(before[0]!.seats[workshop]!.seated).toEqual([person.participantId]);
  }, 30_000);
});
