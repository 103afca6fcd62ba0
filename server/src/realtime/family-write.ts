/**
 * A write by a rule over a whole item family (at most one live round, at most
 * one open lobby: rules B2, L1): computed from a view of the family and written
 * only if the family is still at that view's version (ItemWrite.familyAt), so
 * the rule holds in the same atomic step as the write; otherwise the family is
 * read again and the write computed again. Two hosts opening two rounds at once
 * can then never both succeed, and nothing is ever opened and taken back.
 */
import { DomainError } from '../domain/errors.js';
import { FamilyChanged, type EventStore, type ItemFamily, type ItemKind, type Items } from '../store/types.js';

/** Other writes to the family between a read and a write are rare (seconds apart); 20 in a row means trouble. */
const MAX_ATTEMPTS = 20;

export async function writeByFamily<K extends ItemKind, R>(
  store: Pick<EventStore, 'itemsAt'>,
  eventId: string,
  kind: K,
  /** A view to start from: one just read (`fresh`), or the process's recent one (recentItems), which may be old. */
  first: { family: ItemFamily<Items[K]>; fresh: boolean } | null,
  write: (family: ItemFamily<Items[K]>) => Promise<R>,
): Promise<R> {
  let view = first;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const family = view?.family ?? (await store.itemsAt(eventId, kind));
    try {
      return await write(family);
    } catch (err) {
      // A refusal computed on an old view (another round still live in it) is asked of the store again.
      const staleRefusal = err instanceof DomainError && view !== null && !view.fresh;
      if (!(err instanceof FamilyChanged) && !staleRefusal) throw err;
      view = null;
    }
  }
  throw new DomainError('server.unavailable', 'Too many concurrent changes; please try again.');
}
