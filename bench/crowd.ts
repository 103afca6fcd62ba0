/**
 * bench:breakouts' crowd: the clients who stay in the plenary, in their own
 * worker thread. They receive every event-wide patch like everyone else, but
 * their decoding does not run on the measuring thread's event loop — in a real
 * event each person is a browser of their own, and one load-generator thread
 * decoding 800 extra frames would otherwise be counted as the 200 movers'
 * latency.
 *
 * Messages: in {type:'barrier', id, seq, casts} → out {type:'barrier', id}
 * once every crowd client has seen the event's patch `seq` and that many bench
 * casts; in {type:'stop'} → disconnects and exits. Out {type:'ready'}
 * once all clients are connected.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inBatches, mashupClient } from './harness.js';

const { url, code, count } = workerData as { url: string; code: string; count: number };
const port = parentPort!;

let barriers: Array<{ id: number; seq: number; casts: number }> = [];
// Filled while the clients join: a patch may arrive before the last one has joined.
const counts: Array<{ client: Awaited<ReturnType<typeof mashupClient>>; seq: number; casts: number }> = [];
await inBatches(count, async (i) => {
  const client = await mashupClient(url, code, `Plenum ${i}`);
  const c = { client, seq: client.snapshot.seq, casts: 0 };
  counts.push(c);
  client.socket.on('state:patch', ({ seq }: { seq: number }) => {
    c.seq = Math.max(c.seq, seq);
    check();
  });
  client.socket.on('bench:roomcast', () => {
    c.casts++;
    check();
  });
  return c;
});

function check() {
  barriers = barriers.filter((b) => {
    const met = counts.every((c) => c.seq >= b.seq && c.casts >= b.casts);
    if (met) port.postMessage({ type: 'barrier', id: b.id });
    return !met;
  });
}

port.on('message', (m: { type: 'barrier'; id: number; seq: number; casts: number } | { type: 'stop' }) => {
  if (m.type === 'stop') {
    for (const c of counts) c.client.socket.disconnect();
    port.close();
    return;
  }
  barriers.push(m);
  check();
});
port.postMessage({ type: 'ready' });
