/**
 * The client's copy of an event's state, kept by one pure reducer.
 *
 * The server numbers every event-wide change (`state:patch` seq) and every chat
 * message per room (`chat:message` seq). This reducer applies them strictly in
 * order: older or repeated items are ignored (idempotence), items after a gap are
 * buffered and the reducer asks the shell to fetch a snapshot (`state:sync`) or
 * the chat history (`chat:history`); once that arrives, buffered items newer than
 * it are re-applied. No I/O and no clock here: the session service does that.
 */
import type {
  Announcement,
  ChatHistory,
  ChatMessage,
  Countdown,
  EventInfo,
  HandEntry,
  Lobby,
  ParticipantView,
  Patch,
  PechaKuchaBlock,
  ResultsBoard,
  ResultsSpotlight,
  Round,
  VideoAsset,
  VideoPlayback,
  SelfView,
  SequencedPatch,
  Snapshot,
  SpeedDating,
} from '@mashup/shared';
import { byCreation } from '@mashup/shared';

/**
 * Messages kept in memory. The server sends the last 200 on join; keeping more
 * lets a long day's scrollback survive without growing without bound.
 */
export const CHAT_KEEP = 500;
/** Buffered out-of-order items; past this a snapshot is cheaper than waiting. */
export const BUFFER_MAX = 1000;

export interface EventView {
  event: EventInfo;
  self: SelfView;
  participants: ParticipantView[];
  hands: HandEntry[];
  announcement: Announcement | null;
  countdown: Countdown | null;
  pechakucha: PechaKuchaBlock | null;
  videos: VideoAsset[];
  video: VideoPlayback | null;
  /** Workshop rounds in creation order; where everyone is follows from them (`roomOf`, rule B1). */
  rounds: Round[];
  results: ResultsBoard[];
  spotlight: ResultsSpotlight | null;
  /** Participants with the floor in the plenary (may publish there, rule M2). */
  floor: string[];
  /** Lobbies with their tables and who sits where, in creation order (PROTOCOL section 12). */
  lobbies: Lobby[];
  /** Speed-dating sessions in creation order; who is in which pair follows from them (rule S2). No marks: those are private (S7). */
  speedDatings: SpeedDating[];
  /** True once a patch says this participant was removed. */
  removed: boolean;
}

export interface ChatState {
  roomId: string;
  /** Seq of the newest message applied (the room's counter). */
  seq: number;
  messages: ChatMessage[];
  /** Messages after a gap, sorted by seq. */
  buffer: ChatMessage[];
  historyPending: boolean;
}

export interface PlenaryState {
  /** null until the first snapshot arrives. */
  view: EventView | null;
  /** Seq of the last event-wide patch contained in `view` (-1 before the first snapshot). */
  seq: number;
  /** Patches that could not be applied yet, sorted by seq, unique. */
  buffer: SequencedPatch[];
  syncPending: boolean;
  chat: ChatState | null;
}

export type PlenaryAction =
  /** `source: 'connect'` is the snapshot a fresh connection gets; it always wins. */
  | { type: 'snapshot'; snapshot: Snapshot; source: 'connect' | 'sync' }
  | { type: 'patch'; patch: SequencedPatch }
  | { type: 'syncFailed' }
  | { type: 'chatMessage'; message: ChatMessage }
  | { type: 'chatHistory'; history: ChatHistory }
  | { type: 'chatHistoryFailed' }
  /**
   * The room this participant is in changed (a round opened or closed, a host
   * moved them): the shell computes it from the rounds and its synced clock.
   * The chat switches to that room and asks for its history.
   */
  | { type: 'roomChanged'; roomId: string };

/** Requests the shell must send because of this step. */
export type PlenaryEffect = 'sync' | 'chatHistory';

export interface Step {
  state: PlenaryState;
  effects: PlenaryEffect[];
}

export const initialPlenaryState: PlenaryState = {
  view: null,
  seq: -1,
  buffer: [],
  syncPending: false,
  chat: null,
};

export function reducePlenary(state: PlenaryState, action: PlenaryAction): Step {
  switch (action.type) {
    case 'snapshot':
      return applySnapshot(state, action.snapshot, action.source);
    case 'patch':
      return receivePatch(state, action.patch);
    case 'syncFailed':
      return { state: { ...state, syncPending: false }, effects: [] };
    case 'chatMessage':
      return receiveChatMessage(state, action.message);
    case 'chatHistory':
      return applyChatHistory(state, action.history);
    case 'roomChanged':
      return changeRoom(state, action.roomId);
    case 'chatHistoryFailed':
      return state.chat
        ? { state: { ...state, chat: { ...state.chat, historyPending: false } }, effects: [] }
        : { state, effects: [] };
  }
}

// ---------------------------------------------------------------- event state

function applySnapshot(state: PlenaryState, snapshot: Snapshot, source: 'connect' | 'sync'): Step {
  // A sync reply can be overtaken by patches that filled the gap meanwhile; an
  // older snapshot would roll those back, so keep what we have.
  if (source === 'sync' && state.view && snapshot.seq < state.seq) {
    return drain({ ...state, syncPending: false });
  }
  const view: EventView = {
    event: snapshot.event,
    self: snapshot.self,
    participants: snapshot.participants,
    hands: snapshot.hands,
    announcement: snapshot.announcement,
    countdown: snapshot.countdown,
    pechakucha: snapshot.pechakucha,
    videos: snapshot.videos,
    video: snapshot.video,
    rounds: snapshot.rounds,
    results: snapshot.results,
    spotlight: snapshot.spotlight,
    floor: snapshot.floor,
    lobbies: snapshot.lobbies,
    speedDatings: snapshot.speedDatings,
    removed: false,
  };
  const chatStep = mergeChatHistory(state.chat, snapshot.chat, snapshot.chat.roomId, source === 'connect');
  const next: PlenaryState = {
    view,
    seq: snapshot.seq,
    buffer: state.buffer.filter((p) => p.seq > snapshot.seq),
    syncPending: false,
    chat: chatStep.chat,
  };
  const step = drain(next);
  return { state: step.state, effects: [...step.effects, ...chatStep.effects] };
}

function receivePatch(state: PlenaryState, patch: SequencedPatch): Step {
  if (state.view && patch.seq <= state.seq) return { state, effects: [] };
  if (state.buffer.some((p) => p.seq === patch.seq)) return { state, effects: [] };
  const buffer = [...state.buffer, patch].sort((a, b) => a.seq - b.seq).slice(-BUFFER_MAX);
  // Before the first snapshot there is nothing to apply to; the snapshot the
  // server pushes on connect is on its way, so just keep the patch.
  if (!state.view) return { state: { ...state, buffer }, effects: [] };
  return drain({ ...state, buffer });
}

/** Applies buffered patches while they are contiguous; asks for a sync if a gap remains. */
function drain(state: PlenaryState): Step {
  if (!state.view) return { state, effects: [] };
  let view = state.view;
  let seq = state.seq;
  let i = 0;
  for (; i < state.buffer.length; i++) {
    const p = state.buffer[i]!;
    if (p.seq <= seq) continue;
    if (p.seq !== seq + 1) break;
    view = applyPatch(view, p.patch);
    seq = p.seq;
  }
  const buffer = state.buffer.slice(i);
  const gap = buffer.length > 0;
  const needSync = gap && !state.syncPending;
  return {
    state: { ...state, view, seq, buffer, syncPending: state.syncPending || gap },
    effects: needSync ? ['sync'] : [],
  };
}

export function applyPatch(view: EventView, patch: Patch): EventView {
  switch (patch.type) {
    case 'participant': {
      const p = patch.participant;
      const exists = view.participants.some((x) => x.id === p.id);
      const participants = exists
        ? view.participants.map((x) => (x.id === p.id ? p : x))
        : [...view.participants, p];
      const self = p.id === view.self.participantId ? { ...view.self, role: p.role } : view.self;
      return { ...view, participants, self };
    }
    case 'participantRemoved':
      return {
        ...view,
        participants: view.participants.filter((x) => x.id !== patch.participantId),
        hands: view.hands.filter((h) => h.participantId !== patch.participantId),
        removed: view.removed || patch.participantId === view.self.participantId,
      };
    case 'hands':
      return { ...view, hands: patch.hands };
    case 'announcement':
      return { ...view, announcement: patch.announcement };
    case 'countdown':
      return { ...view, countdown: patch.countdown };
    case 'pechakucha':
      return { ...view, pechakucha: patch.block };
    case 'videos':
      return { ...view, videos: patch.videos };
    case 'video':
      return { ...view, video: patch.video };
    case 'round': {
      const exists = view.rounds.some((r) => r.id === patch.round.id);
      const rounds = exists
        ? view.rounds.map((r) => (r.id === patch.round.id ? patch.round : r))
        : [...view.rounds, patch.round].sort(byCreation);
      return { ...view, rounds };
    }
    case 'roundRemoved':
      return {
        ...view,
        rounds: view.rounds.filter((r) => r.id !== patch.roundId),
        results: view.results.filter((b) => b.roundId !== patch.roundId),
      };
    case 'seats':
      return {
        ...view,
        rounds: view.rounds.map((r) => (r.id === patch.roundId ? { ...r, seats: { ...r.seats, ...patch.seats } } : r)),
      };
    case 'roundSchedule': {
      const { type: _type, roundId, ...times } = patch;
      return { ...view, rounds: view.rounds.map((r) => (r.id === roundId ? { ...r, ...times } : r)) };
    }
    case 'results': {
      const b = patch.board;
      const same = (x: ResultsBoard) => x.roundId === b.roundId && x.workshopId === b.workshopId;
      return { ...view, results: view.results.some(same) ? view.results.map((x) => (same(x) ? b : x)) : [...view.results, b] };
    }
    case 'spotlight':
      return { ...view, spotlight: patch.spotlight };
    case 'floor':
      return { ...view, floor: patch.floor };
    case 'lobby': {
      const exists = view.lobbies.some((l) => l.id === patch.lobby.id);
      const lobbies = exists
        ? view.lobbies.map((l) => (l.id === patch.lobby.id ? patch.lobby : l))
        : [...view.lobbies, patch.lobby].sort(byCreation);
      return { ...view, lobbies };
    }
    case 'lobbyRemoved':
      return { ...view, lobbies: view.lobbies.filter((l) => l.id !== patch.lobbyId) };
    case 'speedDating': {
      const sd = patch.speedDating;
      const exists = view.speedDatings.some((x) => x.id === sd.id);
      const speedDatings = exists
        ? view.speedDatings.map((x) => (x.id === sd.id ? sd : x))
        : [...view.speedDatings, sd].sort(byCreation);
      return { ...view, speedDatings };
    }
    case 'speedDatingRemoved':
      return { ...view, speedDatings: view.speedDatings.filter((x) => x.id !== patch.speedDatingId) };
  }
}

/** Another room: its chat starts empty until its history arrives. */
function changeRoom(state: PlenaryState, roomId: string): Step {
  if (!state.chat || state.chat.roomId === roomId) return { state, effects: [] };
  return {
    state: { ...state, chat: { roomId, seq: 0, messages: [], buffer: [], historyPending: true } },
    effects: ['chatHistory'],
  };
}

// ----------------------------------------------------------------------- chat

/**
 * Takes a room's history (from a snapshot or `chat:history`). Chat and event
 * state have separate counters, so a history can be older than messages that
 * arrived meanwhile; then we keep ours unless `force` (a fresh connection, where
 * the server's view is the truth).
 */
function mergeChatHistory(
  current: ChatState | null,
  history: ChatHistory,
  roomId: string,
  force: boolean,
): { chat: ChatState; effects: PlenaryEffect[] } {
  const sameRoom = current !== null && current.roomId === history.roomId;
  if (sameRoom && !force && history.seq < current.seq) {
    return drainChat({ ...current, historyPending: false });
  }
  const base: ChatState = {
    roomId,
    seq: history.seq,
    messages: history.messages.slice(-CHAT_KEEP),
    buffer: sameRoom ? current.buffer.filter((m) => m.seq > history.seq) : [],
    historyPending: false,
  };
  return drainChat(base);
}

function receiveChatMessage(state: PlenaryState, message: ChatMessage): Step {
  const chat = state.chat;
  if (!chat || message.roomId !== chat.roomId) return { state, effects: [] };
  if (message.seq <= chat.seq || chat.buffer.some((m) => m.seq === message.seq)) {
    return { state, effects: [] };
  }
  const buffer = [...chat.buffer, message].sort((a, b) => a.seq - b.seq).slice(-BUFFER_MAX);
  const step = drainChat({ ...chat, buffer });
  return { state: { ...state, chat: step.chat }, effects: step.effects };
}

function applyChatHistory(state: PlenaryState, history: ChatHistory): Step {
  const chat = state.chat;
  if (!chat) return { state, effects: [] };
  // A history of another room (the server saw a room change a moment before or after us): drop it;
  // the next room change asks again.
  if (history.roomId !== chat.roomId) return { state: { ...state, chat: { ...chat, historyPending: false } }, effects: [] };
  const step = mergeChatHistory(chat, history, chat.roomId, false);
  return { state: { ...state, chat: step.chat }, effects: step.effects };
}

function drainChat(chat: ChatState): { chat: ChatState; effects: PlenaryEffect[] } {
  let seq = chat.seq;
  const added: ChatMessage[] = [];
  let i = 0;
  for (; i < chat.buffer.length; i++) {
    const m = chat.buffer[i]!;
    if (m.seq <= seq) continue;
    if (m.seq !== seq + 1) break;
    added.push(m);
    seq = m.seq;
  }
  const buffer = chat.buffer.slice(i);
  const gap = buffer.length > 0;
  const messages = added.length ? [...chat.messages, ...added].slice(-CHAT_KEEP) : chat.messages;
  return {
    chat: { ...chat, seq, messages, buffer, historyPending: chat.historyPending || gap },
    effects: gap && !chat.historyPending ? ['chatHistory'] : [],
  };
}
