/** The raised-hands queue. */
import * as hands from '../../domain/hands.js';
import type { Update, Docs } from '../../store/types.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';

export function handHandlers(deps: FeatureDeps) {
  const apply = async (eventId: string, fn: Update<Docs['hands']>) => {
    const change = await deps.store.updateDoc(eventId, 'hands', fn);
    if (change.seq !== null) deps.broadcast.patch(eventId, change.seq, { type: 'hands', hands: change.value ?? [] });
    return {};
  };

  const raise: Handler<'hand:raise'> = ({ eventId, actor }) =>
    apply(eventId, (cur) => hands.raise(cur, actor.id, deps.clock.now()));
  const lower: Handler<'hand:lower'> = ({ eventId, actor }) => apply(eventId, (cur) => hands.lower(cur, actor.id));
  const dismiss: Handler<'hand:dismiss'> = ({ eventId }, { participantId }) =>
    apply(eventId, (cur) => hands.lower(cur, participantId));
  const dismissAll: Handler<'hand:dismissAll'> = ({ eventId }) => apply(eventId, (cur) => hands.lowerAll(cur));

  return { 'hand:raise': raise, 'hand:lower': lower, 'hand:dismiss': dismiss, 'hand:dismissAll': dismissAll };
}
