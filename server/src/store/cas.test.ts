/** casUpdate's hint rules, on a stored value kept in a variable (no store). */
import { describe, expect, it } from 'vitest';
import { UNCHANGED } from '../domain/context.js';
import { DomainError } from '../domain/errors.js';
import { casUpdate, type CasOps } from './cas.js';

function storedAs(initial: number) {
  let stored: string | null = JSON.stringify(initial);
  const log: string[] = [];
  const ops: CasOps = {
    read: async () => {
      log.push('read');
      return stored;
    },
    write: async (expected, next) => {
      log.push('write');
      if (expected !== stored) return null;
      stored = next;
      return 1;
    },
  };
  return { ops, log, value: () => (stored === null ? null : (JSON.parse(stored) as number)) };
}

const refuseBelow = (min: number) => (n: number | null) => {
  if (n === null || n < min) throw new DomainError('lobby.not_found', `below ${min}`);
  return n + 1;
};

describe('casUpdate with a hint', () => {
  it('a trusted hint (what the caller just read) decides: its refusal is final, nothing is read', async () => {
    const s = storedAs(10);
    await expect(casUpdate(s.ops, refuseBelow(5), { raw: '1', trusted: true })).rejects.toMatchObject({ code: 'lobby.not_found' });
    expect(s.log).toEqual([]);
  });

  it('an old hint refused is asked of the stored value, which decides', async () => {
    const s = storedAs(10);
    expect(await casUpdate(s.ops, refuseBelow(5), { raw: '1', trusted: false })).toEqual({ seq: 1, value: 11 });
    expect(s.log).toEqual(['read', 'write']);
  });

  it('"nothing to change" on an old hint is asked again too; on the stored value it is the answer', async () => {
    const s = storedAs(7);
    const make10 = (n: number | null) => (n === 10 ? UNCHANGED : 10);
    expect(await casUpdate(s.ops, make10, { raw: '10', trusted: false })).toEqual({ seq: 1, value: 10 });
    expect(s.log).toEqual(['read', 'write']);
    expect(await casUpdate(s.ops, make10, { raw: '10', trusted: false })).toEqual({ seq: null, value: 10 });
  });

  it('a stale hint fails the compare-and-set like a lost race, and the retry starts from a read', async () => {
    const s = storedAs(10);
    expect(await casUpdate<number>(s.ops, (n) => n! + 1, { raw: '3', trusted: false })).toEqual({ seq: 1, value: 11 });
    expect(s.log).toEqual(['write', 'read', 'write']);
    expect(s.value()).toBe(11);
  });
});
