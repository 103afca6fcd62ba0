import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@mashup/shared';

export interface SocketData {
  eventId: string;
  participantId: string;
}

import type { SessionEndReason } from '@mashup/shared';

/** Messages between server processes (through the Redis adapter). */
export interface InterServerEvents {
  'session:end': (eventId: string, participantId: string, reason: SessionEndReason) => void;
}
export type MashupServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type MashupSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
