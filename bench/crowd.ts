/**
 * bench:breakouts' crowd: the clients who stay in the plenary, in a child
 * process of their own (stopped while a measurement runs, see breakouts.ts) and as thin as a
 * client can be.
 *
 * In a real event each person is a browser on a machine of its own: the 800
 * who stay put decode the open's patch somewhere else, at no cost to the 200
 * who move. On one 2-core bench machine, 800 full socket.io-client instances
 * decoding that patch would steal the CPU the measured 200 need, and the
 * benchmark would measure the load generator. So the crowd speaks the
 * Engine.IO/Socket.IO wire protocol directly over `ws` (join over HTTP,
 * CONNECT with the session token, answer pings) and only looks at the first
 * bytes of each frame. The server does all of its real work for them:
 * authentication, presence, and writing every patch to every socket.
 *
 * Started with one argument, JSON {url, code, count}. IPC messages: in {type:'barrier', id, seq, casts} → out {type:'barrier', id}
 * once every crowd client has seen the event's patch `seq` and that many bench
 * casts; in {type:'stop'} → closes and exits. Out {type:'ready'} once all
 * clients are connected and have their snapshot.
 */
import WebSocket from 'ws';
import { PROTOCOL_VERSION, type JoinReply } from '@mashup/shared';
import { inBatches, post } from './harness.js';

const { url, code, count } = JSON.parse(process.argv[2]!) as { url: string; code: string; count: number };

interface Thin {
  ws: WebSocket;
  seq: number;
  casts: number;
}

let barriers: Array<{ id: number; seq: number; casts: number }> = [];
const crowd: Thin[] = [];

function check() {
  barriers = barriers.filter((b) => {
    const met = crowd.every((c) => c.seq >= b.seq && c.casts >= b.casts);
    if (met) process.send!({ type: 'barrier', id: b.id });
    return !met;
  });
}

// Socket.IO frames over Engine.IO: "0{open}", "2" ping, "40{…}" connected, "42[event, data…]".
const SEQ = /^42\["state:(?:patch|snapshot)",\{"seq":(\d+)/;

function thinClient(i: number): Promise<Thin> {
  return post<JoinReply>(`${url}/api/events/${code}/join`, { name: `Plenum ${i}`, org: 'Bench' }).then(
    (joined) =>
      new Promise<Thin>((resolve, reject) => {
        const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
        const c: Thin = { ws, seq: -1, casts: 0 };
        ws.on('error', reject);
        ws.on('message', (data) => {
          const frame = data.toString();
          if (frame === '2') return ws.send('3');
          if (frame.startsWith('0{')) {
            ws.send(`40${JSON.stringify({ token: joined.token, protocolVersion: PROTOCOL_VERSION })}`);
            return;
          }
          if (frame.startsWith('44')) return reject(new Error(`connect refused: ${frame}`));
          const m = SEQ.exec(frame.slice(0, 64));
          if (m) {
            const first = c.seq < 0;
            c.seq = Math.max(c.seq, Number(m[1]));
            if (first) resolve(c);
          } else if (frame.startsWith('42["bench:roomcast"')) {
            c.casts++;
          } else return;
          check();
        });
      }),
  );
}

await inBatches(count, async (i) => {
  const c = await thinClient(i);
  crowd.push(c);
  return c;
});

process.on('message', (m: { type: 'barrier'; id: number; seq: number; casts: number } | { type: 'stop' }) => {
  if (m.type === 'stop') {
    for (const c of crowd) c.ws.close();
    process.disconnect();
    return;
  }
  barriers.push(m);
  check();
});
process.send!({ type: 'ready' });
