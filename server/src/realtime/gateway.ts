/**
 * The realtime gateway: authenticates sockets at the handshake, keeps presence,
 * sends the first snapshot and binds every feature handler through the funnel.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { HandshakeAuth, PROTOCOL_VERSION, type ErrorCode, type SessionEndReason } from '@mashup/shared';
import * as participants from '../domain/participants.js';
import { participantView } from '../domain/records.js';
import type { TokenSigner } from '../session/tokens.js';
import type { ConnectionRef } from '../store/types.js';
import { deliverLocalPatch, endLocalSessions } from './broadcaster.js';
import type { FeatureDeps } from './deps.js';
import { bindHandlers, type FunnelDeps, type HandlerTable } from './handler.js';
import { announcementHandlers } from './handlers/announcement.js';
import { chatHandlers } from './handlers/chat.js';
import { countdownHandlers } from './handlers/countdown.js';
import { handHandlers } from './handlers/hands.js';
import { participantHandlers } from './handlers/participants.js';
import { pechakuchaHandlers } from './handlers/pechakucha.js';
import { videoHandlers } from './handlers/video.js';
import { breakoutHandlers } from './handlers/breakouts.js';
import { resultsHandlers } from './handlers/results.js';
import { lobbyHandlers } from './handlers/lobbies.js';
import { speedDatingHandlers } from './handlers/speed-dating.js';
import { mediaHandlers } from './handlers/media.js';
import { sessionHandlers } from './handlers/session.js';
import type { RateLimits } from './rate-limits.js';
import { socketRooms } from './rooms.js';
import { buildSnapshot } from './snapshot.js';
import type { MashupServer, MashupSocket } from './types.js';

export interface GatewayDeps extends FeatureDeps {
  signer: TokenSigner;
  limits: RateLimits;
  log: FastifyBaseLogger;
  /** How often this process proves it is alive and looks for sockets of dead processes (rule P3). */
  presenceSweepMs: number;
}

/** A handshake refusal: socket.io-client sees `err.message === code` and `err.data`. */
function handshakeError(code: ErrorCode, message: string): Error & { data: unknown } {
  return Object.assign(new Error(code), { data: { code, message } });
}

export interface Gateway {
  /** Marks this process alive and starts the presence sweep; call before listening. */
  start(): Promise<void>;
  /** Stops taking sockets, tells connected ones to reconnect elsewhere, waits for them and their presence updates. */
  shutdown(graceMs: number): Promise<void>;
}

export function attachGateway(io: MashupServer, deps: GatewayDeps): Gateway {
  let closing = false;
  const processId = randomUUID();
  let stopSweep: () => void = () => {};
  // Presence writes still running; shutdown waits for them so no one stays "connected" forever.
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  const media = mediaHandlers(deps);
  const speedDating = speedDatingHandlers(deps);
  /** A speed-dating re-plan (rule S3) that nobody waits for, but shutdown does: it writes to the store. */
  const replan = (eventId: string) =>
    track(speedDating.onPresence(eventId).catch((err: unknown) => deps.log.error({ err, eventId }, 'speed-dating re-plan failed')));
  const handlers: HandlerTable = {
    ...sessionHandlers(deps),
    ...chatHandlers(deps),
    ...handHandlers(deps),
    ...announcementHandlers(deps),
    ...countdownHandlers(deps),
    ...participantHandlers(deps, replan),
    ...pechakuchaHandlers(deps),
    ...videoHandlers(deps),
    ...breakoutHandlers(deps, replan),
    ...resultsHandlers(deps),
    ...lobbyHandlers(deps),
    ...speedDating.handlers,
    ...media.handlers,
  };
  const funnel: FunnelDeps = {
    store: deps.store,
    limits: deps.limits,
    log: deps.log,
    onRemoved: (socket) => endLocalSocket(socket, 'removed'),
  };

  io.use(async (socket, next) => {
    if (closing) return next(handshakeError('server.unavailable', 'This server is shutting down; reconnecting.'));
    try {
      const auth = HandshakeAuth.safeParse(socket.handshake.auth);
      if (!auth.success) return next(handshakeError('auth.missing', 'A session token and protocol version are required.'));
      if (auth.data.protocolVersion !== PROTOCOL_VERSION) {
        return next(
          handshakeError('protocol.version_mismatch', `Server speaks protocol ${PROTOCOL_VERSION}; please reload.`),
        );
      }
      const claims = deps.signer.verify(auth.data.token);
      if (!claims) return next(handshakeError('auth.invalid', 'This session token is not valid.'));
      const p = await deps.store.getParticipant(claims.eventId, claims.participantId);
      if (!p) return next(handshakeError('auth.invalid', 'This session is unknown; join again.'));
      if (p.removed) return next(handshakeError('auth.removed', 'You were removed from this event by a host.'));
      socket.data = { eventId: claims.eventId, participantId: claims.participantId };
      next();
    } catch (err) {
      deps.log.error({ err }, 'socket handshake failed');
      next(handshakeError('server.internal', 'Something went wrong on the server.'));
    }
  });

  // Another process ended a participant's sessions: end the ones connected here.
  io.on('session:end', (eventId, participantId, reason) => endLocalSessions(io, eventId, participantId, reason));
  // Another process wrote a change: deliver its patch to the sockets connected here.
  io.on('patch:relay', (eventId, seq, patch, first) => deliverLocalPatch(io, eventId, seq, patch, first));

  /** A local emit is written before the disconnect (see endLocalSessions). */
  function endLocalSocket(socket: MashupSocket, reason: SessionEndReason) {
    io.local.to(socket.id).emit('session:end', { reason });
    socket.disconnect(true);
  }

  io.on('connection', (socket) => {
    bindHandlers(socket, handlers, funnel);
    const connected = onConnect(socket).catch((err: unknown) => {
      deps.log.error({ err }, 'socket connect failed');
      socket.disconnect(true);
    });
    track(connected);
    socket.on('disconnect', () => {
      // After the connect bookkeeping, never before: a socket that drops while it is
      // still being counted in would otherwise stay "connected" forever.
      track(
        connected
          .then(() => onDisconnect(socket))
          .catch((err: unknown) => deps.log.error({ err }, 'presence update on disconnect failed')),
      );
    });
  });

  async function onConnect(socket: MashupSocket) {
    const { eventId, participantId } = socket.data;
    // Join rooms before reading the snapshot: a patch that races with the read is then
    // delivered after it and either ignored (seq too old) or applied (rule O2).
    // Rooms within the event are not Socket.IO rooms: who is where follows from the rounds,
    // and room messages go to the participant rooms of its members (rule B1).
    socket.join([socketRooms.event(eventId), socketRooms.participant(eventId, participantId)]);
    // Recorded for this process first, so that if the process dies from here on, a
    // survivor finds the socket and counts it out again (rule P3).
    await deps.store.trackConnection(processId, connRef(socket));
    const change = await deps.store.updateParticipant(eventId, participantId, participants.connect);
    if (change.seq !== null && change.value) {
      deps.broadcast.patch(eventId, change.seq, { type: 'participant', participant: participantView(change.value) });
    }
    const event = await deps.store.getEvent(eventId);
    const self = change.value ?? (await deps.store.getParticipant(eventId, participantId));
    if (!event || !self || self.removed) return endLocalSocket(socket, 'removed');
    socket.emit('state:snapshot', await buildSnapshot(deps.store, event, self, deps.clock.now()));
    // A first tab: a late joiner is in the next speed-dating round (rule S3). Not awaited:
    // planning never delays or fails a connection; its patch follows the snapshot.
    if (change.seq !== null && change.value?.connections === 1) replan(eventId);
  }

  async function onDisconnect(socket: MashupSocket) {
    if (!socket.data.eventId) return;
    // A closed tab leaves its room's media, so the others drop its peer connection (rule M1).
    if (socket.data.mediaRoom !== undefined) await media.removePeer(socket.data.eventId, socket.id);
    await countOut(processId, connRef(socket));
  }

  /** Counts one socket out of presence, once: whoever removes its record does it. */
  async function countOut(owner: string, conn: ConnectionRef) {
    if (!(await deps.store.untrackConnection(owner, conn))) return;
    const change = await deps.store.updateParticipant(conn.eventId, conn.participantId, participants.disconnect);
    if (change.seq !== null && change.value) {
      deps.broadcast.patch(conn.eventId, change.seq, { type: 'participant', participant: participantView(change.value) });
      // The last tab: who left is not paired in rounds not yet begun (rule S3).
      if (change.value.connections === 0) replan(conn.eventId);
    }
  }

  /** Heartbeat, then count out the sockets of processes whose heartbeat expired (crashed, killed). */
  async function sweep() {
    await deps.store.heartbeat(processId, deps.presenceSweepMs * 3);
    for (const { processId: owner, conn } of await deps.store.orphanedConnections()) {
      // The tab of a dead process may still be listed in a room's media: take it out first.
      await media.removePeer(conn.eventId, conn.socketId);
      await countOut(owner, conn);
    }
  }

  function scheduleSweep() {
    stopSweep = deps.clock.setTimeout(() => {
      if (closing) return;
      track(
        sweep()
          .catch((err: unknown) => deps.log.error({ err }, 'presence sweep failed'))
          .finally(() => {
            if (!closing) scheduleSweep();
          }),
      );
    }, deps.presenceSweepMs);
  }

  return {
    async start() {
      await sweep();
      scheduleSweep();
    },
    async shutdown(graceMs) {
      closing = true;
      stopSweep();
      const sockets = [...io.of('/').sockets.values()];
      const gone = sockets.map((s) => new Promise<void>((resolve) => s.once('disconnect', () => resolve())));
      io.local.emit('session:end', { reason: 'shutdown' }); // local: written at once, before the close below
      for (const socket of sockets) {
        // Close the transport without a Socket.IO disconnect packet: the client sees
        // "transport close" and reconnects by itself (to another process behind the balancer).
        // close() without discard flushes the session:end above first.
        socket.conn.close();
      }
      let cancel: () => void = () => {};
      await Promise.race([Promise.all(gone), new Promise<void>((r) => (cancel = deps.clock.setTimeout(r, graceMs)))]);
      cancel();
      // Work may start more work (a disconnect's presence write starts a speed-dating re-plan):
      // wait until nothing is left, not only for what was running when shutdown began.
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

const connRef = (socket: MashupSocket): ConnectionRef => ({
  eventId: socket.data.eventId,
  participantId: socket.data.participantId,
  socketId: socket.id,
});
