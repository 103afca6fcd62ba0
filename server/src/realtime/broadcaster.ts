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

export function socketBroadcaster(io: MashupServer): Broadcaster {
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
      const room = socketRooms.participant(eventId, participantId);
      io.to(room).emit('session:end', { reason });
      io.in(room).disconnectSockets(true);
    },
  };
}

/** Used where no sockets exist (seeding before the gateway starts). */
export const silentBroadcaster: Broadcaster = {
  patch() {},
  chat() {},
  reactions() {},
  endSession() {},
};
