import { describe, expect, it } from 'vitest';
import { flush } from '../../test-support/fake-clock.js';
import { SlidePreloader } from './slide-preloader.js';

function loader() {
  const calls: string[] = [];
  const pending = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  const load = (url: string) =>
    new Promise<unknown>((resolve, reject) => {
      calls.push(url);
      pending.set(url, { resolve: () => resolve(url), reject });
    });
  return { calls, pending, load };
}

describe('SlidePreloader', () => {
  it('loads each wanted slide once and knows when it is ready', async () => {
    const l = loader();
    const p = new SlidePreloader(l.load, () => undefined);
    p.want(['/a', '/b']);
    p.want(['/a', '/b', '/c']);
    expect(l.calls).toEqual(['/a', '/b', '/c']);
    expect(p.isReady('/a')).toBe(false);
    l.pending.get('/a')!.resolve();
    await flush();
    expect(p.isReady('/a')).toBe(true);
  });

  it('a failed slide is reported and tried again the next time it is wanted', async () => {
    const l = loader();
    const errors: string[] = [];
    const p = new SlidePreloader(l.load, (url) => errors.push(url));
    p.want(['/a']);
    l.pending.get('/a')!.reject(new Error('404'));
    await flush();
    expect(errors).toEqual(['/a']);
    p.want(['/a']);
    expect(l.calls).toEqual(['/a', '/a']);
  });

  it('keeps the wanted slides and the last few others, forgets older ones', () => {
    const l = loader();
    const p = new SlidePreloader(l.load, () => undefined);
    for (let i = 0; i < 20; i++) p.want([`/s${i}`, `/s${i + 1}`, `/s${i + 2}`]);
    // 3 wanted + 4 kept from before.
    expect(p.size).toBe(7);
    p.want(['/s5']);
    expect(l.calls.filter((u) => u === '/s5')).toHaveLength(2);
  });
});
