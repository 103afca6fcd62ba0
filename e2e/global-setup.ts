/**
 * Starts the real, built server (node server/dist/main.js) on a free port with
 * the in-memory store, and hands its URL to the tests through MASHUP_URL.
 * Run `npm run build` first (the root `npm test` does).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default async function globalSetup() {
  const main = `${root}server/dist/main.js`;
  if (!existsSync(main) || !existsSync(`${root}client/dist/index.html`)) {
    throw new Error('Build first: npm run build (the e2e tests run the built server and client).');
  }
  const child = spawn(process.execPath, [main], {
    cwd: root,
    // Every spec creates its events from 127.0.0.1: lift the per-address creation budget.
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_EVENT: 'true',
      LOG_LEVEL: 'info',
      REDIS_URL: '',
      CREATE_RATE_PER_MINUTE: '1000',
      // Uploads of this run (demo decks, test decks) go to a temporary folder, not the repo's data/.
      DATA_DIR: mkdtempSync(join(tmpdir(), 'mashup-e2e-')),
      JOIN_RATE_PER_MINUTE: '10000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /"url":"([^"]+)","msg":"mashup listening"/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${buf}`)));
  });
  child.stdout!.resume();
  process.env.MASHUP_URL = url;
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
}
