/**
 * Bench-only controls on the Mashup server under test, in the namespace
 * `/bench`. Registered by bench/servers.ts only: buildApp never adds them, so
 * nothing here ships in a production path.
 *
 *   bench:reset     a round back to "not opened" (openedAt, endsAt, closingAt
 *                   cleared) with a `round` patch, so the next run opens the
 *                   same round with the same seats. The real rules refuse to
 *                   reopen a round, and a closed round takes 60 s to empty.
 *   bench:prepare   stores a payload and the participant rooms to send it to;
 *   bench:roomcast  emits it to those rooms: the "plain broadcast" baseline,
 *                   through the same Socket.IO server and (on Redis) the same
 *                   streams adapter as a patch, with no validation, store
 *                   write or rules.
 *   bench:eventcast the same payload to the whole event (every client), as
 *                   a patch goes: tells the fan-out's cost from the rules'.
 */
import type { Server } from 'socket.io';
import type { Round } from '@mashup/shared';
import { socketRooms } from '../server/src/realtime/rooms.js';
import type { MashupServer } from '../server/src/realtime/types.js';
import type { EventStore } from '../server/src/store/types.js';

type Ack = (reply: { ok: boolean; error?: string }) => void;

export function registerBenchControl(io: MashupServer, store: EventStore): void {
  // Untyped on purpose: these events are not part of the protocol.
  const raw = io as unknown as Server;
  let cast: { eventId: string; rooms: string[]; payload: unknown } | null = null;

  raw.of('/bench').on('connection', (socket) => {
    socket.on('bench:reset', async ({ eventId, roundId }: { eventId: string; roundId: string }, ack: Ack) => {
      try {
        const change = await store.updateItem(eventId, 'rounds', roundId, (cur): Round | null =>
          cur ? { ...cur, openedAt: null, endsAt: null, closingAt: null, help: [], visits: {} } : null,
        );
        if (change.seq !== null && change.value) {
          raw.to(socketRooms.event(eventId)).emit('state:patch', { seq: change.seq, patch: { type: 'round', round: change.value } });
        }
        ack({ ok: true });
      } catch (err) {
        ack({ ok: false, error: String(err) });
      }
    });
    socket.on('bench:prepare', ({ eventId, participantIds, payload }: { eventId: string; participantIds: string[]; payload: unknown }, ack: Ack) => {
      cast = { eventId, rooms: participantIds.map((p) => socketRooms.participant(eventId, p)), payload };
      ack({ ok: true });
    });
    socket.on('bench:roomcast', (_: unknown, ack: Ack) => {
      if (!cast) return ack({ ok: false, error: 'nothing prepared' });
      raw.to(cast.rooms).emit('bench:roomcast', cast.payload);
      ack({ ok: true });
    });
    socket.on('bench:eventcast', (_: unknown, ack: Ack) => {
      if (!cast) return ack({ ok: false, error: 'nothing prepared' });
      raw.to(socketRooms.event(cast.eventId)).emit('bench:roomcast', cast.payload);
      ack({ ok: true });
    });
  });
}
