/**
 * The state every client can see, as schemas (runtime check) and types (static).
 * The server builds these views from its records; clients only ever read them.
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';
import { PechaKuchaBlock, VideoAsset, VideoPlayback } from './pechakucha.js';
import { ResultsBoard, ResultsSpotlight, Round, RoundSchedulePatch, SeatsPatch } from './breakouts.js';
import { Lobby } from './lobbies.js';
import { SpeedDating } from './speed-dating.js';

export const ROLES = ['host', 'moderator', 'presenter', 'participant'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LANGUAGES = ['de', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const REACTION_KINDS = ['applause', 'heart', 'laugh', 'plusone'] as const;
export const ReactionKind = z.enum(REACTION_KINDS);
export type ReactionKind = z.infer<typeof ReactionKind>;

/** Room ids: `plenary`, a workshop's id while its round is live, `lobby:<id>` / `table:<id>` while a lobby is open, `dating:<id>` / `pair:<id>:<round>:<group>` while speed dating runs. */
export const PLENARY_ROOM = 'plenary';
export const RoomId = z.string().min(1).max(64);

export const EventInfo = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  language: Language,
});
export type EventInfo = z.infer<typeof EventInfo>;

export const ParticipantView = z.object({
  id: z.string(),
  name: z.string(),
  org: z.string(),
  role: Role,
  connected: z.boolean(),
  joinedAt: z.number(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const ChatMessage = z.object({
  id: z.string(),
  /** Per-room sequence: a client that sees a gap re-syncs the room's history. */
  seq: z.number().int(),
  roomId: z.string(),
  participantId: z.string(),
  name: z.string(),
  org: z.string(),
  text: z.string().max(LIMITS.chatMax),
  at: z.number(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const HandEntry = z.object({
  participantId: z.string(),
  raisedAt: z.number(),
});
export type HandEntry = z.infer<typeof HandEntry>;

export const Announcement = z.object({
  id: z.string(),
  text: z.string(),
  postedAt: z.number(),
  by: z.string(),
});
export type Announcement = z.infer<typeof Announcement>;

/**
 * A countdown is a schedule, not a tick stream: while running, `endsAt` is an
 * absolute server time; while paused, `pausedRemainingMs` holds what is left.
 * Every client computes the remaining time from its synced clock (rule T1).
 */
export const Countdown = z.object({
  id: z.string(),
  label: z.string(),
  totalMs: z.number(),
  endsAt: z.number().nullable(),
  pausedRemainingMs: z.number().nullable(),
});
export type Countdown = z.infer<typeof Countdown>;

/** Which room someone is in is not stored but computed from the rounds and lobbies (`roomOf`, rules B1, L2). */
export const SelfView = z.object({
  participantId: z.string(),
  role: Role,
});
export type SelfView = z.infer<typeof SelfView>;

export const ChatHistory = z.object({
  roomId: z.string(),
  seq: z.number().int(),
  messages: z.array(ChatMessage),
});
export type ChatHistory = z.infer<typeof ChatHistory>;

/** Everything a client needs to render the event; `seq` says which patches it already contains. */
export const Snapshot = z.object({
  seq: z.number().int(),
  serverNow: z.number(),
  event: EventInfo,
  self: SelfView,
  participants: z.array(ParticipantView),
  hands: z.array(HandEntry),
  announcement: Announcement.nullable(),
  countdown: Countdown.nullable(),
  chat: ChatHistory,
  pechakucha: PechaKuchaBlock.nullable(),
  videos: z.array(VideoAsset),
  video: VideoPlayback.nullable(),
  /** Workshop rounds in creation order (drafts too: the client shows them to hosts only; they hold nothing secret). */
  rounds: z.array(Round),
  results: z.array(ResultsBoard),
  spotlight: ResultsSpotlight.nullable(),
  /** Participants a host gave the floor in the plenary: they may publish audio and video there (rule M2). */
  floor: z.array(z.string()),
  /** Lobbies with their tables and who sits where, in creation order (section 12). */
  lobbies: z.array(Lobby),
  /** Speed-dating sessions in creation order (section 13); marks and contact details are never here (rule S7). */
  speedDatings: z.array(SpeedDating),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** One change to event-wide state; carried by `state:patch` with the event's sequence number. */
export const Patch = z.discriminatedUnion('type', [
  z.object({ type: z.literal('participant'), participant: ParticipantView }),
  z.object({ type: z.literal('participantRemoved'), participantId: z.string() }),
  z.object({ type: z.literal('hands'), hands: z.array(HandEntry) }),
  z.object({ type: z.literal('announcement'), announcement: Announcement.nullable() }),
  z.object({ type: z.literal('countdown'), countdown: Countdown.nullable() }),
  z.object({ type: z.literal('pechakucha'), block: PechaKuchaBlock.nullable() }),
  z.object({ type: z.literal('videos'), videos: z.array(VideoAsset) }),
  z.object({ type: z.literal('video'), video: VideoPlayback.nullable() }),
  z.object({ type: z.literal('round'), round: Round }),
  z.object({ type: z.literal('roundRemoved'), roundId: z.string() }),
  z.object({ type: z.literal('seats'), ...SeatsPatch.shape }),
  z.object({ type: z.literal('roundSchedule'), ...RoundSchedulePatch.shape }),
  z.object({ type: z.literal('results'), board: ResultsBoard }),
  z.object({ type: z.literal('spotlight'), spotlight: ResultsSpotlight.nullable() }),
  z.object({ type: z.literal('floor'), floor: z.array(z.string()) }),
  z.object({ type: z.literal('lobby'), lobby: Lobby }),
  z.object({ type: z.literal('lobbyRemoved'), lobbyId: z.string() }),
  z.object({ type: z.literal('speedDating'), speedDating: SpeedDating }),
  z.object({ type: z.literal('speedDatingRemoved'), speedDatingId: z.string() }),
]);
export type Patch = z.infer<typeof Patch>;

export const SequencedPatch = z.object({ seq: z.number().int(), patch: Patch });
export type SequencedPatch = z.infer<typeof SequencedPatch>;
