import { LIMITS, LobbyInput, type Lobby } from '@mashup/shared';
import { describe, expect, it } from 'vitest';
import { checkLobbyDraft, draftFromLobby, minTableCapacity, tableProblem } from './lobby-draft.js';

let n = 0;
const key = () => `k${++n}`;
const words = { title: 'Social Eating', tableName: (i: number) => `Tisch ${i}` };

const existing: Lobby = {
  id: 'l1',
  title: 'Mittagstische',
  kind: 'get-together',
  createdAt: 1,
  openedAt: 5,
  closedAt: null,
  tables: [
    { id: 't1', name: 'Tisch A', topic: 'Datenplattformen', capacity: 6, locked: true, seated: ['p1', 'p2', 'p3'] },
    { id: 't2', name: 'Tisch B', topic: '', capacity: 4, locked: false, seated: [] },
  ],
};

describe('the lobby set-up form as data', () => {
  it('a new lobby: Social Eating with four numbered tables of six', () => {
    const d = draftFromLobby(null, key, words);
    expect(d.lobbyId).toBeUndefined();
    expect(d.kind).toBe('social-eating');
    expect(d.tables.map((t) => [t.title, t.capacity, t.seated, t.id])).toEqual([
      ['Tisch 1', '6', 0, undefined],
      ['Tisch 2', '6', 0, undefined],
      ['Tisch 3', '6', 0, undefined],
      ['Tisch 4', '6', 0, undefined],
    ]);
  });

  it('an existing lobby keeps table ids, lock state and who sits there', () => {
    const d = draftFromLobby(existing, key, words);
    expect(d).toMatchObject({ lobbyId: 'l1', title: 'Mittagstische', kind: 'get-together' });
    expect(d.tables.map((t) => [t.key, t.id, t.title, t.topic, t.capacity, t.locked, t.seated])).toEqual([
      ['t1', 't1', 'Tisch A', 'Datenplattformen', '6', true, 3],
      ['t2', 't2', 'Tisch B', '', '4', false, 0],
    ]);
  });

  it('saving renames and adds tables, keeps ids (and so the seats), trims texts, and is a valid lobby:save payload', () => {
    const d = draftFromLobby(existing, key, words);
    d.tables[0]!.title = '  Tisch Alpha ';
    d.tables.push({ key: 'new', title: ' Tisch C', topic: ' Klima ', capacity: '3', locked: false, seated: 0 });
    const r = checkLobbyDraft({ ...d, title: ' Mittag ' });
    expect(r.ok && r.input).toEqual({
      lobbyId: 'l1',
      title: 'Mittag',
      kind: 'get-together',
      tables: [
        { id: 't1', name: 'Tisch Alpha', topic: 'Datenplattformen', capacity: 6, locked: true },
        { id: 't2', name: 'Tisch B', topic: '', capacity: 4, locked: false },
        { name: 'Tisch C', topic: 'Klima', capacity: 3, locked: false },
      ],
    });
    expect(() => LobbyInput.parse(r.ok && r.input)).not.toThrow();
  });

  it('locks come from the lobby as it is now: a lock set while the form was open is not undone by saving', () => {
    const d = draftFromLobby(existing, key, words);
    const now: Lobby = { ...existing, tables: existing.tables.map((t) => ({ ...t, locked: t.id === 't2' })) };
    const r = checkLobbyDraft(d, now);
    expect(r.ok && r.input.tables.map((t) => [t.id, t.locked])).toEqual([
      ['t1', false],
      ['t2', true],
    ]);
  });

  it('removing a table drops it from the payload (its people go back to the floor on the server)', () => {
    const d = draftFromLobby(existing, key, words);
    const r = checkLobbyDraft({ ...d, tables: d.tables.slice(1) });
    expect(r.ok && r.input.tables.map((t) => t.id)).toEqual(['t2']);
  });

  it('problems name the field: empty title, empty table name, seats below those seated or outside 2–12, no tables', () => {
    const d = draftFromLobby(existing, key, words);
    const r = checkLobbyDraft({
      ...d,
      title: '  ',
      tables: [
        { ...d.tables[0]!, capacity: '2' },
        { ...d.tables[1]!, title: ' ', capacity: String(LIMITS.tableSeatsMax + 1) },
      ],
    });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toContain('title');
    expect(tableProblem(problems, 't1', 'capacity')).toBe(true);
    expect(tableProblem(problems, 't1', 'name')).toBe(false);
    expect(tableProblem(problems, 't2', 'name')).toBe(true);
    expect(tableProblem(problems, 't2', 'capacity')).toBe(true);
    expect(checkLobbyDraft({ ...d, tables: [] })).toEqual({ ok: false, problems: ['noTables'] });
    expect(checkLobbyDraft({ ...d, tables: [{ ...d.tables[1]!, capacity: '1' }] }).ok).toBe(false);
    expect(checkLobbyDraft({ ...d, tables: [{ ...d.tables[1]!, capacity: 'drei' }] }).ok).toBe(false);
  });

  it('the smallest seat count is 2, or the people already seated', () => {
    const d = draftFromLobby(existing, key, words);
    expect(d.tables.map(minTableCapacity)).toEqual([3, 2]);
  });
});
