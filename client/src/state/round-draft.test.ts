import { RoundInput } from '@mashup/shared';
import { describe, expect, it } from 'vitest';
import { round } from '../test-support/snapshots.js';
import { checkRoundDraft, draftFromRound, parseMinutes, type RoundDraft } from './round-draft.js';

let n = 0;
const key = () => `k${++n}`;

const existing = round({
  mode: 'balanced',
  workshops: [
    { id: 'w1', title: 'Open Data', description: 'Daten teilen', moderatorId: 'p2', capacity: 8, tag: 'AEG Daten' },
    { id: 'w2', title: 'Mobilität', description: '', moderatorId: null, capacity: 12, tag: '' },
  ],
  seats: { w1: { seated: ['p3', 'p4', 'p5'], waitlist: [] }, w2: { seated: [], waitlist: [] } },
});

describe('the round set-up form as data', () => {
  it('a new round: choose mode, 45 minutes, one empty workshop with 10 seats', () => {
    const d = draftFromRound(null, key);
    expect(d).toMatchObject({ mode: 'choose', minutes: '45', workshops: [{ title: '', capacity: '10', moderatorId: null, seated: 0 }] });
    expect(d.roundId).toBeUndefined();
  });

  it('an existing round: ids, minutes, seat limits and seated counts', () => {
    const d = draftFromRound(existing, key);
    expect(d.roundId).toBe('r1');
    expect(d.minutes).toBe('30');
    expect(d.workshops.map((w) => [w.key, w.id, w.capacity, w.seated, w.tag])).toEqual([
      ['w1', 'w1', '8', 3, 'AEG Daten'],
      ['w2', 'w2', '12', 0, ''],
    ]);
  });

  it('saving keeps workshop ids (and so their seats), trims texts and is a valid breakout:save payload', () => {
    const d = draftFromRound(existing, key);
    d.workshops.push({ key: 'new', title: '  Klima ', description: ' Hitze ', moderatorId: null, capacity: '5', tag: ' AEG Klima ', seated: 0 });
    const r = checkRoundDraft({ ...d, minutes: '22,5', mode: 'rotate' });
    expect(r.ok && r.input).toEqual({
      roundId: 'r1',
      title: 'Runde 1',
      durationMs: 22.5 * 60_000,
      mode: 'rotate',
      workshops: [
        { id: 'w1', title: 'Open Data', description: 'Daten teilen', moderatorId: 'p2', capacity: 8, tag: 'AEG Daten' },
        { id: 'w2', title: 'Mobilität', description: '', moderatorId: null, capacity: 12, tag: '' },
        { title: 'Klima', description: 'Hitze', moderatorId: null, capacity: 5, tag: 'AEG Klima' },
      ],
    });
    expect(r.ok && RoundInput.safeParse(r.input).success).toBe(true);
  });

  it('a new round has no roundId in its payload', () => {
    const d: RoundDraft = { ...draftFromRound(null, key), title: 'Runde 2' };
    d.workshops[0]!.title = 'A';
    const r = checkRoundDraft(d);
    expect(r.ok && 'roundId' in r.input).toBe(false);
  });

  it('names every problem: title, minutes, workshop title, seat limit below those already seated', () => {
    const d = draftFromRound(existing, key);
    d.workshops[0]!.capacity = '2';
    d.workshops[1]!.title = ' ';
    const r = checkRoundDraft({ ...d, title: ' ', minutes: '0' });
    expect(!r.ok && r.problems).toEqual([
      'title',
      'minutes',
      { workshop: 'w1', field: 'capacity' },
      { workshop: 'w2', field: 'title' },
    ]);
    const none = checkRoundDraft({ ...d, workshops: [] });
    expect(!none.ok && none.problems).toEqual(['noWorkshops']);
  });

  it('minutes: comma or point, from 1 minute to the longest round', () => {
    expect(parseMinutes('1')).toBe(60_000);
    expect(parseMinutes(' 1,5 ')).toBe(90_000);
    expect(parseMinutes('0.5')).toBeNull();
    expect(parseMinutes('481')).toBeNull();
    expect(parseMinutes('abc')).toBeNull();
    expect(parseMinutes('')).toBeNull();
  });
});
