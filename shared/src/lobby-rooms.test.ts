import { describe, expect, it } from 'vitest';
import { roomOf } from './breakout-schedule.js';
import { lobbyRoomId, openLobby, tableOfRoom, tableRoomId } from './lobby-rooms.js';
import { mediaRights, mediaRoomKind } from './media-policy.js';
import type { Lobby } from './protocol/lobbies.js';
import type { Round } from './protocol/breakouts.js';

const T0 = 1_700_000_000_000;

function lobby(over: Partial<Lobby> = {}): Lobby {
  return {
    id: 'L',
    title: 'Social Eating',
    kind: 'social-eating',
    createdAt: T0 - 1000,
    openedAt: T0,
    closedAt: null,
    tables: [
      { id: 't1', name: 'Tisch 1', topic: '', capacity: 6, locked: false, seated: ['a', 'b'] },
      { id: 't2', name: 'Tisch 2', topic: '', capacity: 6, locked: false, seated: ['c'] },
    ],
    ...over,
  };
}

/** A live round in which `w` seats only `inWorkshop`. */
const liveRound = (inWorkshop: string): Round => ({
  id: 'r',
  title: 'R',
  durationMs: 60_000,
  mode: 'choose',
  createdAt: 0,
  workshops: [{ id: 'w', title: 'W', description: '', moderatorId: null, capacity: 5, tag: '' }],
  seats: { w: { seated: [inWorkshop], waitlist: [] } },
  publishedAt: T0 - 10,
  openedAt: T0 - 10,
  endsAt: T0 + 60_000,
  closingAt: null,
  help: [],
  visits: {},
  pending: [],
});

describe('rooms while a lobby is open (rule L2)', () => {
  it('seated at a table → the table room; unseated → the floor; closed or never opened → the plenary', () => {
    expect(roomOf('a', [], T0, [lobby()])).toBe(tableRoomId('t1'));
    expect(roomOf('c', [], T0, [lobby()])).toBe(tableRoomId('t2'));
    expect(roomOf('z', [], T0, [lobby()])).toBe(lobbyRoomId('L'));
    expect(roomOf('a', [], T0, [lobby({ closedAt: T0 + 1 })])).toBe('plenary');
    expect(roomOf('a', [], T0, [lobby({ openedAt: null })])).toBe('plenary');
    expect(roomOf('a', [], T0)).toBe('plenary');
  });

  it('a workshop of a live round comes first; the rest of the event is in the lobby', () => {
    expect(roomOf('a', [liveRound('a')], T0, [lobby()])).toBe('w');
    expect(roomOf('b', [liveRound('a')], T0, [lobby()])).toBe(tableRoomId('t1'));
  });

  it('two open lobbies after a race: everyone agrees on the earlier opening (rule L1)', () => {
    const later = lobby({ id: 'M', openedAt: T0 + 5, tables: [] });
    expect(openLobby([later, lobby()])?.id).toBe('L');
    expect(roomOf('z', [], T0, [later, lobby()])).toBe(lobbyRoomId('L'));
    expect(tableOfRoom([lobby()], tableRoomId('t2'))?.id).toBe('t2');
    expect(tableOfRoom([lobby()], 'w')).toBeNull();
  });

  it('room ids stay within the 64 characters of a payload id', () => {
    const uuid = '123e4567-e89b-12d3-a456-426614174000';
    expect(tableRoomId(uuid).length).toBeLessThanOrEqual(64);
    expect(lobbyRoomId(uuid).length).toBeLessThanOrEqual(64);
  });
});

describe('media at tables (rule M2)', () => {
  const ctx = { pechakucha: null, rounds: [], floor: [], roomSize: 6, now: T0 };
  it('a table is a table room where everyone sends and shares; the floor is a stage', () => {
    expect(mediaRoomKind(tableRoomId('t1'))).toBe('table');
    expect(mediaRights({ participantId: 'a', role: 'participant' }, tableRoomId('t1'), ctx)).toEqual({ mayPublish: true, mayShare: true });
    expect(mediaRoomKind(lobbyRoomId('L'))).toBe('stage');
    expect(mediaRights({ participantId: 'z', role: 'participant' }, lobbyRoomId('L'), ctx)).toEqual({ mayPublish: false, mayShare: false });
    expect(mediaRights({ participantId: 'h', role: 'host' }, lobbyRoomId('L'), ctx)).toEqual({ mayPublish: true, mayShare: true });
  });
});
