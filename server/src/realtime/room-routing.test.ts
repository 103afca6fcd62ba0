import { describe, expect, it } from 'vitest';
import type { Round } from '@mashup/shared';
import type { EventStore } from '../store/types.js';
import { cachedLocator } from './room-routing.js';

/** A store that only lists rounds (and no lobbies), counting the reads of the rounds; `fail` makes the next one fail. */
function countingStore(rounds: Round[]) {
  const s = { reads: 0, fail: false };
  const store = {
    listItems: async (_eventId: string, kind: string) => {
      if (kind !== 'rounds') return [];
      s.reads++;
      if (s.fail) {
        s.fail = false;
        throw new Error('redis down');
      }
      return rounds;
    },
  } as unknown as EventStore;
  return { store, s };
}

describe('reactions locate people from rounds reused for a flush interval (rule B7)', () => {
  it('a wave within the interval reads the rounds once; after it, again', async () => {
    const { store, s } = countingStore([]);
    const locate = cachedLocator(store, 250);
    const at = await Promise.all(Array.from({ length: 100 }, (_, i) => locate('e1', `p${i}`, 1000 + i)));
    expect(at.every((l) => l.roomId === 'plenary')).toBe(true);
    expect(s.reads).toBe(1);
    await locate('e1', 'p1', 1250);
    expect(s.reads).toBe(2);
    await locate('e2', 'p1', 1250);
    expect(s.reads).toBe(3);
  });

  it('a failed read is not reused: the next reaction reads again', async () => {
    const { store, s } = countingStore([]);
    const locate = cachedLocator(store, 250);
    s.fail = true;
    await expect(locate('e1', 'p1', 1000)).rejects.toThrow('redis down');
    await expect(locate('e1', 'p1', 1001)).resolves.toMatchObject({ roomId: 'plenary' });
    expect(s.reads).toBe(2);
  });
});
