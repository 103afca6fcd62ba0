import { describe, expect, it } from 'vitest';
import { failure, toDetails } from './failure.js';

describe('error details from the wire', () => {
  it('results.conflict keeps the other version and its text, so the editor can show them (rule B6)', () => {
    const details = toDetails({ version: 2, text: 'Radwege fehlen überall' });
    expect(failure('results.conflict', 'changed', details)).toEqual({
      ok: false,
      error: { code: 'results.conflict', message: 'changed', details: { version: 2, text: 'Radwege fehlen überall' } },
    });
  });

  it('drops values that are neither strings nor numbers, and details that are not an object', () => {
    expect(toDetails({ capacity: 10, nested: { a: 1 }, bad: Number.NaN })).toEqual({ capacity: 10 });
    expect(toDetails(['x'])).toBeUndefined();
    expect(toDetails(null)).toBeUndefined();
    expect(failure('breakout.full', 'full', undefined)).toEqual({ ok: false, error: { code: 'breakout.full', message: 'full' } });
  });
});
