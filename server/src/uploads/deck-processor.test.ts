/**
 * The deck process: jobs run in a separate Node process, one at a time, in
 * order; a job that hangs is killed and refused, and the next job gets a fresh
 * process. Real child processes (through tsx), fake time for the timers.
 */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../test-support/fake-clock.js';
import { DeckProcessor } from './deck-processor.js';
import type { DeckJob } from './deck-render.js';
import { pdfBytes, pngBytes } from './test-support/files.js';

const silent = { warn() {}, error() {}, info() {} } as never;
const processors: DeckProcessor[] = [];
afterEach(async () => {
  await Promise.all(processors.splice(0).map((p) => p.close()));
});

function processor(clock = new FakeClock(), opts: { maxQueue?: number } = {}) {
  const p = new DeckProcessor({ clock, log: silent, timeoutMs: 60_000, idleMs: 30_000, ...opts });
  processors.push(p);
  return p;
}

async function imagesJob(n: number, expectedSlides = n): Promise<DeckJob> {
  const dir = await mkdtemp(join(tmpdir(), 'mashup-deckjob-'));
  const files = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const path = join(dir, `in-${i}`);
      await writeFile(path, await pngBytes(64, 36, `hsl(${i * 40}, 50%, 50%)`));
      return { path, kind: 'png' as const, alt: `Bild ${i + 1}` };
    }),
  );
  return { kind: 'images', files, outDir: dir, expectedSlides, textMax: 2000 };
}

describe('DeckProcessor', () => {
  it('renders a PDF in the deck process: one WebP per page, text from the page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mashup-deckjob-'));
    await writeFile(join(dir, 'in.pdf'), await pdfBytes(3, (i) => `Seite   ${i + 1}\n mit  Text`));
    const result = await processor().run({ kind: 'pdf', file: join(dir, 'in.pdf'), outDir: dir, expectedSlides: 3, textMax: 9 });
    expect(result).toEqual({
      ok: true,
      slides: [1, 2, 3].map((n) => ({ file: `0${n}.webp`, width: 1920, height: 1080, text: `Seite ${n} m` })),
    });
    expect((await readdir(dir)).filter((f) => f.endsWith('.webp'))).toHaveLength(3);
  });

  it('runs queued jobs one after another, each with its own result', async () => {
    const p = processor();
    const jobs = await Promise.all([2, 3, 4].map((n) => imagesJob(n)));
    const results = await Promise.all(jobs.map((j) => p.run(j)));
    expect(results.map((r) => (r.ok ? r.slides.length : r.code))).toEqual([2, 3, 4]);
  });

  it('a wrong count is a refusal with details, not an error', async () => {
    expect(await processor().run(await imagesJob(2, 20))).toEqual({
      ok: false,
      code: 'upload.slide_count',
      message: 'The deck has 2 slides; the format needs 20.',
      details: { actual: 2, expected: 20 },
    });
  });

  it('a job over its time is killed and refused as upload.corrupt; the next job gets a fresh process', async () => {
    const clock = new FakeClock();
    const p = processor(clock);
    const slow = p.run(await imagesJob(3));
    clock.advance(60_000);
    expect(await slow).toMatchObject({ ok: false, code: 'upload.corrupt', message: expect.stringMatching(/longer than 60 s/) });
    expect(await p.run(await imagesJob(2))).toMatchObject({ ok: true });
  });

  it('refuses jobs beyond the queue with server.unavailable, and the running and queued jobs on close', async () => {
    const p = processor(new FakeClock(), { maxQueue: 1 });
    const job = await imagesJob(1);
    const first = p.run(job);
    const second = p.run(job);
    await expect(p.run(job)).rejects.toMatchObject({ code: 'server.unavailable' });
    const refused = Promise.all([first, second].map((j) => expect(j).rejects.toMatchObject({ code: 'server.unavailable' })));
    await p.close();
    await refused;
  });

  it('the process exits when idle and comes back for the next job', async () => {
    const clock = new FakeClock();
    const p = processor(clock);
    expect(await p.run(await imagesJob(1))).toMatchObject({ ok: true });
    clock.advance(30_000);
    expect(await p.run(await imagesJob(1))).toMatchObject({ ok: true });
  });
});
