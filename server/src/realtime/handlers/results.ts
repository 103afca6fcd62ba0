/** Results boards of workshop rooms and the spotlight on the plenary's results wall. */
import type { ResultsBoard } from '@mashup/shared';
import type { Unchanged } from '../../domain/context.js';
import { refuse } from '../../domain/errors.js';
import * as results from '../../domain/breakouts/results.js';
import * as rounds from '../../domain/breakouts/round.js';
import type { ParticipantRecord } from '../../domain/records.js';
import { resultsKey } from '../../store/types.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';

export function resultsHandlers(deps: FeatureDeps) {
  const findRound = async (eventId: string, roundId: string) =>
    rounds.requireRound((await deps.store.listItems(eventId, 'rounds')).find((r) => r.id === roundId) ?? null);

  /** Access is checked against the round, then the board changes in one CAS (rule B6). */
  const applyBoard = async (
    eventId: string,
    actor: ParticipantRecord,
    key: { roundId: string; workshopId: string },
    fn: (cur: ResultsBoard | null, now: number) => ResultsBoard | Unchanged,
    opts: { moderatorOnly?: boolean } = {},
  ) => {
    const round = await findRound(eventId, key.roundId);
    const who = { id: actor.id, isHost: actor.role === 'host' };
    if (opts.moderatorOnly) {
      rounds.requireWorkshop(round, key.workshopId);
      if (!rounds.canModerate(round, key.workshopId, who)) refuse('auth.forbidden', 'Only hosts and this room’s moderator can pin results.');
    } else {
      results.requireBoardAccess(round, key.workshopId, who, deps.clock.now());
    }
    const change = await deps.store.updateItem(eventId, 'results', resultsKey(key.roundId, key.workshopId), (cur) =>
      fn(cur, deps.clock.now()),
    );
    if (change.seq !== null && change.value) {
      deps.broadcast.patch(eventId, change.seq, { type: 'results', board: change.value });
      deps.broadcast.activity(eventId, key.workshopId, change.value.updatedAt);
    }
  };

  const add: Handler<'results:add'> = async ({ eventId, actor }, { roundId, workshopId, section, text }) => {
    const ctx = deps.ctx();
    const itemId = ctx.newId();
    await applyBoard(eventId, actor, { roundId, workshopId }, (cur, now) =>
      results.addItem(cur, { roundId, workshopId }, { section, text, by: actor.id, itemId }, { ...ctx, now }),
    );
    return { itemId };
  };

  const edit: Handler<'results:edit'> = async ({ eventId, actor }, { roundId, workshopId, itemId, text, baseVersion }) => {
    await applyBoard(eventId, actor, { roundId, workshopId }, (cur, now) => results.editItem(cur, itemId, { text, baseVersion }, now));
    return {};
  };

  const remove: Handler<'results:remove'> = async ({ eventId, actor }, { roundId, workshopId, itemId }) => {
    await applyBoard(eventId, actor, { roundId, workshopId }, (cur, now) => results.removeItem(cur, itemId, now));
    return {};
  };

  const pin: Handler<'results:pin'> = async ({ eventId, actor }, { roundId, workshopId, itemId, pinned }) => {
    await applyBoard(eventId, actor, { roundId, workshopId }, (cur, now) => results.pinItem(cur, itemId, pinned, now), {
      moderatorOnly: true,
    });
    return {};
  };

  const spotlight: Handler<'results:spotlight'> = async ({ eventId }, { spotlight: target }) => {
    if (target) rounds.requireWorkshop(await findRound(eventId, target.roundId), target.workshopId);
    const change = await deps.store.updateDoc(eventId, 'spotlight', () => target);
    if (change.seq !== null) deps.broadcast.patch(eventId, change.seq, { type: 'spotlight', spotlight: change.value });
    return {};
  };

  return {
    'results:add': add,
    'results:edit': edit,
    'results:remove': remove,
    'results:pin': pin,
    'results:spotlight': spotlight,
  };
}
