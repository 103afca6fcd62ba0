/**
 * CSV pre-assignment over HTTP against a real server (memory store): what the
 * host's report says, what every client sees (one `round` patch), and that a
 * refused import writes nothing. People named in the file who join later are
 * seated when they join.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, roomOf, type Ack, type PlacementsReply, type Round } from '@mashup/shared';
import { createEvent, join, joinAndConnect, type TestClient, type TestServer, startServer } from '../test-support/harness.js';

let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startServer({ env: { CREATE_RATE_PER_MINUTE: '1000' } });
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await server?.close();
});

interface Setup {
  code: string;
  hostKey: string;
  eventId: string;
  host: TestClient;
  anna: TestClient;
  roundId: string;
  workshops: { kom: string; dig: string };
}

async function setup(): Promise<Setup> {
  const { code, hostKey, event } = await createEvent(server.url);
  const host = await joinAndConnect(server.url, code, { name: 'Hanna Host', hostKey });
  const anna = await joinAndConnect(server.url, code, { name: 'Anna Müller', org: 'Ulm' });
  clients.push(host, anna);
  const saved = await host.request('breakout:save', {
    title: 'Workshoprunde 1',
    durationMs: 3_600_000,
    mode: 'manual',
    workshops: [
      { title: 'Kommunikation', capacity: 2 },
      { title: 'Herzlich digital', capacity: 2 },
    ],
  });
  if (!saved.ok) throw new Error(saved.error.code);
  const round = (await roundOf(event.id, saved.data.roundId))!;
  return {
    code,
    hostKey,
    eventId: event.id,
    host,
    anna,
    roundId: round.id,
    workshops: { kom: round.workshops[0]!.id, dig: round.workshops[1]!.id },
  };
}

const roundOf = async (eventId: string, roundId: string): Promise<Round | undefined> =>
  (await server.store.listItems(eventId, 'rounds')).find((r) => r.id === roundId);

async function upload(s: Pick<Setup, 'code' | 'roundId'>, token: string | null, csv: string | Uint8Array, type = 'text/csv') {
  const res = await fetch(`${server.url}/api/events/${s.code}/rounds/${s.roundId}/placements`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof csv === 'string' ? csv : new Uint8Array(csv),
  });
  return { status: res.status, body: (await res.json()) as Ack<PlacementsReply> };
}

describe('POST /api/events/:code/rounds/:roundId/placements', () => {
  it('seats joined people, keeps rows for people not here yet, reports bad rows per line; everyone gets the round patch', async () => {
    const s = await setup();
    // The save's own patch may still be on its way: wait for the one with the import in it.
    const patch = s.anna.next(
      'state:patch',
      ({ patch: p }) => p.type === 'round' && (p.round.seats[s.workshops.kom]?.seated.length ?? 0) > 0,
    );
    const csv = '\uFEFFName;Kommune;Workshop\r\nanna müller;Ulm;Kommunikation\r\nCarla Chen;Jena;Herzlich digital\r\nDora Dorn;;Open Data\r\n';
    const res = await upload(s, s.host.token, csv, 'text/csv; charset=utf-8');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      data: {
        placed: 1,
        pending: 1,
        problems: [{ line: 4, reason: 'workshop_unknown', values: { workshop: 'Open Data' }, message: expect.stringContaining('Open Data') }],
      },
    });
    const { patch: seen } = await patch;
    if (seen.type !== 'round') throw new Error('expected a round patch');
    expect(seen.round.seats[s.workshops.kom]!.seated).toEqual([s.anna.participantId]);
    // The row for Carla, who has not joined, stays on the server: clients never see names of people not here.
    expect(seen.round.pending).toEqual([]);
    expect((await roundOf(s.eventId, s.roundId))!.pending).toEqual([{ name: 'Carla Chen', org: 'Jena', workshopId: s.workshops.dig }]);

    // Carla joins later: she is seated before her first snapshot, and the row is used up.
    const hostSees = s.host.next(
      'state:patch',
      ({ patch: p }) => p.type === 'round' && (p.round.seats[s.workshops.dig]?.seated.length ?? 0) > 0,
    );
    const carla = await joinAndConnect(server.url, s.code, { name: 'Carla Chen', org: 'Jena' });
    clients.push(carla);
    const mine = carla.snapshot.rounds.find((r) => r.id === s.roundId)!;
    expect(mine.seats[s.workshops.dig]!.seated).toEqual([carla.participantId]);
    expect(mine.pending).toEqual([]);
    await hostSees;
    expect((await roundOf(s.eventId, s.roundId))!.pending).toEqual([]);

    // Once the round opens, both are in their rooms (rule B1).
    expect((await s.host.request('breakout:open', { roundId: s.roundId })).ok).toBe(true);
    const open = (await roundOf(s.eventId, s.roundId))!;
    expect(roomOf(s.anna.participantId, [open], open.openedAt!)).toBe(s.workshops.kom);
    expect(roomOf(carla.participantId, [open], open.openedAt!)).toBe(s.workshops.dig);
  });

  it('only hosts: a participant → 403 auth.forbidden, no token → 401 auth.missing; nothing written', async () => {
    const s = await setup();
    const csv = 'Name;Workshop\nAnna Müller;Kommunikation\n';
    const before = await roundOf(s.eventId, s.roundId);
    expect(await upload(s, s.anna.token, csv)).toMatchObject({ status: 403, body: { ok: false, error: { code: 'auth.forbidden' } } });
    expect(await upload(s, null, csv)).toMatchObject({ status: 401, body: { ok: false, error: { code: 'auth.missing' } } });
    expect(await roundOf(s.eventId, s.roundId)).toEqual(before);
  });

  it('malformed CSV, a missing header, non-UTF-8 text → 422 csv.invalid; nothing written', async () => {
    const s = await setup();
    const before = await roundOf(s.eventId, s.roundId);
    const bad = await upload(s, s.host.token, 'Name;Kommune;Workshop\n"Anna Müller;Ulm;Kommunikation\n');
    expect(bad).toMatchObject({ status: 422, body: { ok: false, error: { code: 'csv.invalid' } } });
    const headless = await upload(s, s.host.token, 'Anna Müller;Ulm;Kommunikation\n');
    expect(headless).toMatchObject({ status: 422, body: { ok: false, error: { code: 'csv.invalid', details: { line: 1 } } } });
    // "Müller" as Windows-1252, as Excel's plain "CSV" saves it.
    const latin1 = Uint8Array.from([...Buffer.from('Name;Workshop\nAnna M'), 0xfc, ...Buffer.from('ller;Kommunikation\n')]);
    expect(await upload(s, s.host.token, latin1)).toMatchObject({ status: 422, body: { ok: false, error: { code: 'csv.invalid' } } });
    expect(await roundOf(s.eventId, s.roundId)).toEqual(before);
  });

  it(`more than ${LIMITS.csvMaxBytes / 1024} KB → 413 payload.too_large`, async () => {
    const s = await setup();
    const big = `Name;Workshop\n${'Anna Müller;Kommunikation\n'.repeat(Math.ceil(LIMITS.csvMaxBytes / 26) + 10)}`;
    expect(await upload(s, s.host.token, big)).toMatchObject({ status: 413, body: { ok: false, error: { code: 'payload.too_large' } } });
  });

  it('a round in its closing minute → 409 breakout.closed; an unknown round → 404', async () => {
    const s = await setup();
    expect((await s.host.request('breakout:open', { roundId: s.roundId })).ok).toBe(true);
    expect((await s.host.request('breakout:close', { roundId: s.roundId })).ok).toBe(true);
    const csv = 'Name;Workshop\nAnna Müller;Kommunikation\n';
    expect(await upload(s, s.host.token, csv)).toMatchObject({ status: 409, body: { ok: false, error: { code: 'breakout.closed' } } });
    expect(await upload({ ...s, roundId: 'nope' }, s.host.token, csv)).toMatchObject({
      status: 404,
      body: { ok: false, error: { code: 'breakout.round_not_found' } },
    });
  });
});

describe('late joiners (issue 4: "late joiners land directly in their room")', () => {
  it('joining while a balanced round is open seats the person in the least-full workshop; their first snapshot puts them there', async () => {
    const s = await setup();
    const saved = await s.host.request('breakout:save', {
      title: 'Runde 2',
      durationMs: 3_600_000,
      mode: 'balanced',
      workshops: [
        { title: 'Open Data', capacity: 3 },
        { title: 'KI und Ethik', capacity: 3 },
      ],
    });
    if (!saved.ok) throw new Error(saved.error.code);
    const roundId = saved.data.roundId;
    expect((await s.host.request('breakout:assign', { roundId, strategy: 'balanced' })).ok).toBe(true);
    expect((await s.host.request('breakout:open', { roundId })).ok).toBe(true);
    const opened = (await roundOf(s.eventId, roundId))!;
    const annaRoom = roomOf(s.anna.participantId, [opened], opened.openedAt!);
    const other = opened.workshops.find((w) => w.id !== annaRoom)!.id;

    const seated = s.anna.next('state:patch', ({ patch: p }) => p.type === 'seats' && p.roundId === roundId);
    const late = await joinAndConnect(server.url, s.code, { name: 'Lena Spät', org: 'Kiel' });
    clients.push(late);
    expect(roomOf(late.participantId, late.snapshot.rounds, opened.openedAt! + 1)).toBe(other);
    const { patch } = await seated;
    expect(patch).toEqual({ type: 'seats', roundId, seats: { [other]: { seated: [late.participantId], waitlist: [] } } });

    // A host who joins later is not seated: hosts visit rooms instead.
    const before = (await roundOf(s.eventId, roundId))!.seats;
    expect((await join(server.url, s.code, { name: 'Zweite Moderation', hostKey: s.hostKey })).ok).toBe(true);
    expect((await roundOf(s.eventId, roundId))!.seats).toEqual(before);
  });
});
