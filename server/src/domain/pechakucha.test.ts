import { describe, expect, it } from 'vitest';
import { pkPositionAt, type Deck, type PechaKuchaBlock } from '@mashup/shared';
import { FakeClock } from '../test-support/fake-clock.js';
import { UNCHANGED } from './context.js';
import * as pk from './pechakucha.js';

let n = 0;
const ctxAt = (clock: FakeClock) => ({ now: clock.now(), newId: () => `id${++n}` });
const S = 1_000; // 1 s slides keep the arithmetic readable
const setupInput = (talks = ['Solingen', 'Wolfsburg', 'Haßfurt']) => ({
  title: 'Pecha Kucha',
  format: { slides: 20, slideMs: S },
  breakMs: 5_000,
  talks: talks.map((t) => ({ title: t, presenterId: null, presenterName: `Team ${t}`, municipality: t })),
});
const deck = (slides: number): Deck => ({
  id: 'd1',
  source: 'pdf',
  uploadedAt: 0,
  uploadedBy: 'x',
  slides: Array.from({ length: slides }, (_, i) => ({ url: `/media/x/${i}.webp`, text: '', width: 1920, height: 1080 })),
});

function running(clock: FakeClock) {
  const block = pk.setup(null, setupInput(), ctxAt(clock));
  return pk.start(block, clock.now());
}
const at = (b: PechaKuchaBlock, clock: FakeClock) => pkPositionAt(b, clock.now());

describe('Pecha Kucha rules with fake time', () => {
  it('setup keeps talk ids and decks that still fit; a new format drops decks that do not', () => {
    const clock = new FakeClock();
    let b = pk.setup(null, setupInput(), ctxAt(clock));
    b = pk.attachDeck(b, b.talks[0]!.id, deck(20), clock.now());
    const keep = { ...setupInput(), talks: b.talks.map((t) => ({ ...t, presenterId: t.presenterId })) };
    const again = pk.setup(b, { ...keep, talks: keep.talks.map(({ deck: _d, ...t }) => t) }, ctxAt(clock));
    expect(again.talks[0]).toMatchObject({ id: b.talks[0]!.id, deck: { id: 'd1' } });
    const ignite = pk.setup(b, { ...setupInput(), format: { slides: 15, slideMs: S }, talks: [{ id: b.talks[0]!.id, title: 'x', presenterId: null, presenterName: '', municipality: '' }] }, ctxAt(clock));
    expect(ignite.talks[0]!.deck).toBeNull();
  });

  it('an unknown talk id in setup → pechakucha.talk_not_found; setup while running → pechakucha.running', () => {
    const clock = new FakeClock();
    const b = running(clock);
    expect(() => pk.setup(b, setupInput(), ctxAt(clock))).toThrow(expect.objectContaining({ code: 'pechakucha.running' }));
    const idle = pk.setup(null, setupInput(), ctxAt(clock));
    expect(() =>
      pk.setup(idle, { ...setupInput(), talks: [{ id: 'nope', title: 'x', presenterId: null, presenterName: '', municipality: '' }] }, ctxAt(clock)),
    ).toThrow(expect.objectContaining({ code: 'pechakucha.talk_not_found' }));
  });

  it('start: talk 1, slide 1 now; starting twice → pechakucha.running', () => {
    const clock = new FakeClock();
    const b = running(clock);
    expect(at(b, clock)).toMatchObject({ phase: 'talk', talkIndex: 0, slideIndex: 0 });
    expect(() => pk.start(b, clock.now())).toThrow(expect.objectContaining({ code: 'pechakucha.running' }));
  });

  it('pause holds everyone on the same slide; resume continues with the time that slide had left', () => {
    const clock = new FakeClock();
    let b = running(clock);
    clock.advance(5_400);
    b = pk.pause(b, clock.now());
    clock.advance(60_000);
    expect(at(b, clock)).toMatchObject({ slideIndex: 5, paused: true });
    expect(() => pk.pause(b, clock.now())).toThrow(expect.objectContaining({ code: 'pechakucha.not_running' }));
    b = pk.resume(b, clock.now());
    expect(at(b, clock)).toMatchObject({ slideIndex: 5, paused: false, slideEndsAt: clock.now() + 600 });
    clock.advance(600);
    expect(at(b, clock)).toMatchObject({ slideIndex: 6 });
  });

  it('previous: one slide back with its full time; at slide 1 nothing changes; in a break back to the last slide', () => {
    const clock = new FakeClock();
    let b = running(clock);
    expect(pk.previous(b, clock.now())).toBe(UNCHANGED);
    clock.advance(3_500);
    b = pk.previous(b, clock.now()) as PechaKuchaBlock;
    expect(at(b, clock)).toMatchObject({ slideIndex: 2, slideEndsAt: clock.now() + S });
    clock.advance(20_000); // into the break
    expect(at(b, clock)).toMatchObject({ phase: 'break' });
    b = pk.previous(b, clock.now()) as PechaKuchaBlock;
    expect(at(b, clock)).toMatchObject({ phase: 'talk', talkIndex: 0, slideIndex: 19 });
  });

  it('skip: the next talk starts now; skipping the last talk ends the block', () => {
    const clock = new FakeClock();
    let b = running(clock);
    clock.advance(2_000);
    b = pk.skip(b, clock.now());
    expect(at(b, clock)).toMatchObject({ phase: 'talk', talkIndex: 1, slideIndex: 0, talkStartAt: clock.now() });
    b = pk.skip(pk.skip(b, clock.now()), clock.now());
    expect(at(b, clock)).toEqual({ phase: 'ended' });
  });

  it('skip while paused starts the next talk paused on its first slide', () => {
    const clock = new FakeClock();
    let b = pk.pause(running(clock), clock.now());
    b = pk.skip(b, clock.now());
    clock.advance(10_000);
    expect(at(b, clock)).toMatchObject({ talkIndex: 1, slideIndex: 0, paused: true });
  });

  it('the block hands over to the next talk by itself after the break, unless held', () => {
    const clock = new FakeClock();
    let b = running(clock);
    clock.advance(20_000 + 5_000);
    expect(at(b, clock)).toMatchObject({ phase: 'talk', talkIndex: 1, slideIndex: 0 });
    b = pk.hold(b, true, clock.now()) as PechaKuchaBlock;
    clock.advance(20_000 + 60_000);
    expect(at(b, clock)).toMatchObject({ phase: 'break', nextTalkIndex: 2, breakEndsAt: null });
    b = pk.hold(b, false, clock.now()) as PechaKuchaBlock; // overdue: talk 3 starts now
    expect(at(b, clock)).toMatchObject({ phase: 'talk', talkIndex: 2, slideIndex: 0, talkStartAt: clock.now() });
  });

  it('releasing a hold within the break keeps the scheduled start', () => {
    const clock = new FakeClock();
    let b = pk.hold(running(clock), true, clock.now()) as PechaKuchaBlock;
    clock.advance(20_000 + 2_000);
    b = pk.hold(b, false, clock.now()) as PechaKuchaBlock;
    expect(at(b, clock)).toMatchObject({ phase: 'break', breakEndsAt: clock.now() + 3_000 });
    clock.advance(3_000);
    expect(at(b, clock)).toMatchObject({ phase: 'talk', talkIndex: 1 });
  });

  it('reorder: upcoming talks move; given or running talks keep their places', () => {
    const clock = new FakeClock();
    let b = running(clock);
    const [a, x, c] = b.talks.map((t) => t.id) as [string, string, string];
    b = pk.reorder(b, [a, c, x], clock.now()) as PechaKuchaBlock;
    expect(b.talks.map((t) => t.id)).toEqual([a, c, x]);
    expect(at(b, clock)).toMatchObject({ talkIndex: 0 });
    expect(() => pk.reorder(b, [c, a, x], clock.now())).toThrow(expect.objectContaining({ code: 'pechakucha.reorder_invalid' }));
    expect(() => pk.reorder(b, [a, c], clock.now())).toThrow(expect.objectContaining({ code: 'pechakucha.reorder_invalid' }));
    expect(pk.reorder(b, [a, c, x], clock.now())).toBe(UNCHANGED);
  });

  it('end stops the block for everyone; commands afterwards → pechakucha.not_running', () => {
    const clock = new FakeClock();
    const b = pk.end(running(clock), clock.now());
    expect(at(b, clock)).toEqual({ phase: 'ended' });
    expect(() => pk.pause(b, clock.now())).toThrow(expect.objectContaining({ code: 'pechakucha.not_running' }));
    expect(pk.clear(b, clock.now())).toBeNull();
  });

  it('decks: the format decides the slide count; the running talk keeps its deck', () => {
    const clock = new FakeClock();
    const idle = pk.setup(null, setupInput(), ctxAt(clock));
    expect(() => pk.attachDeck(idle, idle.talks[0]!.id, deck(18), clock.now())).toThrow(
      expect.objectContaining({ code: 'upload.slide_count' }),
    );
    const b = pk.start(idle, clock.now());
    expect(() => pk.attachDeck(b, b.talks[0]!.id, deck(20), clock.now())).toThrow(expect.objectContaining({ code: 'pechakucha.running' }));
    expect(pk.attachDeck(b, b.talks[1]!.id, deck(20), clock.now()).talks[1]!.deck?.id).toBe('d1');
  });

  it('slide text: the presenter or a host may edit it, nobody else', () => {
    const clock = new FakeClock();
    let b = pk.setup(null, { ...setupInput(), talks: [{ title: 'Ulm', presenterId: 'p1', presenterName: 'A', municipality: 'Ulm' }] }, ctxAt(clock));
    b = pk.attachDeck(b, b.talks[0]!.id, deck(20), clock.now());
    const id = b.talks[0]!.id;
    const edited = pk.setSlideText(b, id, 3, 'Karte der Sensoren', { id: 'p1', isHost: false }) as PechaKuchaBlock;
    expect(edited.talks[0]!.deck!.slides[3]!.text).toBe('Karte der Sensoren');
    expect(() => pk.setSlideText(b, id, 3, 'x', { id: 'p2', isHost: false })).toThrow(expect.objectContaining({ code: 'auth.forbidden' }));
    expect(pk.setSlideText(edited, id, 3, 'Karte der Sensoren', { id: 'h', isHost: true })).toBe(UNCHANGED);
    expect(pk.mayUploadFor(b, id, { id: 'p1', isHost: false })).toBe(true);
    expect(pk.mayUploadFor(b, id, { id: 'p2', isHost: false })).toBe(false);
  });
});
