/**
 * A real server process (`server/src/main.ts` through tsx), for tests that need
 * several processes on one Redis or a real SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** All log lines so far (JSON objects from pino). */
  logs: Array<Record<string, unknown>>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const mainTs = fileURLToPath(new URL('../main.ts', import.meta.url));

export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // Processes of one test share a store prefix and, as in production, one DATA_DIR; never the repository's `data/`.
  const dataDir = join(tmpdir(), `mashup-proc-${(env.REDIS_PREFIX ?? 'default').replace(/[^A-Za-z0-9_-]/g, '_')}`);
  const child = spawn(process.execPath, ['--import', 'tsx', mainTs], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DEMO_EVENT: 'false', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const rec = JSON.parse(line) as Record<string, unknown>;
        logs.push(rec);
        if (rec.msg === 'mashup listening') {
          resolve({
            url: String(rec.url),
            child,
            logs,
            stop: (signal = 'SIGTERM') => {
              if (child.exitCode === null) child.kill(signal);
              return exited;
            },
          });
        }
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening:\n${stderr}`)));
  });
}
