import { describe, expect, it } from 'vitest';
import { PLENARY_ROOM } from './protocol/model.js';
import { mediaRights, mediaRoomKind, SMALL_ROOM_MAX, type MediaContext } from './media-policy.js';
import type { PechaKuchaBlock } from './protocol/pechakucha.js';
import type { Round } from './protocol/breakouts.js';

const T = 1_000_000;
const ctx = (over: Partial<MediaContext> = {}): MediaContext => ({ pechakucha: null, rounds: [], floor: [], roomSize: 0, now: T, ...over });

/** One talk by `presenterId`: 2 slides of 10 s, started at T (a whole PechaKuchaBlock). */
const block = (presenterId: string): PechaKuchaBlock => ({
  id: 'b',
  title: 'PK',
  format: { slides: 2, slideMs: 10_000 },
  breakMs: 0,
  talks: [{ id: 't1', title: 'Talk', presenterId, presenterName: 'P', municipality: 'Ulm', deck: null }],
  run: { talkIndex: 0, startAt: T, pausedAt: null, hold: false, endedAt: null },
});

describe('media rights (rule M2)', () => {
  it('the plenary is a stage: hosts send and share, participants only receive', () => {
    expect(mediaRoomKind(PLENARY_ROOM)).toBe('stage');
    expect(mediaRights({ participantId: 'h', role: 'host' }, PLENARY_ROOM, ctx())).toEqual({ mayPublish: true, mayShare: true });
    expect(mediaRights({ participantId: 'p', role: 'participant' }, PLENARY_ROOM, ctx())).toEqual({ mayPublish: false, mayShare: false });
  });

  it('the floor lets a participant send in the plenary, not share a screen', () => {
    expect(mediaRights({ participantId: 'p', role: 'participant' }, PLENARY_ROOM, ctx({ floor: ['p'] }))).toEqual({ mayPublish: true, mayShare: false });
  });

  it('the presenter of the talk now showing sends and shares; after the talk no longer', () => {
    const pk = block('p');
    expect(mediaRights({ participantId: 'p', role: 'participant' }, PLENARY_ROOM, ctx({ pechakucha: pk, now: T + 1 }))).toEqual({
      mayPublish: true,
      mayShare: true,
    });
    expect(mediaRights({ participantId: 'p', role: 'participant' }, PLENARY_ROOM, ctx({ pechakucha: pk, now: T + 60_000 })).mayPublish).toBe(false);
  });

  it('in a workshop everyone sends; screens: hosts, the moderator, or everyone in a small room', () => {
    const round = {
      id: 'r',
      workshops: [{ id: 'w1', moderatorId: 'm' }],
      openedAt: T - 1,
      endsAt: T + 60_000,
      closingAt: null,
      publishedAt: T - 2,
    } as unknown as Round;
    const big = ctx({ rounds: [round], roomSize: SMALL_ROOM_MAX + 1 });
    expect(mediaRoomKind('w1')).toBe('group');
    expect(mediaRights({ participantId: 'p', role: 'participant' }, 'w1', big)).toEqual({ mayPublish: true, mayShare: false });
    expect(mediaRights({ participantId: 'm', role: 'participant' }, 'w1', big).mayShare).toBe(true);
    expect(mediaRights({ participantId: 'h', role: 'host' }, 'w1', big).mayShare).toBe(true);
    expect(mediaRights({ participantId: 'p', role: 'participant' }, 'w1', ctx({ rounds: [round], roomSize: SMALL_ROOM_MAX })).mayShare).toBe(true);
  });
});
