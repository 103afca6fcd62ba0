/**
 * Lobby rules, pure: fake time, predictable ids, seeded chance, no store.
 * Rule ids refer to docs/PROTOCOL.md ("Lobbies and tables").
 */
import { describe, expect, it } from 'vitest';
import { LobbyInput, lobbyRoomId, roomOf, tableRoomId, type Lobby } from '@mashup/shared';
import { UNCHANGED, type DomainContext } from '../context.js';
import { codeOf, refusal } from '../../test-support/outcomes.js';
import { seededRandom } from '../breakouts/random.js';
import { close, define, leave, lock, open, shuffle, sit, surprise } from './lobby.js';

const T0 = 1_700_000_000_000;

function ids(): DomainContext['newId'] {
  let n = 0;
  return () => `t${++n}`;
}
const ctx = (now = T0): DomainContext => ({ now, newId: ids() });

/** An open lobby with tables t1..tn of the given capacities. */
function openLobby(...capacities: number[]): Lobby {
  const input = LobbyInput.parse({ title: 'Social Eating', tables: capacities.map((capacity, i) => ({ name: `Tisch ${i + 1}`, capacity })) });
  const lobby = define(null, { ...input, lobbyId: 'L' }, ctx());
  return open(lobby, [], T0 + 1) as Lobby;
}
const asLobby = (r: Lobby | typeof UNCHANGED): Lobby => {
  if (r === UNCHANGED) throw new Error('unchanged');
  return r;
};
const seatedAt = (lobby: Lobby, tableId: string) => lobby.tables.find((t) => t.id === tableId)!.seated;
const people = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('defining a lobby', () => {
  it('tables default to 6 seats, unlocked; a new lobby is not open', () => {
    const input = LobbyInput.parse({ title: 'Mittag', tables: [{ name: 'A' }] });
    const lobby = define(null, { ...input, lobbyId: 'L' }, ctx());
    expect(lobby).toMatchObject({ kind: 'social-eating', openedAt: null, closedAt: null, createdAt: T0 });
    expect(lobby.tables).toEqual([{ id: 't1', name: 'A', topic: '', capacity: 6, locked: false, seated: [] }]);
  });

  it('LobbyInput keeps capacities within 2..12', () => {
    expect(LobbyInput.safeParse({ title: 'x', tables: [{ name: 'A', capacity: 1 }] }).success).toBe(false);
    expect(LobbyInput.safeParse({ title: 'x', tables: [{ name: 'A', capacity: 13 }] }).success).toBe(false);
  });

  it('a redefinition keeps who sits at tables passed by id and refuses a capacity below them', () => {
    let lobby = openLobby(4, 4);
    lobby = asLobby(sit(lobby, 'a', 't1'));
    lobby = asLobby(sit(lobby, 'b', 't1'));
    const again = LobbyInput.parse({ lobbyId: 'L', title: 'Neu', tables: [{ id: 't1', name: 'Umbenannt', topic: 'Daten', capacity: 3 }, { name: 'Neu' }] });
    const next = define(lobby, { ...again, lobbyId: 'L' }, { now: T0 + 5, newId: () => 'n1' });
    expect(next.tables.map((t) => [t.id, t.name, t.topic, t.seated])).toEqual([
      ['t1', 'Umbenannt', 'Daten', ['a', 'b']],
      ['n1', 'Neu', '', []],
    ]);
    expect(next.openedAt).toBe(lobby.openedAt);
    const tooSmall = LobbyInput.parse({ lobbyId: 'L', title: 'x', tables: [{ id: 't1', name: 'A', capacity: 2 }] });
    expect(codeOf(() => define(asLobby(sit(lobby, 'c', 't1')), { ...tooSmall, lobbyId: 'L' }, ctx()))).toBe('lobby.capacity_below_seated');
    const unknown = LobbyInput.parse({ lobbyId: 'L', title: 'x', tables: [{ id: 'nope', name: 'A' }] });
    expect(codeOf(() => define(lobby, { ...unknown, lobbyId: 'L' }, ctx()))).toBe('lobby.table_not_found');
  });
});

describe('opening and closing (rules L1, L2)', () => {
  it('one open lobby at a time; opening twice changes nothing', () => {
    const a = openLobby(6);
    const b = { ...a, id: 'M', openedAt: null };
    expect(codeOf(() => open(b, [a], T0 + 2))).toBe('lobby.another_open');
    expect(open(a, [a], T0 + 2)).toBe(UNCHANGED);
    expect(codeOf(() => open(null, [], T0))).toBe('lobby.not_found');
  });

  it('closing empties the tables and sends everyone back to the plenary', () => {
    let lobby = asLobby(sit(openLobby(6), 'a', 't1'));
    expect(roomOf('a', [], T0, [lobby])).toBe(tableRoomId('t1'));
    expect(roomOf('z', [], T0, [lobby])).toBe(lobbyRoomId('L'));
    lobby = asLobby(close(lobby, T0 + 10));
    expect(lobby.closedAt).toBe(T0 + 10);
    expect(seatedAt(lobby, 't1')).toEqual([]);
    expect(roomOf('a', [], T0, [lobby])).toBe('plenary');
    expect(close(lobby, T0 + 11)).toBe(UNCHANGED);
    expect(codeOf(() => sit(lobby, 'a', 't1'))).toBe('lobby.not_open');
  });
});

describe('sitting down (rules L3, L4)', () => {
  it('capacity is never exceeded: the seventh at a 6-seat table gets lobby.table_full', () => {
    let lobby = openLobby(6);
    for (const p of people(6)) lobby = asLobby(sit(lobby, p, 't1'));
    expect(refusal(() => sit(lobby, 'p7', 't1'))).toMatchObject({ code: 'lobby.table_full', details: { capacity: 6 } });
    expect(seatedAt(lobby, 't1')).toHaveLength(6);
  });

  it('switching tables is one step: the old seat is freed, a refused switch keeps it', () => {
    let lobby = openLobby(2, 2);
    lobby = asLobby(sit(lobby, 'a', 't1'));
    lobby = asLobby(sit(lobby, 'a', 't2'));
    expect([seatedAt(lobby, 't1'), seatedAt(lobby, 't2')]).toEqual([[], ['a']]);
    expect(sit(lobby, 'a', 't2')).toBe(UNCHANGED);
    lobby = asLobby(sit(lobby, 'b', 't1'));
    lobby = asLobby(sit(lobby, 'c', 't1'));
    expect(codeOf(() => sit(lobby, 'a', 't1'))).toBe('lobby.table_full');
    expect(seatedAt(lobby, 't2')).toEqual(['a']);
  });

  it('a locked table takes nobody new; who sits there stays and may leave', () => {
    let lobby = asLobby(sit(openLobby(6), 'a', 't1'));
    lobby = asLobby(lock(lobby, 't1', true));
    expect(lock(lobby, 't1', true)).toBe(UNCHANGED);
    expect(codeOf(() => sit(lobby, 'b', 't1'))).toBe('lobby.table_locked');
    expect(seatedAt(lobby, 't1')).toEqual(['a']);
    lobby = asLobby(leave(lobby, 'a'));
    expect(seatedAt(lobby, 't1')).toEqual([]);
    expect(leave(lobby, 'a')).toBe(UNCHANGED);
  });

  it('unknown tables and lobbies are refused', () => {
    expect(codeOf(() => sit(openLobby(6), 'a', 'nope'))).toBe('lobby.table_not_found');
    expect(codeOf(() => sit(null, 'a', 't1'))).toBe('lobby.not_found');
    expect(codeOf(() => lock(openLobby(6), 'nope', true))).toBe('lobby.table_not_found');
  });
});

describe('surprise me (rule L6)', () => {
  it('picks the free table with the fewest people one has met, then the most free seats', () => {
    let lobby = openLobby(4, 4, 6);
    lobby = asLobby(sit(lobby, 'friend', 't1'));
    lobby = asLobby(sit(lobby, 'stranger', 't2'));
    lobby = asLobby(sit(lobby, 'friend2', 't3'));
    const met = new Set(['friend', 'friend2']);
    expect(surprise(lobby, 'me', met).tableId).toBe('t2');
    // Nobody met anywhere: the most free seats wins (t3 has 5, the others 3).
    expect(surprise(lobby, 'me', new Set()).tableId).toBe('t3');
  });

  it('never one\'s own table, a locked or a full one; none left → lobby.full', () => {
    let lobby = openLobby(2, 2);
    lobby = asLobby(sit(lobby, 'me', 't1'));
    lobby = asLobby(lock(lobby, 't2', true));
    expect(codeOf(() => surprise(lobby, 'me', new Set()))).toBe('lobby.full');
    lobby = asLobby(lock(lobby, 't2', false));
    const { lobby: after, tableId } = surprise(lobby, 'me', new Set());
    expect(tableId).toBe('t2');
    expect([seatedAt(after, 't1'), seatedAt(after, 't2')]).toEqual([[], ['me']]);
  });
});

describe('shuffle (rule L5)', () => {
  it('balanced within ±1, capacity kept, locked tables untouched, the rest on the floor', () => {
    for (let seed = 1; seed <= 30; seed++) {
      let lobby = openLobby(6, 6, 3, 6, 6);
      lobby = asLobby(sit(lobby, 'x1', 't4'));
      lobby = asLobby(lock(lobby, 't4', true));
      const present = [...people(20), 'x1'];
      const { lobby: after, placed, unplaced } = shuffle(lobby, present, seededRandom(seed));
      expect(seatedAt(after, 't4')).toEqual(['x1']);
      const open = after.tables.filter((t) => !t.locked);
      for (const t of open) expect(t.seated.length).toBeLessThanOrEqual(t.capacity);
      // 20 people over 6 + 6 + 3 + 6 seats: the small table fills, the others share the rest evenly.
      const sizes = open.filter((t) => t.capacity === 6).map((t) => t.seated.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(placed).toBe(20);
      expect(unplaced).toBe(0);
      const all = after.tables.flatMap((t) => t.seated);
      expect(new Set(all).size).toBe(all.length);
    }
  });

  it('more people than seats: every unlocked table full, the others stay on the floor', () => {
    const { lobby, placed, unplaced } = shuffle(openLobby(2, 3), people(8), seededRandom(7));
    expect(lobby.tables.map((t) => t.seated.length)).toEqual([2, 3]);
    expect([placed, unplaced]).toEqual([5, 3]);
  });

  it('someone seated who is not present gets up; a closed lobby is refused', () => {
    let lobby = asLobby(sit(openLobby(6), 'gone', 't1'));
    lobby = shuffle(lobby, ['a'], seededRandom(1)).lobby;
    expect(seatedAt(lobby, 't1')).toEqual(['a']);
    expect(codeOf(() => shuffle(asLobby(close(lobby, T0 + 5)), ['a'], seededRandom(1)))).toBe('lobby.not_open');
  });
});
