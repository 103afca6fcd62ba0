import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@mashup/shared';

export interface SocketData {
  eventId: string;
  participantId: string;
  /** The room this socket joined in Socket.IO, to leave it when the participant moves. */
  roomId: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type InterServerEvents = {};
export type MashupServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type MashupSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
