import type { PechaKuchaBlock } from '@mashup/shared';
import { describe, expect, it } from 'vitest';
import { checkDraft, decksLost, draftFromBlock, type SetupDraft } from './pk-setup-draft.js';

let n = 0;
const key = () => `k${++n}`;

const existing: PechaKuchaBlock = {
  id: 'b',
  title: 'Städte in 400 Sekunden',
  format: { slides: 20, slideMs: 15_000 },
  breakMs: 10_000,
  talks: [
    {
      id: 't1',
      title: 'Datenplattform',
      presenterId: 'p1',
      presenterName: 'Anna',
      municipality: 'Ulm',
      deck: { id: 'd', source: 'pdf', slides: Array.from({ length: 20 }, () => ({ url: '/m', text: '', width: 1, height: 1 })), uploadedAt: 0, uploadedBy: 'p1' },
    },
  ],
  run: null,
};

describe('the set-up form as data', () => {
  it('a new block starts as Pecha Kucha 20 × 20 s with a 15 s break and one empty talk', () => {
    const d = draftFromBlock(null, key);
    expect(d).toMatchObject({ formatKind: 'pechakucha', breakSeconds: '15', talks: [{ title: '', presenterId: null }] });
  });

  it('an existing block: preset recognised, talks with ids and deck sizes', () => {
    const d = draftFromBlock(existing, key);
    expect(d.formatKind).toBe('ignite');
    expect(d.talks).toEqual([{ key: 't1', id: 't1', title: 'Datenplattform', presenterId: 'p1', presenterName: 'Anna', municipality: 'Ulm', deckSlides: 20 }]);
    expect(draftFromBlock({ ...existing, format: { slides: 10, slideMs: 1_000 } }, key)).toMatchObject({ formatKind: 'custom', slides: '10', seconds: '1' });
  });

  it('saving keeps existing talk ids (and so their decks) and trims the texts', () => {
    const d = draftFromBlock(existing, key);
    d.talks.push({ key: 'new', title: '  Zwilling ', presenterId: null, presenterName: ' Gast ', municipality: 'Bamberg', deckSlides: null });
    const r = checkDraft(d);
    expect(r.ok && r.setup).toEqual({
      title: 'Städte in 400 Sekunden',
      format: { slides: 20, slideMs: 15_000 },
      breakMs: 10_000,
      talks: [
        { id: 't1', title: 'Datenplattform', presenterId: 'p1', presenterName: 'Anna', municipality: 'Ulm' },
        { title: 'Zwilling', presenterId: null, presenterName: 'Gast', municipality: 'Bamberg' },
      ],
    });
  });

  it('custom format: fractional seconds down to 0.5 s, with a comma too', () => {
    const d: SetupDraft = { ...draftFromBlock(existing, key), formatKind: 'custom', slides: '20', seconds: '0,5', breakSeconds: '2' };
    const r = checkDraft(d);
    expect(r.ok && r.setup.format).toEqual({ slides: 20, slideMs: 500 });
    expect(r.ok && r.setup.breakMs).toBe(2_000);
  });

  it('names every problem: slides, seconds, break, missing titles, no talks', () => {
    const d: SetupDraft = { ...draftFromBlock(null, key), formatKind: 'custom', slides: '0', seconds: '0.2', breakSeconds: '-1' };
    const r = checkDraft(d);
    expect(!r.ok && r.problems).toEqual(['slides', 'seconds', 'breakSeconds', { talk: d.talks[0]!.key, field: 'title' }]);
    const none = checkDraft({ ...draftFromBlock(null, key), talks: [] });
    expect(!none.ok && none.problems).toEqual(['noTalks']);
  });

  it('warns about decks that no longer fit a changed slide count', () => {
    const d = draftFromBlock(existing, key);
    expect(decksLost({ ...d, formatKind: 'pechakucha' })).toEqual([]);
    expect(decksLost({ ...d, formatKind: 'custom', slides: '10', seconds: '1' }).map((t) => t.id)).toEqual(['t1']);
  });
});
