/**
 * A workshop's results board. Every change is one item-level operation applied
 * in one compare-and-set on the board, so two people adding at once both land
 * (rule B6); an edit made on an outdated version of an item is refused with
 * `results.conflict` instead of overwriting what the other person wrote.
 */
import { isRoundLive, LIMITS, workshopOf, type ResultItem, type ResultSection, type ResultsBoard, type Round } from '@mashup/shared';
import { UNCHANGED, type DomainContext, type Unchanged } from '../context.js';
import { refuse } from '../errors.js';
import { canModerate, requireWorkshop, type Actor } from './round.js';

/**
 * Who may write on a board: hosts and the room's moderator always (also after
 * the round, to tidy up for the documentation); the people in the room while
 * the round is live.
 */
export function requireBoardAccess(round: Round, workshopId: string, actor: Actor, now: number): void {
  requireWorkshop(round, workshopId);
  // Boards exist from the opening on, so a round that never opened (and may be deleted) has none.
  if (round.openedAt === null) refuse('breakout.not_live', 'Results can be written once the round has opened.');
  if (canModerate(round, workshopId, actor)) return;
  if (isRoundLive(round, now) && workshopOf(round, actor.id)?.id === workshopId) return;
  refuse('auth.forbidden', 'Only the people in this workshop room can change its results.');
}

/** A board whose text grew past LIMITS.resultBoardTextMax is refused (the patch goes to everyone). */
function requireRoom(board: ResultsBoard): ResultsBoard {
  const chars = board.items.reduce((n, i) => n + i.text.length, 0);
  if (chars > LIMITS.resultBoardTextMax) {
    refuse('results.too_many', `A board holds at most ${LIMITS.resultBoardTextMax} characters.`, { max: LIMITS.resultBoardTextMax });
  }
  return board;
}

const emptyBoard = (roundId: string, workshopId: string, now: number): ResultsBoard => ({ roundId, workshopId, items: [], updatedAt: now });

function requireItem(board: ResultsBoard | null, itemId: string): { board: ResultsBoard; item: ResultItem } {
  const item = board?.items.find((i) => i.id === itemId);
  if (!board || !item) return refuse('results.not_found', 'This result no longer exists.');
  return { board, item };
}

const replaceItem = (board: ResultsBoard, item: ResultItem, now: number): ResultsBoard => ({
  ...board,
  items: board.items.map((i) => (i.id === item.id ? item : i)),
  updatedAt: now,
});

export function addItem(
  current: ResultsBoard | null,
  key: { roundId: string; workshopId: string },
  entry: { section: ResultSection; text: string; by: string; itemId: string },
  ctx: DomainContext,
): ResultsBoard {
  const board = current ?? emptyBoard(key.roundId, key.workshopId, ctx.now);
  if (board.items.length >= LIMITS.resultItemsMax) {
    refuse('results.too_many', `A board holds at most ${LIMITS.resultItemsMax} items.`);
  }
  const item: ResultItem = { id: entry.itemId, section: entry.section, text: entry.text, by: entry.by, at: ctx.now, version: 1, pinned: false };
  return requireRoom({ ...board, items: [...board.items, item], updatedAt: ctx.now });
}

export function editItem(
  current: ResultsBoard | null,
  itemId: string,
  edit: { text: string; baseVersion: number },
  now: number,
): ResultsBoard | Unchanged {
  const { board, item } = requireItem(current, itemId);
  if (item.version !== edit.baseVersion) {
    refuse('results.conflict', 'Someone changed this item meanwhile; your text is kept so you can compare.', {
      version: item.version,
      text: item.text,
    });
  }
  if (item.text === edit.text) return UNCHANGED;
  return requireRoom(replaceItem(board, { ...item, text: edit.text, version: item.version + 1 }, now));
}

export function removeItem(current: ResultsBoard | null, itemId: string, now: number): ResultsBoard | Unchanged {
  if (!current?.items.some((i) => i.id === itemId)) return UNCHANGED; // removing twice is harmless
  return { ...current, items: current.items.filter((i) => i.id !== itemId), updatedAt: now };
}

export function pinItem(current: ResultsBoard | null, itemId: string, pinned: boolean, now: number): ResultsBoard | Unchanged {
  const { board, item } = requireItem(current, itemId);
  if (item.pinned === pinned) return UNCHANGED;
  // The version counts text edits only: a pin must not turn someone's edit into a conflict.
  return replaceItem(board, { ...item, pinned }, now);
}
