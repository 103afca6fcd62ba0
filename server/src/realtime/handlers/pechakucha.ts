/** Pecha Kucha: hosts set up and run the block; presenters describe their slides. */
import type { PechaKuchaBlock } from '@mashup/shared';
import * as pk from '../../domain/pechakucha.js';
import type { Unchanged } from '../../domain/context.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';

export function pechakuchaHandlers(deps: FeatureDeps) {
  /** One CAS on the block, one patch when it changed. The rules get the time of the command. */
  const apply = async (eventId: string, fn: (cur: PechaKuchaBlock | null, now: number) => PechaKuchaBlock | null | Unchanged) => {
    const change = await deps.store.updateDoc(eventId, 'pechakucha', (cur) => fn(cur, deps.clock.now()));
    if (change.seq !== null) deps.broadcast.patch(eventId, change.seq, { type: 'pechakucha', block: change.value });
    return {};
  };

  /**
   * Setup and clear may drop talks or decks that no longer fit: their files go
   * after the store no longer points at them (never before, or a viewer could
   * load a missing slide).
   */
  const replacing = async (eventId: string, fn: (cur: PechaKuchaBlock | null, now: number) => PechaKuchaBlock | null) => {
    let before: PechaKuchaBlock | null = null;
    const change = await deps.store.updateDoc(eventId, 'pechakucha', (cur) => {
      before = cur;
      return fn(cur, deps.clock.now());
    });
    if (change.seq !== null) deps.broadcast.patch(eventId, change.seq, { type: 'pechakucha', block: change.value });
    const kept = new Set((change.value?.talks ?? []).map((t) => t.deck?.id));
    const dropped = ((before as PechaKuchaBlock | null)?.talks ?? []).flatMap((t) => (t.deck && !kept.has(t.deck.id) ? [t.deck.id] : []));
    await Promise.all(dropped.map((deckId) => deps.files.removeDeck(eventId, deckId)));
    return {};
  };

  const setup: Handler<'pechakucha:setup'> = ({ eventId }, input) => {
    const ctx = deps.ctx();
    return replacing(eventId, (cur) => pk.setup(cur, input, ctx));
  };
  const clear: Handler<'pechakucha:clear'> = ({ eventId }) => replacing(eventId, pk.clear);
  const start: Handler<'pechakucha:start'> = ({ eventId }) => apply(eventId, pk.start);
  const pause: Handler<'pechakucha:pause'> = ({ eventId }) => apply(eventId, pk.pause);
  const resume: Handler<'pechakucha:resume'> = ({ eventId }) => apply(eventId, pk.resume);
  const previous: Handler<'pechakucha:previous'> = ({ eventId }) => apply(eventId, pk.previous);
  const skip: Handler<'pechakucha:skip'> = ({ eventId }) => apply(eventId, pk.skip);
  const hold: Handler<'pechakucha:hold'> = ({ eventId }, { hold: holdIt }) =>
    apply(eventId, (cur, now) => pk.hold(cur, holdIt, now));
  const reorder: Handler<'pechakucha:reorder'> = ({ eventId }, { talkIds }) =>
    apply(eventId, (cur, now) => pk.reorder(cur, talkIds, now));
  const end: Handler<'pechakucha:end'> = ({ eventId }) => apply(eventId, pk.end);
  const slideText: Handler<'pechakucha:slideText'> = ({ eventId, actor }, { talkId, index, text }) =>
    apply(eventId, (cur) => pk.setSlideText(cur, talkId, index, text, { id: actor.id, isHost: actor.role === 'host' }));

  return {
    'pechakucha:setup': setup,
    'pechakucha:clear': clear,
    'pechakucha:start': start,
    'pechakucha:pause': pause,
    'pechakucha:resume': resume,
    'pechakucha:previous': previous,
    'pechakucha:skip': skip,
    'pechakucha:hold': hold,
    'pechakucha:reorder': reorder,
    'pechakucha:end': end,
    'pechakucha:slideText': slideText,
  };
}
