/**
 * Entry of the deck process (see deck-processor.ts): takes one job at a time
 * over IPC and answers `{id, result}` or, for a bug, `{id, error}`.
 */
import { runDeckJob, type DeckJob } from './deck-render.js';

export interface JobMessage {
  id: number;
  job: DeckJob;
}
export type ReplyMessage =
  | { id: number; result: Awaited<ReturnType<typeof runDeckJob>> }
  | { id: number; error: string }
  /** Sent once the renderer (and its native canvas binding) has loaded. */
  | { ready: true };

if (!process.send) throw new Error('deck-child must be started with an IPC channel (child_process.fork)');

process.on('message', (msg: JobMessage) => {
  const reply = (m: ReplyMessage) => process.send!(m);
  runDeckJob(msg.job).then(
    (result) => reply({ id: msg.id, result }),
    (err: unknown) => reply({ id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
// The server is gone (or closed the channel when idle): nothing left to do.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true } satisfies ReplyMessage);
