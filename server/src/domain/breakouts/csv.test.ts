/**
 * CSV pre-assignment, pure: what the host's report says and who sits where
 * afterwards. Capacity holds with pending rows counted (rule B4).
 */
import { describe, expect, it } from 'vitest';
import type { Round } from '@mashup/shared';
import { DomainError } from '../errors.js';
import { importPlacements, normalizeName, parseCsv, type Person } from './csv.js';

const NOW = 1_700_000_000_000;

function round(over: Partial<Round> = {}): Round {
  return {
    id: 'r1',
    title: 'Workshoprunde 1',
    durationMs: 3_600_000,
    mode: 'manual',
    createdAt: 0,
    workshops: [
      { id: 'w-kom', title: 'Kommunikation', description: '', moderatorId: null, capacity: 2, tag: '' },
      { id: 'w-dig', title: 'Herzlich digital', description: '', moderatorId: 'mod', capacity: 3, tag: '' },
    ],
    seats: { 'w-kom': { seated: [], waitlist: [] }, 'w-dig': { seated: [], waitlist: [] } },
    publishedAt: null,
    openedAt: null,
    endsAt: null,
    closingAt: null,
    help: [],
    visits: {},
    pending: [],
    ...over,
  };
}

const person = (id: string, name: string, org = 'Ulm'): Person => ({ id, name, org, removed: false });

function code(fn: () => unknown): { code: string; details?: unknown } {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('parseCsv', () => {
  it('reads ";"-separated spreadsheet exports with a BOM, quoted fields and line numbers', () => {
    const rows = parseCsv('\uFEFFName;Kommune;Workshop\r\n"Müller; Anna";Ulm;Kommunikation\r\n\r\nBen Berg;;"Herzlich digital"\r\n');
    expect(rows).toEqual([
      { line: 2, name: 'Müller; Anna', org: 'Ulm', workshop: 'Kommunikation' },
      { line: 4, name: 'Ben Berg', org: '', workshop: 'Herzlich digital' },
    ]);
  });

  it('detects "," from the header row; the Kommune column may be left out and columns come in any order', () => {
    expect(parseCsv('workshop,name\nw-kom,"Berg, Ben"\n')).toEqual([{ line: 2, name: 'Berg, Ben', org: '', workshop: 'w-kom' }]);
  });

  it('a file without the header row → csv.invalid naming line 1', () => {
    expect(code(() => parseCsv('Anna;Ulm;Kommunikation\n'))).toEqual({ code: 'csv.invalid', details: { line: 1 } });
  });

  it('an unclosed quote → csv.invalid with the line where reading failed', () => {
    expect(code(() => parseCsv('Name;Kommune;Workshop\nAnna;Ulm;x\n"Ben";Kiel"x;y\n'))).toEqual({ code: 'csv.invalid', details: { line: 3 } });
  });

  it('an empty file and more than 2,000 rows → csv.invalid', () => {
    expect(code(() => parseCsv('\uFEFF \n')).code).toBe('csv.invalid');
    const many = `Name;Workshop\n${Array.from({ length: 2001 }, (_, i) => `P${i};x`).join('\n')}`;
    expect(code(() => parseCsv(many)).code).toBe('csv.invalid');
  });
});

describe('normalizeName', () => {
  it('ignores case, extra spaces and Unicode composition, nothing more', () => {
    expect(normalizeName('  anna   MÜLLER ')).toBe(normalizeName('Anna Mu\u0308ller'));
    expect(normalizeName('Anna Mueller')).not.toBe(normalizeName('Anna Müller'));
  });
});

describe('importPlacements', () => {
  const people = [person('anna', 'Anna Müller', 'Ulm'), person('ben', 'Ben Berg', 'Kiel'), person('ben2', 'Ben Berg', 'Jena')];

  it('seats people who have joined by name (and Kommune when given), by workshop title or id', () => {
    const rows = parseCsv('Name;Kommune;Workshop\nanna müller;;Kommunikation\nBen Berg;Kiel;w-dig\n');
    const r = importPlacements(round(), rows, people, NOW);
    expect(r.placed).toBe(2);
    expect(r.problems).toEqual([]);
    expect(r.round.seats['w-kom']!.seated).toEqual(['anna']);
    expect(r.round.seats['w-dig']!.seated).toEqual(['ben']);
    expect(r.changed.sort()).toEqual(['w-dig', 'w-kom']);
  });

  it('a name two participants share, without a Kommune to tell them apart → a problem, nobody seated', () => {
    const r = importPlacements(round(), parseCsv('Name;Workshop\nBen Berg;Kommunikation\n'), people, NOW);
    expect(r.placed).toBe(0);
    expect(r.problems).toEqual([
      { line: 2, reason: 'name_ambiguous', values: { name: 'Ben Berg', org: '', count: 2 }, message: expect.stringContaining('2 participants') },
    ]);
    expect(r.round.seats['w-kom']!.seated).toEqual([]);
  });

  it('someone who has not joined yet becomes a pending row, counted against the seats', () => {
    const rows = parseCsv('Name;Kommune;Workshop\nCarla Chen;Jena;Kommunikation\nAnna Müller;Ulm;Kommunikation\nDora Dorn;;Kommunikation\n');
    const r = importPlacements(round(), rows, people, NOW);
    expect(r.pending).toBe(1);
    expect(r.placed).toBe(1);
    expect(r.round.pending).toEqual([{ name: 'Carla Chen', org: 'Jena', workshopId: 'w-kom' }]);
    expect(r.problems).toEqual([
      { line: 4, reason: 'full', values: { name: 'Dora Dorn', workshop: expect.any(String), capacity: 2 }, message: expect.stringContaining('full') },
    ]);
    expect(r.round.seats['w-kom']!.seated).toEqual(['anna']);
  });

  it('a full workshop is never overfilled; an unknown workshop and a missing name are reported per line', () => {
    const full = round({ seats: { 'w-kom': { seated: ['x', 'y'], waitlist: [] }, 'w-dig': { seated: [], waitlist: [] } } });
    const rows = parseCsv('Name;Workshop\nAnna Müller;Kommunikation\nAnna Müller;Open Data\n;w-dig\n');
    const r = importPlacements(full, rows, people, NOW);
    expect(r.round.seats['w-kom']!.seated).toEqual(['x', 'y']);
    expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'full'],
      [3, 'workshop_unknown'],
      [4, 'name_missing'],
    ]);
    expect(r.problems[1]!.values).toEqual({ workshop: 'Open Data' });
    expect(r.problems[1]!.message).toContain('Open Data');
  });

  it('moving someone frees their old seat for the first on that waitlist', () => {
    const before = round({
      seats: { 'w-kom': { seated: ['anna', 'x'], waitlist: ['w1'] }, 'w-dig': { seated: [], waitlist: [] } },
    });
    const r = importPlacements(before, parseCsv('Name;Kommune;Workshop\nAnna Müller;Ulm;w-dig\n'), people, NOW);
    expect(r.round.seats['w-kom']).toEqual({ seated: ['x', 'w1'], waitlist: [] });
    expect(r.round.seats['w-dig']!.seated).toEqual(['anna']);
  });

  it('a person listed twice keeps the first row; a second import replaces a pending row of the same person', () => {
    const once = importPlacements(round(), parseCsv('Name;Workshop\nCarla Chen;w-kom\ncarla chen;w-dig\n'), people, NOW);
    expect(once.problems).toEqual([
      { line: 3, reason: 'duplicate', values: { name: 'carla chen', earlierLine: 2 }, message: expect.stringContaining('line 2') },
    ]);
    const again = importPlacements(once.round, parseCsv('Name;Workshop\nCarla Chen;w-dig\n'), people, NOW);
    expect(again.round.pending).toEqual([{ name: 'Carla Chen', org: '', workshopId: 'w-dig' }]);
  });

  it('is refused once the round is closing (nothing written)', () => {
    const closing = round({ openedAt: NOW - 10_000, endsAt: NOW + 3_600_000, closingAt: NOW - 1 });
    expect(code(() => importPlacements(closing, [], people, NOW)).code).toBe('breakout.closed');
    expect(code(() => importPlacements(null, [], people, NOW)).code).toBe('breakout.round_not_found');
  });
});
