import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@mashup/shared';

export interface SocketData {
  eventId: string;
  participantId: string;
  /** The room whose media this tab joined (media:join), so a disconnect can leave it. */
  mediaRoom?: string;
}

import type { Patch, SessionEndReason } from '@mashup/shared';

/** Messages between server processes (through the Redis adapter). */
export interface InterServerEvents {
  'session:end': (eventId: string, participantId: string, reason: SessionEndReason) => void;
  /** A patch written by another process, for this process to deliver to its own sockets. */
  'patch:relay': (eventId: string, seq: number, patch: Patch, first: string[]) => void;
}
export type MashupServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type MashupSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
