/**
 * Audio and video (PROTOCOL section 11): which tab is in which room's media,
 * what it may send, and the signalling between tabs. On the mesh plane the
 * server carries only signalling; on the SFU plane the `media:sfu:*` requests
 * go to mediasoup (media/sfu). Either way the same rules decide who may send
 * (rule M2, shared/media-policy.ts) and how many may at once on the mesh (M4).
 */
import {
  PLENARY_ROOM,
  mediaRights,
  roomOf,
  pairMembers,
  tableOfRoom,
  workshopMembers,
  liveRound,
  type MediaPeer,
  type MediaRights,
  type MediaState,
} from '@mashup/shared';
import { UNCHANGED } from '../../domain/context.js';
import { refuse } from '../../domain/errors.js';
import type { ParticipantRecord } from '../../domain/records.js';
import type { SfuPlane } from '../../media/plane.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';
import { locate } from '../room-routing.js';
import type { MashupSocket } from '../types.js';

const sends = (s: MediaState) => s.audio || s.video || s.screen;

/** Only what the rights allow: a tab that may not send is joined with everything off. */
export function allowedState(state: MediaState, rights: MediaRights): MediaState {
  return {
    audio: state.audio && rights.mayPublish,
    video: state.video && rights.mayPublish,
    screen: state.screen && rights.mayShare,
    audioOnly: state.audioOnly,
  };
}

/**
 * Who hears about a peer (rule M3): peers who may publish hear about everyone
 * (they send to all of them); peers who only receive hear about those who may
 * publish. In a plenary of 250 a viewer's join reaches the few on stage, not 249.
 */
export function audienceOf(changed: MediaPeer, room: readonly MediaPeer[]): string[] {
  return room.filter((p) => p.peerId !== changed.peerId && (changed.mayPublish || p.mayPublish)).map((p) => p.peerId);
}

/** What one tab sees of a room: everyone if it may publish, else those who may. */
export function visibleTo(self: MediaPeer, room: readonly MediaPeer[]): MediaPeer[] {
  return room.filter((p) => p.peerId !== self.peerId && (self.mayPublish || p.mayPublish));
}

export function mediaHandlers(deps: FeatureDeps) {
  const { store } = deps;
  const now = () => deps.clock.now();
  const roomKey = (eventId: string, roomId: string) => `${eventId}/${roomId}`;
  const sfu = (): SfuPlane => (deps.media.kind === 'sfu' ? deps.media : refuse('media.unavailable', 'No media server runs here.'));

  /** The state the rules read, in one round of parallel reads. */
  const context = async (eventId: string, roomId: string) => {
    const [rounds, lobbies, speedDatings, pechakucha, floor, peers] = await Promise.all([
      store.listItems(eventId, 'rounds'),
      store.listItems(eventId, 'lobbies'),
      store.listItems(eventId, 'speedDatings'),
      store.getDoc(eventId, 'pechakucha'),
      store.getDoc(eventId, 'floor'),
      store.mediaPeers(eventId, roomId),
    ]);
    return { rounds, lobbies, speedDatings, pechakucha, floor: floor ?? [], peers };
  };
  type Ctx = Awaited<ReturnType<typeof context>>;

  const rightsOf = (actor: Pick<ParticipantRecord, 'id' | 'role'>, roomId: string, c: Ctx, t: number) => {
    const live = roomId === PLENARY_ROOM ? null : liveRound(c.rounds, t);
    const table = tableOfRoom(c.lobbies, roomId);
    const pair = pairMembers(c.speedDatings, roomId, t);
    const roomSize = table ? table.seated.length : pair ? pair.length : live ? workshopMembers(live, roomId).length : 0;
    return mediaRights({ participantId: actor.id, role: actor.role }, roomId, { ...c, roomSize, now: t });
  };

  /** The tab's room must be the participant's room now (rule M1): the media follows the rooms. */
  const requireCurrentRoom = (actor: ParticipantRecord, roomId: string, c: Ctx, t: number) => {
    const current = roomOf(actor.id, c.rounds, t, c.lobbies, c.speedDatings);
    if (current !== roomId) refuse('media.wrong_room', 'You are in another room now.', { roomId: current });
  };

  const publishersBesides = (peers: readonly MediaPeer[], peerId: string) =>
    peers.filter((p) => p.peerId !== peerId && sends(p.state)).length;

  /**
   * Stores a peer's record and tells who needs to know. When the server changed the tab's
   * rights (floor, talk, role), the tab hears it too, with the peers it now sees or no longer sees.
   */
  const publish = async (eventId: string, peer: MediaPeer, before: MediaPeer | null, roomPeers: readonly MediaPeer[]) => {
    await store.putMediaPeer(eventId, peer);
    const others = roomPeers.filter((p) => p.peerId !== peer.peerId);
    const room = [...others, peer];
    // Whoever saw the tab before or sees it now: a viewer must hear that a publisher stopped being one.
    const audience = new Set([...audienceOf(peer, room), ...(before ? audienceOf(before, room) : [])]);
    deps.broadcast.mediaPeers([...audience], { roomId: peer.roomId, upsert: [peer], remove: [] });
    if (before && (before.mayPublish !== peer.mayPublish || before.mayShare !== peer.mayShare)) {
      const seesNow = new Set(visibleTo(peer, others).map((p) => p.peerId));
      const gone = visibleTo(before, others).filter((p) => !seesNow.has(p.peerId)).map((p) => p.peerId);
      deps.broadcast.mediaPeers([peer.peerId], { roomId: peer.roomId, upsert: [peer, ...visibleTo(peer, others)], remove: gone });
    }
  };

  /** Takes a tab out of its room's media (leave, room change, disconnect, a dead process). */
  const removePeer = async (eventId: string, peerId: string): Promise<void> => {
    const gone = await store.removeMediaPeer(eventId, peerId);
    if (!gone) return;
    if (deps.media.kind === 'sfu') await deps.media.leave(peerId);
    const room = await store.mediaPeers(eventId, gone.roomId);
    deps.broadcast.mediaPeers(audienceOf(gone, room), { roomId: gone.roomId, upsert: [], remove: [peerId] });
  };

  const join: Handler<'media:join'> = async ({ socket, eventId, actor }, { roomId, state }) => {
    const t = now();
    const c = await context(eventId, roomId);
    requireCurrentRoom(actor, roomId, c, t);
    const rights = rightsOf(actor, roomId, c, t);
    let wanted = allowedState(state, rights);
    // Over the mesh limit the tab joins receiving only; turning on later says why (media:state → media.limit).
    if (deps.media.kind === 'mesh' && sends(wanted) && publishersBesides(c.peers, socket.id) >= deps.mediaConfig.meshMaxPublishers) {
      wanted = { ...wanted, audio: false, video: false, screen: false };
    }
    // Changing rooms: out of the old room's media first (its peers drop this tab).
    if (socket.data.mediaRoom !== undefined && socket.data.mediaRoom !== roomId) await removePeer(eventId, socket.id);
    const before = c.peers.find((p) => p.peerId === socket.id) ?? null;
    const self: MediaPeer = {
      peerId: socket.id,
      participantId: actor.id,
      roomId,
      ...rights,
      state: wanted,
      joinedAt: before?.joinedAt ?? t,
    };
    socket.data.mediaRoom = roomId;
    await publish(eventId, self, before, c.peers);
    const others = c.peers.filter((p) => p.peerId !== socket.id);
    const base = {
      self,
      peers: visibleTo(self, others),
      iceServers: deps.mediaConfig.iceServers,
      maxPublishers: deps.mediaConfig.meshMaxPublishers,
    };
    if (deps.media.kind === 'mesh') return { plane: 'mesh' as const, ...base };
    const key = roomKey(eventId, roomId);
    const { routerRtpCapabilities } = await deps.media.join({ roomKey: key, peerId: socket.id });
    return { plane: 'sfu' as const, ...base, routerRtpCapabilities, producers: deps.media.producers(key).filter((p) => p.peerId !== socket.id) };
  };

  const leave: Handler<'media:leave'> = async ({ socket, eventId }) => {
    socket.data.mediaRoom = undefined;
    await removePeer(eventId, socket.id);
    return {};
  };

  /** The tab's own record, or media.not_joined. */
  const joined = async (socket: MashupSocket, eventId: string): Promise<MediaPeer> =>
    (await store.mediaPeer(eventId, socket.id)) ?? refuse('media.not_joined', 'Join the room’s audio and video first.');

  const setState: Handler<'media:state'> = async ({ socket, eventId, actor }, { state }) => {
    const me = await joined(socket, eventId);
    const t = now();
    const c = await context(eventId, me.roomId);
    requireCurrentRoom(actor, me.roomId, c, t);
    // Rights are looked at again on every change: a talk ended, the floor was taken back (rule M2).
    const rights = rightsOf(actor, me.roomId, c, t);
    const allowed = allowedState(state, rights);
    if (allowed.audio !== state.audio || allowed.video !== state.video || allowed.screen !== state.screen) {
      refuse('media.not_allowed', 'You may not send this in this room.');
    }
    // Rule M4 (mesh): a tab that starts sending must find a free place; one that already sends keeps it.
    if (deps.media.kind === 'mesh' && sends(state) && !sends(me.state)) {
      const max = deps.mediaConfig.meshMaxPublishers;
      if (publishersBesides(c.peers, me.peerId) >= max) refuse('media.limit', `At most ${max} may send at once here.`, { max });
    }
    await publish(eventId, { ...me, ...rights, state }, me, c.peers);
    return {};
  };

  const signal: Handler<'media:signal'> = async ({ socket, eventId }, payload) => {
    const { to, ...body } = payload;
    const [me, target] = await Promise.all([joined(socket, eventId), store.mediaPeer(eventId, to)]);
    // Only within one room, and only between tabs with something to send (rule M3).
    const peer = target && target.roomId === me.roomId ? target : refuse('media.peer_not_found', 'This peer is not in your room.');
    if (!me.mayPublish && !peer.mayPublish) refuse('media.not_allowed', 'Neither of you sends here.');
    deps.broadcast.mediaSignal(to, { from: me.peerId, roomId: me.roomId, ...body });
    return {};
  };

  const floor: Handler<'media:floor'> = async ({ eventId }, { participantId, floor: on }) => {
    const found = await store.getParticipant(eventId, participantId);
    const person = found && !found.removed ? found : refuse('participant.not_found', 'This participant is not part of the event.');
    const change = await store.updateDoc(eventId, 'floor', (cur) => {
      const list = cur ?? [];
      if (list.includes(participantId) === on) return UNCHANGED;
      return on ? [...list, participantId] : list.filter((p) => p !== participantId);
    });
    if (change.seq !== null) deps.broadcast.patch(eventId, change.seq, { type: 'floor', floor: change.value ?? [] });
    // The person's tabs in their room now get their new rights at once; without the floor they stop
    // sending. That room is a stage (the plenary, or a lobby's floor) whenever the floor matters.
    const t = now();
    const { roomId } = await locate(store, eventId, participantId, t);
    const c = await context(eventId, roomId);
    for (const peer of c.peers.filter((p) => p.participantId === participantId)) {
      const rights = rightsOf(person, roomId, c, t);
      await publish(eventId, { ...peer, ...rights, state: allowedState(peer.state, rights) }, peer, c.peers);
    }
    return {};
  };

  /**
   * SFU requests: the tab must have joined; produce checks the rights of its record.
   * Every id a request names is looked up among the tab's own objects (SfuRegistry):
   * another tab's id is answered like an unknown one, `media.not_found`.
   */
  const sfuPeer = async (socket: MashupSocket, eventId: string) => {
    const plane = sfu();
    return { plane, me: await joined(socket, eventId) };
  };

  const sfuHandlers = {
    'media:sfu:transport': (async ({ socket, eventId }, { direction }) => {
      const { plane, me } = await sfuPeer(socket, eventId);
      return plane.createTransport(me.peerId, direction);
    }) as Handler<'media:sfu:transport'>,
    'media:sfu:connect': (async ({ socket, eventId }, { transportId, dtlsParameters }) => {
      const { plane, me } = await sfuPeer(socket, eventId);
      await plane.connectTransport(me.peerId, transportId, dtlsParameters);
      return {};
    }) as Handler<'media:sfu:connect'>,
    'media:sfu:produce': (async ({ socket, eventId }, { transportId, kind, rtpParameters, source }) => {
      const { plane, me } = await sfuPeer(socket, eventId);
      if (source === 'screen' ? !me.mayShare : !me.mayPublish) refuse('media.not_allowed', 'You may not send this in this room.');
      return plane.produce(me.peerId, transportId, kind, rtpParameters, source);
    }) as Handler<'media:sfu:produce'>,
    'media:sfu:closeProducer': (async ({ socket, eventId }, { producerId }) => {
      const { plane, me } = await sfuPeer(socket, eventId);
      await plane.closeProducer(me.peerId, producerId);
      return {};
    }) as Handler<'media:sfu:closeProducer'>,
    'media:sfu:consume': (async ({ socket, eventId }, { producerId, rtpCapabilities }) => {
      const { plane, me } = await sfuPeer(socket, eventId);
      return plane.consume(me.peerId, producerId, rtpCapabilities);
    }) as Handler<'media:sfu:consume'>,
    'media:sfu:resume': (async ({ socket, eventId }, { consumerId }) => {
      const { plane, me } = await sfuPeer(socket, eventId);
      await plane.resume(me.peerId, consumerId);
      return {};
    }) as Handler<'media:sfu:resume'>,
    // Audio-only mode (rule M6): the tab pauses its video consumers so the server stops sending them.
    'media:sfu:pause': (async ({ socket, eventId }, { consumerId }) => {
      const { plane, me } = await sfuPeer(socket, eventId);
      await plane.pause(me.peerId, consumerId);
      return {};
    }) as Handler<'media:sfu:pause'>,
    'media:sfu:layers': (async ({ socket, eventId }, { consumerId, spatialLayer }) => {
      const { plane, me } = await sfuPeer(socket, eventId);
      await plane.setLayers(me.peerId, consumerId, spatialLayer);
      return {};
    }) as Handler<'media:sfu:layers'>,
    // The tab's transport lost its connection (rule M7): new ICE credentials, DTLS and RTP stay.
    'media:sfu:restartIce': (async ({ socket, eventId }, { transportId }) => {
      const { plane, me } = await sfuPeer(socket, eventId);
      return plane.restartIce(me.peerId, transportId);
    }) as Handler<'media:sfu:restartIce'>,
  };

  /** SFU producers opening or closing: the peers of that room hear about it. */
  if (deps.media.kind === 'sfu') {
    // A worker died with these tabs' media: they are out of the room, and each hears it of
    // itself (`remove` names the tab), which makes the client join again.
    deps.media.onPeersLost((key, peerIds) => {
      const eventId = key.slice(0, key.indexOf('/'));
      const roomId = key.slice(key.indexOf('/') + 1);
      Promise.all(
        peerIds.map(async (peerId) => {
          await removePeer(eventId, peerId);
          deps.broadcast.mediaPeers([peerId], { roomId, upsert: [], remove: [peerId] });
        }),
      ).catch((err: unknown) => deps.log.error({ err, roomKey: key }, 'taking lost SFU peers out failed'));
    });
    deps.media.onProducer((key, push) => {
      const slash = key.indexOf('/');
      const [eventId, roomId] = [key.slice(0, slash), key.slice(slash + 1)];
      store
        .mediaPeers(eventId, roomId)
        .then((peers) => deps.broadcast.sfuProducer(peers.filter((p) => p.peerId !== push.peerId).map((p) => p.peerId), push))
        .catch((err: unknown) => deps.log.error({ err, roomKey: key }, 'announcing an SFU producer failed'));
    });
  }

  return {
    handlers: {
      'media:join': join,
      'media:leave': leave,
      'media:state': setState,
      'media:signal': signal,
      'media:floor': floor,
      ...sfuHandlers,
    },
    /** For the gateway: a tab that disconnected (or whose process died) leaves its room's media. */
    removePeer,
  };
}
