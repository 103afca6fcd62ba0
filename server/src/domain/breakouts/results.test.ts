/**
 * Results boards, pure (rule B6): item-level operations, stale edits refused
 * with the other version in the details, nothing lost.
 */
import { describe, expect, it } from 'vitest';
import { ROUND_CLOSING_MS, type ResultsBoard, type Round } from '@mashup/shared';
import { UNCHANGED } from '../context.js';
import { codeOf, refusal } from '../../test-support/outcomes.js';
import { addItem, editItem, pinItem, removeItem, requireBoardAccess } from './results.js';

const T0 = 1_700_000_000_000;
const key = { roundId: 'r1', workshopId: 'w1' };

const add = (board: ResultsBoard | null, itemId: string, text: string, by = 'a', now = T0) =>
  addItem(board, key, { section: 'insights', text, by, itemId }, { now, newId: () => 'unused' });

describe('results board (rule B6)', () => {
  it('adds items in order, each at version 1, unpinned; the first add creates the board', () => {
    const b = add(add(null, 'i1', 'Radwege fehlen'), 'i2', 'ÖPNV-Takt', 'b', T0 + 5);
    expect(b).toMatchObject({ roundId: 'r1', workshopId: 'w1', updatedAt: T0 + 5 });
    expect(b.items).toEqual([
      { id: 'i1', section: 'insights', text: 'Radwege fehlen', by: 'a', at: T0, version: 1, pinned: false },
      { id: 'i2', section: 'insights', text: 'ÖPNV-Takt', by: 'b', at: T0 + 5, version: 1, pinned: false },
    ]);
  });

  it('two adds applied one after the other to the latest board both land (what the store’s CAS retry does)', () => {
    const base = add(null, 'i1', 'x');
    // Both computed from `base`; the second loses the CAS, re-reads and applies to the first's result.
    const first = add(base, 'i2', 'von A');
    const second = add(first, 'i3', 'von B');
    expect(second.items.map((i) => i.text)).toEqual(['x', 'von A', 'von B']);
  });

  it('an edit on the current version replaces the text and raises the version', () => {
    const b = editItem(add(null, 'i1', 'alt'), 'i1', { text: 'neu', baseVersion: 1 }, T0 + 1) as ResultsBoard;
    expect(b.items[0]).toMatchObject({ text: 'neu', version: 2 });
    expect(b.updatedAt).toBe(T0 + 1);
  });

  it('a stale edit → results.conflict carrying the other version and text; nothing is overwritten', () => {
    const b = editItem(add(null, 'i1', 'alt'), 'i1', { text: 'von A', baseVersion: 1 }, T0 + 1) as ResultsBoard;
    const err = refusal(() => editItem(b, 'i1', { text: 'von B', baseVersion: 1 }, T0 + 2));
    expect(err.code).toBe('results.conflict');
    expect(err.details).toEqual({ version: 2, text: 'von A' });
    expect(b.items[0]!.text).toBe('von A');
  });

  it('an edit to the same text changes nothing; an edit of a removed item → results.not_found', () => {
    const b = add(null, 'i1', 'gleich');
    expect(editItem(b, 'i1', { text: 'gleich', baseVersion: 1 }, T0)).toBe(UNCHANGED);
    expect(refusal(() => editItem(b, 'zz', { text: 'x', baseVersion: 1 }, T0)).code).toBe('results.not_found');
    expect(refusal(() => editItem(null, 'i1', { text: 'x', baseVersion: 1 }, T0)).code).toBe('results.not_found');
  });

  it('remove takes out one item; removing twice is harmless', () => {
    const b = removeItem(add(add(null, 'i1', 'a'), 'i2', 'b'), 'i1', T0 + 1) as ResultsBoard;
    expect(b.items.map((i) => i.id)).toEqual(['i2']);
    expect(removeItem(b, 'i1', T0 + 2)).toBe(UNCHANGED);
    expect(removeItem(null, 'i1', T0 + 2)).toBe(UNCHANGED);
  });

  it('pin marks an item without raising its version, so a concurrent text edit still lands', () => {
    const b = pinItem(add(null, 'i1', 'wichtig'), 'i1', true, T0 + 1) as ResultsBoard;
    expect(b.items[0]).toMatchObject({ pinned: true, version: 1 });
    expect(pinItem(b, 'i1', true, T0 + 2)).toBe(UNCHANGED);
    expect((editItem(b, 'i1', { text: 'sehr wichtig', baseVersion: 1 }, T0 + 3) as ResultsBoard).items[0]).toMatchObject({
      text: 'sehr wichtig',
      pinned: true,
      version: 2,
    });
    expect(refusal(() => pinItem(b, 'zz', true, T0)).code).toBe('results.not_found');
  });

  it('a full board → results.too_many', () => {
    let b: ResultsBoard | null = null;
    for (let i = 0; i < 200; i++) b = add(b, `i${i}`, `t${i}`);
    expect(refusal(() => add(b, 'one-more', 'x')).code).toBe('results.too_many');
  });

  it('a board past 50,000 characters → results.too_many, for adds and for edits that grow it', () => {
    let b: ResultsBoard | null = null;
    for (let i = 0; i < 50; i++) b = add(b, `i${i}`, 'x'.repeat(1000)); // exactly 50,000
    expect(refusal(() => add(b, 'one-more', 'y')).code).toBe('results.too_many');
    expect(refusal(() => editItem(b, 'i0', { text: 'x'.repeat(1000) + 'y', baseVersion: 1 }, T0 + 1)).code).toBe('results.too_many');
    expect((editItem(b, 'i0', { text: 'kürzer', baseVersion: 1 }, T0 + 1) as ResultsBoard).items[0]!.text).toBe('kürzer');
  });
});

describe('who may write on a board', () => {
  const round: Round = {
    id: 'r1',
    title: 'Runde',
    durationMs: 30 * 60_000,
    mode: 'choose',
    createdAt: T0,
    workshops: [
      { id: 'w1', title: 'A', description: '', moderatorId: 'mod', capacity: 5, tag: '' },
      { id: 'w2', title: 'B', description: '', moderatorId: null, capacity: 5, tag: '' },
    ],
    seats: { w1: { seated: ['in-w1'], waitlist: ['waiting'] }, w2: { seated: ['in-w2'], waitlist: [] } },
    publishedAt: T0,
    openedAt: T0,
    endsAt: T0 + 30 * 60_000,
    closingAt: null,
    help: [],
    visits: { visitor: 'w1' },
    pending: [],
  };
  const code = (actor: { id: string; isHost: boolean }, now = T0 + 1, r = round, w = 'w1') =>
    codeOf(() => requireBoardAccess(r, w, actor, now));
  const after = T0 + 30 * 60_000 + ROUND_CLOSING_MS;

  it('while live: the room’s members (seated, moderator, visiting host); not other rooms, not the waitlist', () => {
    expect(code({ id: 'in-w1', isHost: false })).toBeNull();
    expect(code({ id: 'mod', isHost: false })).toBeNull();
    expect(code({ id: 'visitor', isHost: true })).toBeNull();
    expect(code({ id: 'in-w2', isHost: false })).toBe('auth.forbidden');
    expect(code({ id: 'waiting', isHost: false })).toBe('auth.forbidden');
  });

  it('after the round: hosts and the moderator only; before the opening: nobody (breakout.not_live)', () => {
    expect(code({ id: 'in-w1', isHost: false }, after)).toBe('auth.forbidden');
    expect(code({ id: 'mod', isHost: false }, after)).toBeNull();
    expect(code({ id: 'h', isHost: true }, after)).toBeNull();
    expect(code({ id: 'h', isHost: true }, T0, { ...round, openedAt: null, endsAt: null })).toBe('breakout.not_live');
    expect(code({ id: 'h', isHost: true }, T0, round, 'zz')).toBe('breakout.workshop_not_found');
  });
});
