/**
 * Every socket event, in one catalog. Client → server events are requests with
 * an ack (`Ack<Reply>`); server → client events are pushes. The server validates
 * each inbound payload against `schema` (rule V1) and checks `access` (rule A1);
 * the client uses `access` only to hide controls a role cannot use.
 */
import { z } from 'zod';
import type { Ack } from './errors.js';
import { LIMITS } from './limits.js';
import { PechaKuchaSetup } from './pechakucha.js';
import { ResultSection, RoundInput } from './breakouts.js';
import { LobbyInput } from './lobbies.js';
import { SpeedDatingContact, SpeedDatingInput, type SpeedDatingContacts } from './speed-dating.js';
import {
  MEDIA_LIMITS,
  MediaState,
  SfuConnectRequest,
  SfuConsumeRequest,
  SfuConsumerRequest,
  SfuLayersRequest,
  SfuProduceRequest,
  SfuProducerRequest,
  SfuRestartIceRequest,
  SfuTransportRequest,
  SignalBody,
  type MediaJoinReply,
  type MediaPeersPush,
  type SfuConsumerInfo,
  type SfuIceRestartInfo,
  type SfuProducerPush,
  type SfuTransportInfo,
  type SignalFromPeer,
} from './media.js';
import {
  ChatHistory,
  ChatMessage,
  ReactionKind,
  Role,
  Snapshot,
  SequencedPatch,
  type ReactionKind as ReactionKindT,
} from './model.js';

const empty = z.object({}).strict();
const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

export type Access = 'any' | 'host';

interface ClientEventDef<S extends z.ZodType, R> {
  schema: S;
  access: Access;
  /** Serialized payload limit when not LIMITS.payloadMaxBytes (media descriptions are larger). */
  maxBytes?: number;
  /** Phantom: the ack's data type. */
  reply?: R;
}
const def =
  <R>() =>
  <S extends z.ZodType>(schema: S, access: Access, maxBytes?: number): ClientEventDef<S, R> =>
    maxBytes === undefined ? { schema, access } : { schema, access, maxBytes };

export const ClockReply = z.object({ t0: z.number(), serverNow: z.number() });
export type ClockReply = z.infer<typeof ClockReply>;

export const clientEvents = {
  'clock:ping': def<ClockReply>()(z.object({ t0: z.number().finite() }).strict(), 'any'),
  'state:sync': def<Snapshot>()(empty, 'any'),
  'chat:send': def<{ message: ChatMessage }>()(z.object({ text: text(LIMITS.chatMax) }).strict(), 'any'),
  'chat:history': def<ChatHistory>()(empty, 'any'),
  'reaction:send': def<Record<string, never>>()(z.object({ kind: ReactionKind }).strict(), 'any'),
  'hand:raise': def<Record<string, never>>()(empty, 'any'),
  'hand:lower': def<Record<string, never>>()(empty, 'any'),
  'profile:update': def<Record<string, never>>()(
    z
      .object({ name: text(LIMITS.nameMax), org: z.string().trim().max(LIMITS.orgMax) })
      .strict(),
    'any',
  ),
  'hand:dismiss': def<Record<string, never>>()(z.object({ participantId: id }).strict(), 'host'),
  'hand:dismissAll': def<Record<string, never>>()(empty, 'host'),
  'announcement:post': def<Record<string, never>>()(
    z.object({ text: text(LIMITS.announcementMax) }).strict(),
    'host',
  ),
  'announcement:clear': def<Record<string, never>>()(empty, 'host'),
  'countdown:start': def<Record<string, never>>()(
    z
      .object({
        label: z.string().trim().max(LIMITS.countdownLabelMax),
        durationMs: z.number().int().min(1000).max(LIMITS.countdownMaxMs),
      })
      .strict(),
    'host',
  ),
  'countdown:pause': def<Record<string, never>>()(empty, 'host'),
  'countdown:resume': def<Record<string, never>>()(empty, 'host'),
  'countdown:extend': def<Record<string, never>>()(
    z
      .object({ deltaMs: z.number().int().min(-LIMITS.countdownMaxMs).max(LIMITS.countdownMaxMs) })
      .strict(),
    'host',
  ),
  'countdown:stop': def<Record<string, never>>()(empty, 'host'),
  'participant:remove': def<Record<string, never>>()(z.object({ participantId: id }).strict(), 'host'),
  'participant:setRole': def<Record<string, never>>()(
    z.object({ participantId: id, role: Role.extract(['host', 'participant']) }).strict(),
    'host',
  ),
  /** Creates or replaces the block (not while it runs). Talks keep their decks when their id is passed again. */
  'pechakucha:setup': def<Record<string, never>>()(PechaKuchaSetup, 'host'),
  'pechakucha:clear': def<Record<string, never>>()(empty, 'host'),
  'pechakucha:start': def<Record<string, never>>()(empty, 'host'),
  'pechakucha:pause': def<Record<string, never>>()(empty, 'host'),
  'pechakucha:resume': def<Record<string, never>>()(empty, 'host'),
  'pechakucha:previous': def<Record<string, never>>()(empty, 'host'),
  'pechakucha:skip': def<Record<string, never>>()(empty, 'host'),
  /** Hold the break after the current talk (the next talk waits), or release it. */
  'pechakucha:hold': def<Record<string, never>>()(z.object({ hold: z.boolean() }).strict(), 'host'),
  /** The new order of all talk ids; talks already given or running keep their place. */
  'pechakucha:reorder': def<Record<string, never>>()(
    z.object({ talkIds: z.array(id).min(1).max(LIMITS.talksMax) }).strict(),
    'host',
  ),
  'pechakucha:end': def<Record<string, never>>()(empty, 'host'),
  /** Text of one slide for screen readers: the talk's presenter or a host. */
  'pechakucha:slideText': def<Record<string, never>>()(
    z
      .object({
        talkId: id,
        index: z.number().int().min(0).max(LIMITS.slidesMax - 1),
        text: z.string().trim().max(LIMITS.slideTextMax),
      })
      .strict(),
    'any',
  ),
  'video:play': def<Record<string, never>>()(
    z.object({ videoId: id, positionMs: z.number().int().min(0).max(24 * 3_600_000).optional() }).strict(),
    'host',
  ),
  'video:pause': def<Record<string, never>>()(empty, 'host'),
  'video:seek': def<Record<string, never>>()(
    z.object({ positionMs: z.number().int().min(0).max(24 * 3_600_000) }).strict(),
    'host',
  ),
  'video:stop': def<Record<string, never>>()(empty, 'host'),
  'video:remove': def<Record<string, never>>()(z.object({ videoId: id }).strict(), 'host'),

  /** Creates a round (no roundId) or replaces a round's definition before it opens; workshops keep seats by id. */
  'breakout:save': def<{ roundId: string }>()(RoundInput, 'host'),
  'breakout:delete': def<Record<string, never>>()(z.object({ roundId: id }).strict(), 'host'),
  /** Participants see the round from now on; in choose mode they can choose. */
  'breakout:publish': def<Record<string, never>>()(z.object({ roundId: id }).strict(), 'host'),
  /**
   * Takes a seat, or a place on the waitlist when the workshop is full
   * (`waitlist: false` refuses with breakout.full instead). Choosing another
   * workshop gives up the previous seat in the same atomic step (rule B3).
   */
  'breakout:choose': def<{ seated: boolean; position: number }>()(
    z.object({ roundId: id, workshopId: id, waitlist: z.boolean().default(true) }).strict(),
    'any',
  ),
  'breakout:leave': def<Record<string, never>>()(z.object({ roundId: id }).strict(), 'any'),
  /** Computes a whole assignment: balanced, keep the groups of `fromRoundId`, or rotate for new encounters. */
  'breakout:assign': def<{ placed: number; unplaced: number }>()(
    z
      .object({
        roundId: id,
        strategy: z.enum(['balanced', 'keep', 'rotate']),
        fromRoundId: id.optional(),
      })
      .strict(),
    'host',
  ),
  /** Places one person in a workshop (null: back to unassigned), even while the round is live. */
  'breakout:move': def<Record<string, never>>()(
    z.object({ roundId: id, participantId: id, workshopId: id.nullable() }).strict(),
    'host',
  ),
  'breakout:open': def<Record<string, never>>()(z.object({ roundId: id }).strict(), 'host'),
  'breakout:extend': def<Record<string, never>>()(
    z.object({ roundId: id, deltaMs: z.number().int().min(-LIMITS.roundMaxMs).max(LIMITS.roundMaxMs) }).strict(),
    'host',
  ),
  /** Starts the 60-second warning; then everyone is back in the plenary. */
  'breakout:close': def<Record<string, never>>()(z.object({ roundId: id }).strict(), 'host'),
  /** A host drops into a workshop room (null: back to the plenary). */
  'breakout:visit': def<Record<string, never>>()(
    z.object({ roundId: id, workshopId: id.nullable() }).strict(),
    'host',
  ),
  /** "Hilfe rufen" from the room one is in. */
  'breakout:help': def<Record<string, never>>()(empty, 'any'),
  'breakout:helpDone': def<Record<string, never>>()(z.object({ roundId: id, workshopId: id }).strict(), 'host'),
  /** Title and description of one workshop: hosts and that room's moderator. */
  'breakout:editWorkshop': def<Record<string, never>>()(
    z
      .object({
        roundId: id,
        workshopId: id,
        title: text(LIMITS.titleMax),
        description: z.string().trim().max(LIMITS.workshopDescriptionMax),
      })
      .strict(),
    'any',
  ),

  /** Results boards: anyone in the room while the round is live; hosts and the moderator always. */
  'results:add': def<{ itemId: string }>()(
    z.object({ roundId: id, workshopId: id, section: ResultSection, text: text(LIMITS.resultTextMax) }).strict(),
    'any',
  ),
  /** Refused with results.conflict when the item changed since `baseVersion` (nothing is overwritten unseen). */
  'results:edit': def<Record<string, never>>()(
    z
      .object({
        roundId: id,
        workshopId: id,
        itemId: id,
        text: text(LIMITS.resultTextMax),
        baseVersion: z.number().int().min(0),
      })
      .strict(),
    'any',
  ),
  'results:remove': def<Record<string, never>>()(z.object({ roundId: id, workshopId: id, itemId: id }).strict(), 'any'),
  /** Hosts and the room's moderator. */
  'results:pin': def<Record<string, never>>()(
    z.object({ roundId: id, workshopId: id, itemId: id, pinned: z.boolean() }).strict(),
    'any',
  ),
  /** Shows one board to everyone on the results wall (null: none). */
  'results:spotlight': def<Record<string, never>>()(
    z.object({ spotlight: z.object({ roundId: id, workshopId: id }).strict().nullable() }).strict(),
    'host',
  ),

  /** Lobbies with tables (section 12). Creates a lobby (no lobbyId) or replaces its title and tables; tables keep who sits there by id. */
  'lobby:save': def<{ lobbyId: string }>()(LobbyInput, 'host'),
  /** Removes a lobby; if it was open, everyone is back in the plenary. */
  'lobby:delete': def<Record<string, never>>()(z.object({ lobbyId: id }).strict(), 'host'),
  /** Everyone not in a workshop is on the lobby's floor or at their table from now on (rule L2). */
  'lobby:open': def<Record<string, never>>()(z.object({ lobbyId: id }).strict(), 'host'),
  /** Everyone back to the plenary; the tables are emptied. */
  'lobby:close': def<Record<string, never>>()(z.object({ lobbyId: id }).strict(), 'host'),
  /** A locked table takes nobody new; who sits there stays. */
  'lobby:lock': def<Record<string, never>>()(
    z.object({ lobbyId: id, tableId: id, locked: z.boolean() }).strict(),
    'host',
  ),
  /** Re-seats everyone in the lobby who is not at a locked table, at random and balanced (rule L5). */
  'lobby:shuffle': def<{ placed: number; unplaced: number }>()(z.object({ lobbyId: id }).strict(), 'host'),
  /** Sits down at a table, leaving one's old table in the same atomic step (rule L3). */
  'lobby:sit': def<Record<string, never>>()(z.object({ lobbyId: id, tableId: id }).strict(), 'any'),
  /** Gets up from one's table, back to the lobby's floor. */
  'lobby:leave': def<Record<string, never>>()(z.object({ lobbyId: id }).strict(), 'any'),
  /** "Überraschen Sie mich": a table with a free seat and the fewest people one has met (rule L6). */
  'lobby:surprise': def<{ tableId: string }>()(z.object({ lobbyId: id }).strict(), 'any'),

  /** Speed dating (section 13). Creates a session (no speedDatingId) or replaces its settings before it starts. */
  'speeddating:save': def<{ speedDatingId: string }>()(SpeedDatingInput, 'host'),
  'speeddating:delete': def<Record<string, never>>()(z.object({ speedDatingId: id }).strict(), 'host'),
  /** Pairs everyone taking part for every round and starts round 1 after a short lead (rules S1, S3). */
  'speeddating:start': def<{ startAt: number }>()(z.object({ speedDatingId: id }).strict(), 'host'),
  /** Ends the session now: everyone leaves their pair, marking opens. */
  'speeddating:stop': def<Record<string, never>>()(z.object({ speedDatingId: id }).strict(), 'host'),
  /** "Runde aussetzen": sit out a round that has not begun, or take part again (rule S4). */
  'speeddating:sitOut': def<Record<string, never>>()(
    z.object({ speedDatingId: id, round: z.number().int().min(0).max(LIMITS.speedDatingRoundsMax - 1), out: z.boolean() }).strict(),
    'any',
  ),
  /** The topics one wants to talk about, from the session's list (rule S5). */
  'speeddating:topics': def<Record<string, never>>()(
    z.object({ speedDatingId: id, topics: z.array(z.string().max(LIMITS.tagMax)).max(LIMITS.speedDatingTopicsMax) }).strict(),
    'any',
  ),
  /** "In Kontakt bleiben" with someone one was paired with, or not (rule S6). Private. */
  'speeddating:mark': def<Record<string, never>>()(
    z.object({ speedDatingId: id, participantId: id, marked: z.boolean() }).strict(),
    'any',
  ),
  /** One's contact details for mutual contacts (rule S7). Private. */
  'speeddating:contact': def<Record<string, never>>()(
    z.object({ speedDatingId: id, contact: SpeedDatingContact }).strict(),
    'any',
  ),
  /** One's partners, marks, mutual contacts with their details, and the vCard of the mutual ones (rule S7). */
  'speeddating:contacts': def<SpeedDatingContacts>()(z.object({ speedDatingId: id }).strict(), 'any'),

  /**
   * Audio and video (section 11). `media:join` enters the media of the room the
   * participant is in now (rule M1); everything else needs a joined tab.
   */
  'media:join': def<MediaJoinReply>()(z.object({ roomId: id, state: MediaState }).strict(), 'any'),
  'media:leave': def<Record<string, never>>()(empty, 'any'),
  /** The tab's own toggles; publishing where the room does not allow it is refused (rules M2, M4). */
  'media:state': def<Record<string, never>>()(z.object({ state: MediaState }).strict(), 'any'),
  /** Mesh: one perfect-negotiation message to another peer of the same room (rule M3). */
  'media:signal': def<Record<string, never>>()(
    z.intersection(z.object({ to: id }), SignalBody),
    'any',
    MEDIA_LIMITS.payloadMaxBytes,
  ),
  /** Gives a participant the floor in the plenary (they may then publish there), or takes it back. */
  'media:floor': def<Record<string, never>>()(z.object({ participantId: id, floor: z.boolean() }).strict(), 'host'),
  'media:sfu:transport': def<SfuTransportInfo>()(SfuTransportRequest, 'any'),
  'media:sfu:connect': def<Record<string, never>>()(SfuConnectRequest, 'any', MEDIA_LIMITS.payloadMaxBytes),
  'media:sfu:produce': def<{ producerId: string }>()(SfuProduceRequest, 'any', MEDIA_LIMITS.payloadMaxBytes),
  'media:sfu:closeProducer': def<Record<string, never>>()(SfuProducerRequest, 'any'),
  'media:sfu:consume': def<SfuConsumerInfo>()(SfuConsumeRequest, 'any', MEDIA_LIMITS.payloadMaxBytes),
  'media:sfu:resume': def<Record<string, never>>()(SfuConsumerRequest, 'any'),
  /**
   * The server stops forwarding one consumer's RTP (audio-only mode, rule M6);
   * `media:sfu:resume` starts it again. Ids only: the default payload limit applies.
   */
  'media:sfu:pause': def<Record<string, never>>()(SfuConsumerRequest, 'any'),
  'media:sfu:layers': def<Record<string, never>>()(SfuLayersRequest, 'any'),
  /** New ICE credentials for one of the tab's transports whose connection failed (rule M7). */
  'media:sfu:restartIce': def<SfuIceRestartInfo>()(SfuRestartIceRequest, 'any'),
} as const;

export type ClientEventName = keyof typeof clientEvents;
export const CLIENT_EVENT_NAMES = Object.keys(clientEvents) as ClientEventName[];
export type PayloadOf<E extends ClientEventName> = z.input<(typeof clientEvents)[E]['schema']>;
export type ParsedPayloadOf<E extends ClientEventName> = z.output<(typeof clientEvents)[E]['schema']>;
export type ReplyOf<E extends ClientEventName> = NonNullable<(typeof clientEvents)[E]['reply']>;

export const ReactionBurst = z.object({
  counts: z.partialRecord(ReactionKind, z.number().int().positive()),
});
export type ReactionBurst = { counts: Partial<Record<ReactionKindT, number>> };

/** `room:activity`: something happened in a workshop room (for the hosts' overview). */
export const RoomActivity = z.object({ roomId: z.string().min(1), at: z.number() });
export type RoomActivity = z.infer<typeof RoomActivity>;
/** `speeddating:contacts` push: only which session (rule S7). */
export const ContactsChanged = z.object({ speedDatingId: z.string().min(1) });
export type ContactsChanged = z.infer<typeof ContactsChanged>;

export type SessionEndReason = 'removed' | 'shutdown';

/** Server → client pushes. */
export interface ServerToClientEvents {
  'state:snapshot': (snapshot: Snapshot) => void;
  'state:patch': (patch: SequencedPatch) => void;
  'chat:message': (message: ChatMessage) => void;
  'reaction:burst': (burst: ReactionBurst) => void;
  /** Something happened in a workshop room (chat, results): for the hosts' room overview. */
  'room:activity': (info: { roomId: string; at: number }) => void;
  /** The server ends this session: removed by a host (do not reconnect) or shutting down (reconnect). */
  'session:end': (info: { reason: SessionEndReason }) => void;
  /** The media peers of the tab's room, after every join, leave or toggle there. */
  'media:peers': (push: MediaPeersPush) => void;
  /** Mesh: a perfect-negotiation message from another peer of the room. */
  'media:signal': (signal: SignalFromPeer) => void;
  /** SFU: a producer in the room opened or closed. */
  'media:sfu:producer': (push: SfuProducerPush) => void;
  /**
   * One's speed-dating contacts changed: a mark became mutual or stopped being, or a mutual
   * contact changed their details. Only the session id: ask `speeddating:contacts` (rule S7).
   */
  'speeddating:contacts': (info: ContactsChanged) => void;
}

/** Client → server requests, typed for socket.io's generics. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: PayloadOf<E>, ack: (reply: Ack<ReplyOf<E>>) => void) => void;
};

/** What a socket sends in its handshake `auth`. */
export const HandshakeAuth = z.object({
  token: z.string().min(1).max(1024),
  protocolVersion: z.number().int(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export { SequencedPatch };
