/**
 * The demo event's Pecha Kucha: prepared once, whatever the number of
 * processes starting at once or restarts. Two apps on one store and one
 * DATA_DIR stand in for two processes.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { MemoryStore } from '../store/memory.js';
import { fileTree } from '../uploads/test-support/files.js';
import { DEMO_CODE } from './demo.js';

const store = new MemoryStore();
const apps: FastifyInstance[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await store.close();
});

async function app(dataDir: string) {
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, DEMO_EVENT: 'true', SESSION_SECRET: 'x'.repeat(32) });
  const a = await buildApp({ config, store, logger: false });
  apps.push(a);
  await a.listen({ port: 0, host: '127.0.0.1' });
  return a;
}

describe('demo event: Pecha Kucha with sample decks', () => {
  it('two processes preparing it at once make one block of three talks with decks, and no stray files', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mashup-demo-'));
    const [a, b] = await Promise.all([app(dataDir), app(dataDir)]);
    const started = performance.now();
    await Promise.all([a!.ensureDemoEvent(), b!.ensureDemoEvent()]);
    // Measured on our 2-core machines: ~1.5 s for both (one render each, one wins).
    expect(performance.now() - started).toBeLessThan(15_000);

    const event = (await store.findEventByCode(DEMO_CODE))!;
    const block = (await store.loadState(event.id)).docs.pechakucha!;
    expect(block.title).toBe('Pecha Kucha: Smart-City-Projekte im Schnelldurchlauf');
    expect(block.format).toEqual({ slides: 20, slideMs: 20_000 });
    expect(block.breakMs).toBe(15_000);
    expect(block.talks.map((t) => [t.municipality, t.presenterName, t.presenterId])).toEqual([
      ['Solingen', 'Team Solingen', null],
      ['Wolfsburg', 'Team Wolfsburg', null],
      ['Haßfurt', 'Team Haßfurt', null],
    ]);
    const decks = block.talks.map((t) => t.deck!);
    expect(new Set(decks.map((d) => d.id)).size).toBe(3);
    for (const deck of decks) {
      expect(deck.slides).toHaveLength(20);
      expect(deck.slides[2]!.text).toBe('Folie 3 von 20. Beispiel-Foliensatz: Was Bürgerinnen und Bürger sich wünschen');
    }
    const res = await fetch(`${a!.baseUrl()}${decks[1]!.slides[0]!.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');

    // On disk: exactly the three referenced decks, 20 slides each; the loser's decks are gone.
    const onDisk = await fileTree(join(dataDir, 'events', event.id, 'decks'));
    expect(onDisk.filter((p) => /^[^/]+\/$/.test(p)).sort()).toEqual(decks.map((d) => `${d.id}/`).sort());
    expect(onDisk.filter((p) => p.endsWith('.webp'))).toHaveLength(60);
    expect(await fileTree(join(dataDir, 'staging'))).toEqual([]);

    // A restart (same store) leaves the block as it is.
    const c = await app(dataDir);
    await c.ensureDemoEvent();
    expect((await store.loadState(event.id)).docs.pechakucha).toEqual(block);
    expect(await fileTree(join(dataDir, 'events', event.id, 'decks'))).toEqual(onDisk);
  }, 30_000);
});
