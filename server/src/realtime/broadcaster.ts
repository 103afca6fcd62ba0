/**
 * Outbound pushes, in one place. With the Redis adapter every emit here reaches
 * sockets on all server processes.
 */
import type { ChatMessage, MediaPeersPush, Patch, ReactionKind, SessionEndReason, SfuProducerPush, SignalFromPeer } from '@mashup/shared';
import { publicRound } from '../domain/breakouts/round.js';
import type { Audience } from './room-routing.js';
import { socketRooms } from './rooms.js';
import type { MashupServer } from './types.js';

export interface Broadcaster {
  /**
   * `first`: participants to reach before everyone else (whose room this change moves);
   * the patch is the same for all, only the order of delivery differs.
   */
  patch(eventId: string, seq: number, patch: Patch, first?: readonly string[]): void;
  chat(eventId: string, message: ChatMessage, audience: Audience): void;
  reactions(eventId: string, counts: Partial<Record<ReactionKind, number>>, audience: Audience): void;
  /** A sign of life from a workshop room for the hosts' overview (throttled by the caller). */
  activity(eventId: string, roomId: string, at: number): void;
  /** Tells every tab of a participant that its session ends, then disconnects them. */
  endSession(eventId: string, participantId: string, reason: SessionEndReason): void;
  /** Media: to the given tabs (peer ids are socket ids, on any process). */
  mediaPeers(peerIds: readonly string[], push: MediaPeersPush): void;
  mediaSignal(peerId: string, signal: SignalFromPeer): void;
  sfuProducer(peerIds: readonly string[], push: SfuProducerPush): void;
  /** Tells these participants (all their tabs) that their speed-dating contacts changed (rule S7). */
  speedDatingContacts(eventId: string, participantIds: readonly string[], speedDatingId: string): void;
}

/** `clustered`: other server processes share this store (Redis adapter), so some pushes must reach them too. */
export function socketBroadcaster(io: MashupServer, clustered: boolean): Broadcaster {
  /** One emit for a whole room, on every process: the participant rooms of its members, or the event minus the workshops. */
  const to = (eventId: string, audience: Audience) => {
    if (audience.kind === 'plenary') {
      const except = audience.except.map((p) => socketRooms.participant(eventId, p));
      return except.length ? io.to(socketRooms.event(eventId)).except(except) : io.to(socketRooms.event(eventId));
    }
    if (audience.participantIds.length === 0) return null;
    return io.to(audience.participantIds.map((p) => socketRooms.participant(eventId, p)));
  };
  return {
    patch(eventId, seq, rawPatch, first) {
      // The one door for patches: a round never leaves with its pending CSV rows.
      const patch: Patch = rawPatch.type === 'round' ? { ...rawPatch, round: publicRound(rawPatch.round) } : rawPatch;
      // Written to this process's sockets at once, and handed to the others in one relay
      // message. A cluster broadcast would first wait for its stream write (one Redis round
      // trip) and carry every room name (200 movers: ~16 KB). Patches need no connection-state
      // recovery: every (re)connection gets a snapshot and a gap in `seq` asks for one (rule O2).
      deliverLocalPatch(io, eventId, seq, patch, first ?? []);
      if (clustered) io.serverSideEmit('patch:relay', eventId, seq, patch, [...(first ?? [])]);
    },
    chat(eventId, message, audience) {
      to(eventId, audience)?.emit('chat:message', message);
    },
    reactions(eventId, counts, audience) {
      // Reactions are ephemeral: volatile, so a slow client drops them instead of queueing.
      to(eventId, audience)?.volatile.emit('reaction:burst', { counts });
    },
    activity(eventId, roomId, at) {
      io.to(socketRooms.event(eventId)).volatile.emit('room:activity', { roomId, at });
    },
    endSession(eventId, participantId, reason) {
      endLocalSessions(io, eventId, participantId, reason);
      if (clustered) io.serverSideEmit('session:end', eventId, participantId, reason);
    },
    mediaPeers(peerIds, push) {
      if (peerIds.length) io.to([...peerIds]).emit('media:peers', push);
    },
    mediaSignal(peerId, signal) {
      io.to(peerId).emit('media:signal', signal);
    },
    sfuProducer(peerIds, push) {
      if (peerIds.length) io.to([...peerIds]).emit('media:sfu:producer', push);
    },
    speedDatingContacts(eventId, participantIds, speedDatingId) {
      if (participantIds.length) io.to(participantIds.map((p) => socketRooms.participant(eventId, p))).emit('speeddating:contacts', { speedDatingId });
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

/**
 * Delivers a patch to the sockets of this process. `first`: participants whose
 * room the change moves; their sockets are written before everyone else's, so
 * their switch does not wait behind 800 writes to people who stay (bench:breakouts).
 */
export function deliverLocalPatch(io: MashupServer, eventId: string, seq: number, patch: Patch, first: readonly string[]) {
  const everyone = socketRooms.event(eventId);
  if (first.length === 0) {
    io.local.to(everyone).emit('state:patch', { seq, patch });
    return;
  }
  const movers = first.map((p) => socketRooms.participant(eventId, p));
  io.local.to(movers).emit('state:patch', { seq, patch });
  io.local.to(everyone).except(movers).emit('state:patch', { seq, patch });
}
