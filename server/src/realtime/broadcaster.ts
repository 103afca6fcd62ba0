/**
 * Outbound pushes, in one place. With the Redis adapter every emit here reaches
 * sockets on all server processes.
 */
import type { ChatMessage, Patch, ReactionKind, SessionEndReason } from '@mashup/shared';
import { socketRooms } from './rooms.js';
import type { MashupServer } from './types.js';

export interface Broadcaster {
  patch(eventId: string, seq: number, patch: Patch): void;
  chat(eventId: string, message: ChatMessage): void;
  reactions(eventId: string, roomId: string, counts: Partial<Record<ReactionKind, number>>): void;
  /** Tells every tab of a participant that its session ends, then disconnects them. */
  endSession(eventId: string, participantId: string, reason: SessionEndReason): void;
}

/** `clustered`: other server processes share this store (Redis adapter), so some pushes must reach them too. */
export function socketBroadcaster(io: MashupServer, clustered: boolean): Broadcaster {
  return {
    patch(eventId, seq, patch) {
      io.to(socketRooms.event(eventId)).emit('state:patch', { seq, patch });
    },
    chat(eventId, message) {
      io.to(socketRooms.room(eventId, message.roomId)).emit('chat:message', message);
    },
    reactions(eventId, roomId, counts) {
      // Reactions are ephemeral: volatile, so a slow client drops them instead of queueing.
      io.to(socketRooms.room(eventId, roomId)).volatile.emit('reaction:burst', { counts });
    },
    endSession(eventId, participantId, reason) {
      endLocalSessions(io, eventId, participantId, reason);
      if (clustered) io.serverSideEmit('session:end', eventId, participantId, reason);
    },
  };
}

/**
 * Ends the sessions of one participant on this process. Done per process (each
 * receives a server-side emit) because a cluster adapter delivers a broadcast
 * only after writing it to Redis, while disconnecting is immediate: the
 * `session:end` push would be lost. A local emit is written before the
 * disconnect, and the disconnect waits for it to drain.
 */
export function endLocalSessions(io: MashupServer, eventId: string, participantId: string, reason: SessionEndReason) {
  const room = socketRooms.participant(eventId, participantId);
  io.local.to(room).emit('session:end', { reason });
  io.local.in(room).disconnectSockets(true);
}
