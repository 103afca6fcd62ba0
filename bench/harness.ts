/** What the benchmarks share: the server child process, HTTP calls, and N joined Mashup clients. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type Ack, type JoinReply, type Snapshot } from '@mashup/shared';

export interface BenchServers {
  mashup: string;
  bare: string;
  /** The server process's pid (for its CPU accounting, bench/cpu.ts). */
  pid: number;
  stop(): Promise<void>;
}

/** `store: 'redis'` runs Mashup on its own redis-server with the streams adapter (see servers.ts). */
export async function startBenchServers(opts: { store?: 'memory' | 'redis' } = {}): Promise<BenchServers> {
  const script = fileURLToPath(new URL('./servers.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_STORE: opts.store ?? 'memory' },
  });
  const urls = await new Promise<{ mashup: string; bare: string }>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{"mashup"'));
      if (line) resolve(JSON.parse(line) as { mashup: string; bare: string });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    ...urls,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Ack<T>;
  if (!json.ok) throw new Error(`${url}: ${json.error.code}`);
  return json.data;
}

export function createBenchEvent(mashupUrl: string) {
  return post<{ event: { code: string }; hostLink: string }>(`${mashupUrl}/api/events`, {
    title: 'Bench',
    startsAt: '2026-11-23T09:00:00+01:00',
    endsAt: '2026-11-23T17:00:00+01:00',
  });
}

export interface BenchClient {
  socket: Socket;
  snapshot: Snapshot;
  request<T>(name: string, payload: unknown): Promise<Ack<T>>;
}

/** Joins and connects one Mashup client; resolves with its first snapshot. */
export async function mashupClient(url: string, code: string, name: string, hostKey?: string): Promise<BenchClient> {
  const joined = await post<JoinReply>(`${url}/api/events/${code}/join`, { name, org: 'Bench', ...(hostKey ? { hostKey } : {}) });
  const socket = connect(url, {
    auth: { token: joined.token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
  });
  const snapshot = await new Promise<Snapshot>((resolve, reject) => {
    socket.once('state:snapshot', resolve);
    socket.once('connect_error', reject);
  });
  return {
    socket,
    snapshot,
    request: <T>(name: string, payload: unknown) =>
      new Promise<Ack<T>>((resolve) => (socket.emit as (...a: unknown[]) => void)(name, payload, resolve)),
  };
}

export function bareClient(url: string): Promise<Socket> {
  const s = connect(url, { transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** Runs `make` for 0…n−1 in batches, so 1,000 joins do not open 1,000 sockets in one burst. */
export async function inBatches<T>(n: number, make: (i: number) => Promise<T>, batch = 50): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += batch) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(batch, n - i) }, (_, j) => make(i + j)))));
  }
  return out;
}
