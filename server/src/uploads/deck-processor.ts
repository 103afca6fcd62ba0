/**
 * Runs deck jobs (deck-render.ts) in one separate Node process, one job at a
 * time, the others queued.
 *
 * Why a process and not the event loop: a 20-page PDF takes ~1.5 s of CPU to
 * render (measured), and the event loop carries the realtime traffic that
 * keeps slides in lockstep. Why a process and not a worker thread: the native
 * image code can crash on hostile input (@napi-rs/canvas 0.1.x segfaulted on a
 * truncated JPEG, measured; 1.x no longer does), and a crash in a worker
 * thread takes the whole server down, while a child process just dies and is
 * replaced; a job stuck in native code can also be killed, which
 * `worker.terminate()` cannot do. The process starts on the first job and
 * exits after a quiet minute, so an idle server does not keep pdf.js in memory.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import { DomainError } from '../domain/errors.js';
import type { JobMessage, ReplyMessage } from './deck-child.js';
import type { DeckJob, DeckJobResult } from './deck-render.js';

export interface DeckProcessorOptions {
  clock: Clock;
  log: FastifyBaseLogger;
  /** A job running longer is killed and refused as corrupt (a PDF built to loop, or a machine far too slow). */
  timeoutMs?: number | undefined;
  /** Jobs waiting beyond this many are refused with server.unavailable. */
  maxQueue?: number;
  /** The process exits after this long without work. */
  idleMs?: number;
}

interface Pending {
  id: number;
  job: DeckJob;
  resolve(result: DeckJobResult): void;
  reject(err: Error): void;
}

/**
 * From sources (vitest, tsx) the child is the `.ts` file and needs tsx's loader;
 * from dist it is plain JavaScript next to this file.
 */
function childEntry(): { path: string; execArgv: string[] } {
  const fromSources = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(new URL(fromSources ? './deck-child.ts' : './deck-child.js', import.meta.url));
  // A heap cap: pdf.js keeps the whole PDF (≤ 50 MB) and its objects in the heap; 1 GB leaves room and protects the host.
  const execArgv = ['--max-old-space-size=1024', ...(fromSources ? ['--import', 'tsx'] : [])];
  return { path, execArgv };
}

export class DeckProcessor {
  private readonly timeoutMs: number;
  private readonly maxQueue: number;
  private readonly idleMs: number;
  private readonly queue: Pending[] = [];
  private current: { pending: Pending; child: ChildProcess; cancelTimeout: () => void; timedOut: boolean } | null = null;
  private child: ChildProcess | null = null;
  /** Processes that have loaded the renderer: a process that dies before that failed to start, not on a file. */
  private readonly ready = new WeakSet<ChildProcess>();
  private cancelIdle: () => void = () => {};
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: DeckProcessorOptions) {
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.maxQueue = opts.maxQueue ?? 20;
    this.idleMs = opts.idleMs ?? 60_000;
  }

  run(job: DeckJob): Promise<DeckJobResult> {
    if (this.closed) return Promise.reject(new DomainError('server.unavailable', 'The server is shutting down.'));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new DomainError('server.unavailable', 'Many decks are being processed; please try again in a minute.'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  /** Refuses what is queued, kills the process and waits for it to exit. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelIdle();
    const refusal = () => new DomainError('server.unavailable', 'The server is shutting down.');
    for (const p of this.queue.splice(0)) p.reject(refusal());
    if (this.current) {
      this.current.cancelTimeout();
      this.current.pending.reject(refusal());
      this.current = null;
    }
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const pending = this.queue.shift();
    if (!pending) {
      this.cancelIdle();
      this.cancelIdle = this.opts.clock.setTimeout(() => this.stopIdle(), this.idleMs);
      return;
    }
    this.cancelIdle();
    const child = this.ensureChild();
    const cancelTimeout = this.opts.clock.setTimeout(() => {
      if (this.current?.pending !== pending) return;
      this.current.timedOut = true;
      child.kill('SIGKILL'); // the exit handler answers the job
    }, this.timeoutMs);
    this.current = { pending, child, cancelTimeout, timedOut: false };
    child.send({ id: pending.id, job: pending.job } satisfies JobMessage);
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    const { path, execArgv } = childEntry();
    const child = fork(path, [], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'json' });
    const relay = (stream: NodeJS.ReadableStream | null) =>
      stream?.on('data', (d: Buffer) => this.opts.log.warn({ deckProcess: d.toString().trim() }, 'deck process output'));
    relay(child.stdout);
    relay(child.stderr);
    child.on('message', (msg: ReplyMessage) => ('ready' in msg ? this.ready.add(child) : this.onReply(msg)));
    child.on('error', (err) => this.opts.log.error({ err }, 'deck process error'));
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    this.child = child;
    return child;
  }

  private onReply(msg: Exclude<ReplyMessage, { ready: true }>): void {
    const cur = this.current;
    if (!cur || cur.pending.id !== msg.id) return;
    cur.cancelTimeout();
    this.current = null;
    if ('result' in msg) cur.pending.resolve(msg.result);
    else cur.pending.reject(new Error(`deck job failed: ${msg.error}`));
    this.pump();
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child === child) this.child = null;
    const cur = this.current;
    // An idle process that was let go may exit while a new one runs the next job.
    if (!cur || cur.child !== child) return;
    cur.cancelTimeout();
    this.current = null;
    if (cur.timedOut) {
      cur.pending.resolve({
        ok: false,
        code: 'upload.corrupt',
        message: `Processing the deck took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped.`,
      });
    } else if (!this.ready.has(child)) {
      // E.g. no prebuilt @napi-rs/canvas binary for this platform: a server fault, not the file's.
      cur.pending.reject(new Error(`deck process failed to start (exit code ${code}, signal ${signal})`));
    } else {
      // The renderer died on this file (a native crash, out of memory): refuse the file, keep serving.
      this.opts.log.warn({ code, signal, kind: cur.pending.job.kind }, 'deck process died during a job');
      cur.pending.resolve({ ok: false, code: 'upload.corrupt', message: 'The file could not be processed.' });
    }
    this.pump();
  }

  private stopIdle(): void {
    const child = this.child;
    if (!child || this.current || this.queue.length > 0) return;
    this.child = null;
    child.disconnect(); // the child exits on 'disconnect'
  }
}
