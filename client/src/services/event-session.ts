/**
 * One participant's live connection to one event: feeds pushes from the
 * transport through the pure plenary reducer, sends the requests the reducer
 * asks for (sync after a gap, chat history), keeps the clock in sync and tracks
 * the connection status the UI shows. No DOM; components subscribe().
 *
 * It also follows the participant's room (rule B1): nobody tells a client
 * where it is; after every change and at the next moment a room changes by
 * itself (`nextRoomChangeAt`, e.g. the end of a round's closing warning, and
 * every switch of a speed-dating session, `speedDatingNextChangeAt`) it
 * computes `roomOf(self, rounds, serverNow, …)` and, when that differs from the
 * chat's room, switches the chat there (`roomChanged` → `chat:history`).
 */
import {
  ChatHistory,
  ChatMessage,
  ERROR_CODES,
  PLENARY_ROOM,
  ReactionBurst,
  RoomActivity,
  ContactsChanged,
  SequencedPatch,
  Snapshot,
  SpeedDatingContacts,
  countdownRemainingMs,
  isCountdownPaused,
  nextRoomChangeAt,
  roomOf,
  type Ack,
  type PayloadOf,
  type PechaKuchaSetup,
  type ReactionKind,
  type Role,
} from '@mashup/shared';
import {
  initialPlenaryState,
  reducePlenary,
  type PlenaryAction,
  type PlenaryEffect,
  type PlenaryState,
} from '../state/plenary-state.js';
import { speedDatingNextChangeAt } from '../state/speed-dating.js';
import type { Clock, Disposer } from './clock.js';
import { ClockSync } from './clock-sync.js';
import type { ConnectionEvent, RealtimeTransport } from './socket-client.js';

export type EndReason =
  | 'removed'
  | 'left'
  | 'versionMismatch'
  | 'authInvalid'
  | 'eventNotFound'
  /** The server sent something this client cannot read. */
  | 'failed';

export type SessionStatus =
  | { kind: 'connecting' }
  | { kind: 'live' }
  /** Connection lost; the last state stays visible. `since` is local time. */
  | { kind: 'reconnecting'; since: number }
  | { kind: 'ended'; reason: EndReason };

type Empty = Record<string, never>;

/** Pecha Kucha commands without a payload. */
export type PkCommand = 'clear' | 'start' | 'pause' | 'resume' | 'previous' | 'skip' | 'end';

export interface EventSessionOptions {
  transport: RealtimeTransport;
  clock: Clock;
  /** Logs what the user cannot act on (malformed pushes); defaults to console. */
  log?: Pick<Console, 'warn' | 'error'>;
}

/** Results board commands name the board by round and workshop. */
export interface BoardRef {
  roundId: string;
  workshopId: string;
}

/** Backoff for retrying sync/history and for reconnecting after a server-side disconnect. */
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;
const SYNC_ATTEMPTS = 4;
/** No clock re-sampling this close to a countdown's end (a re-sample may shift the display by a few ms). */
const QUIET_MARGIN_MS = 10_000;

export class EventSession {
  readonly clock: ClockSync;
  readonly #transport: RealtimeTransport;
  readonly #localClock: Clock;
  readonly #log: Pick<Console, 'warn' | 'error'>;
  #state: PlenaryState = initialPlenaryState;
  #status: SessionStatus = { kind: 'connecting' };
  readonly #listeners = new Set<() => void>();
  readonly #burstListeners = new Set<(burst: ReactionBurst) => void>();
  readonly #contactsListeners = new Set<(speedDatingId: string) => void>();
  readonly #disposers: Disposer[] = [];
  readonly #timers = new Set<Disposer>();
  #reconnectAttempt = 0;
  /** The room computed last (rule B1); the chat follows it. */
  #room: string = PLENARY_ROOM;
  /** The one timer for the next moment a room changes by itself. */
  #roomTimer: Disposer | undefined;
  /** Target of the room timer that fired last: a timer can fire a hair early, the room must not lag. */
  #roomReachedAt = Number.NEGATIVE_INFINITY;
  readonly #activity = new Map<string, number>();

  constructor(options: EventSessionOptions) {
    this.#transport = options.transport;
    this.#localClock = options.clock;
    this.#log = options.log ?? console;
    this.clock = new ClockSync({
      clock: options.clock,
      ping: async (t0) => {
        if (!this.#transport.connected) return null;
        const reply = await this.#transport.request('clock:ping', { t0 });
        return reply.ok ? reply.data : null;
      },
      isQuiet: () => this.#isQuiet(),
    });
    const t = this.#transport;
    this.#disposers.push(
      t.onConnection((e) => this.#onConnection(e)),
      t.on('state:snapshot', (raw) => this.#onSnapshot(raw, 'connect')),
      t.on('state:patch', (raw) => this.#onPatch(raw)),
      t.on('chat:message', (raw) => this.#onChatMessage(raw)),
      t.on('reaction:burst', (raw) => this.#onBurst(raw)),
      t.on('session:end', ({ reason }) => this.#onSessionEnd(reason)),
      t.on('room:activity', (raw) => this.#onRoomActivity(raw)),
      t.on('speeddating:contacts', (raw) => this.#onContactsChanged(raw)),
    );
  }

  get state(): PlenaryState {
    return this.#state;
  }

  get status(): SessionStatus {
    return this.#status;
  }

  /** The connection, for services that speak their own part of the protocol over it (media). */
  get transport(): RealtimeTransport {
    return this.#transport;
  }

  /** Where this participant is now: `'plenary'` or a workshop id (`roomOf`, rule B1). */
  get roomId(): string {
    return this.#room;
  }

  /** Room id → server time of the last chat or results activity there (for the hosts' room overview). */
  get roomActivity(): ReadonlyMap<string, number> {
    return this.#activity;
  }

  /** Called after every change of state or status. */
  subscribe(listener: () => void): Disposer {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The server says one's speed-dating contacts in a session changed (rule S7): ask again. */
  onSpeedDatingContacts(listener: (speedDatingId: string) => void): Disposer {
    this.#contactsListeners.add(listener);
    return () => this.#contactsListeners.delete(listener);
  }

  onBurst(listener: (burst: ReactionBurst) => void): Disposer {
    this.#burstListeners.add(listener);
    return () => this.#burstListeners.delete(listener);
  }

  connect(): void {
    this.#transport.connect();
  }

  /** The "reconnect now" button: drop the current attempt and start a fresh one. */
  reconnectNow(): void {
    if (this.#status.kind === 'ended') return;
    this.#transport.disconnect();
    this.#transport.connect();
    this.#setStatus({ kind: 'reconnecting', since: this.#localClock.now() });
  }

  leave(): void {
    this.#end('left');
  }

  dispose(): void {
    for (const d of this.#disposers.splice(0)) d();
    this.#stopRoomTimer();
    for (const t of this.#timers) t();
    this.#timers.clear();
    this.clock.stop();
    this.#transport.disconnect();
    this.#listeners.clear();
    this.#burstListeners.clear();
    this.#contactsListeners.clear();
  }

  // ------------------------------------------------------------- requests

  async sendChat(text: string): Promise<Ack<{ message: ChatMessage }>> {
    const reply = await this.#transport.request('chat:send', { text });
    // The ack carries the stored message; applying it is idempotent with the broadcast.
    if (reply.ok) this.#dispatch({ type: 'chatMessage', message: reply.data.message });
    return reply;
  }

  raiseHand(): Promise<Ack<Empty>> {
    return this.#transport.request('hand:raise', {});
  }

  lowerHand(): Promise<Ack<Empty>> {
    return this.#transport.request('hand:lower', {});
  }

  react(kind: ReactionKind): Promise<Ack<Empty>> {
    return this.#transport.request('reaction:send', { kind });
  }

  dismissHand(participantId: string): Promise<Ack<Empty>> {
    return this.#transport.request('hand:dismiss', { participantId });
  }

  dismissAllHands(): Promise<Ack<Empty>> {
    return this.#transport.request('hand:dismissAll', {});
  }

  postAnnouncement(text: string): Promise<Ack<Empty>> {
    return this.#transport.request('announcement:post', { text });
  }

  clearAnnouncement(): Promise<Ack<Empty>> {
    return this.#transport.request('announcement:clear', {});
  }

  startCountdown(label: string, durationMs: number): Promise<Ack<Empty>> {
    return this.#transport.request('countdown:start', { label, durationMs });
  }

  pauseCountdown(): Promise<Ack<Empty>> {
    return this.#transport.request('countdown:pause', {});
  }

  resumeCountdown(): Promise<Ack<Empty>> {
    return this.#transport.request('countdown:resume', {});
  }

  extendCountdown(deltaMs: number): Promise<Ack<Empty>> {
    return this.#transport.request('countdown:extend', { deltaMs });
  }

  stopCountdown(): Promise<Ack<Empty>> {
    return this.#transport.request('countdown:stop', {});
  }

  removeParticipant(participantId: string): Promise<Ack<Empty>> {
    return this.#transport.request('participant:remove', { participantId });
  }

  setRole(participantId: string, role: Extract<Role, 'host' | 'participant'>): Promise<Ack<Empty>> {
    return this.#transport.request('participant:setRole', { participantId, role });
  }

  /** Gives a participant the floor in the plenary (they may send audio and video there, rule M2) or takes it back. */
  setFloor(participantId: string, floor: boolean): Promise<Ack<Empty>> {
    return this.#transport.request('media:floor', { participantId, floor });
  }

  // Pecha Kucha (host commands; slide texts also for the talk's presenter)

  setupPechaKucha(setup: PechaKuchaSetup): Promise<Ack<Empty>> {
    return this.#transport.request('pechakucha:setup', setup);
  }

  pechakucha(command: PkCommand): Promise<Ack<Empty>> {
    return this.#transport.request(`pechakucha:${command}`, {});
  }

  holdPechaKucha(hold: boolean): Promise<Ack<Empty>> {
    return this.#transport.request('pechakucha:hold', { hold });
  }

  reorderTalks(talkIds: string[]): Promise<Ack<Empty>> {
    return this.#transport.request('pechakucha:reorder', { talkIds });
  }

  setSlideText(talkId: string, index: number, text: string): Promise<Ack<Empty>> {
    return this.#transport.request('pechakucha:slideText', { talkId, index, text });
  }

  // Video greetings (host)

  playVideo(videoId: string, positionMs?: number): Promise<Ack<Empty>> {
    return this.#transport.request('video:play', positionMs === undefined ? { videoId } : { videoId, positionMs: Math.round(positionMs) });
  }

  pauseVideo(): Promise<Ack<Empty>> {
    return this.#transport.request('video:pause', {});
  }

  seekVideo(positionMs: number): Promise<Ack<Empty>> {
    return this.#transport.request('video:seek', { positionMs: Math.max(0, Math.round(positionMs)) });
  }

  stopVideo(): Promise<Ack<Empty>> {
    return this.#transport.request('video:stop', {});
  }

  removeVideo(videoId: string): Promise<Ack<Empty>> {
    return this.#transport.request('video:remove', { videoId });
  }

  // Workshop rounds (breakout:* — host commands are refused for others by the server)

  saveRound(input: PayloadOf<'breakout:save'>): Promise<Ack<{ roundId: string }>> {
    return this.#transport.request('breakout:save', input);
  }

  deleteRound(roundId: string): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:delete', { roundId });
  }

  publishRound(roundId: string): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:publish', { roundId });
  }

  /** A seat, or the waitlist when the workshop is full (unless `waitlist` is false). */
  chooseWorkshop(roundId: string, workshopId: string, waitlist = true): Promise<Ack<{ seated: boolean; position: number }>> {
    return this.#transport.request('breakout:choose', { roundId, workshopId, waitlist });
  }

  leaveWorkshop(roundId: string): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:leave', { roundId });
  }

  assignRound(
    roundId: string,
    strategy: 'balanced' | 'keep' | 'rotate',
    fromRoundId?: string,
  ): Promise<Ack<{ placed: number; unplaced: number }>> {
    return this.#transport.request('breakout:assign', fromRoundId === undefined ? { roundId, strategy } : { roundId, strategy, fromRoundId });
  }

  moveParticipant(roundId: string, participantId: string, workshopId: string | null): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:move', { roundId, participantId, workshopId });
  }

  openRound(roundId: string): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:open', { roundId });
  }

  extendRound(roundId: string, deltaMs: number): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:extend', { roundId, deltaMs: Math.round(deltaMs) });
  }

  closeRound(roundId: string): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:close', { roundId });
  }

  visitWorkshop(roundId: string, workshopId: string | null): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:visit', { roundId, workshopId });
  }

  /** "Hilfe rufen" from the room this participant is in. */
  askForHelp(): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:help', {});
  }

  helpDone(roundId: string, workshopId: string): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:helpDone', { roundId, workshopId });
  }

  editWorkshop(board: BoardRef, title: string, description: string): Promise<Ack<Empty>> {
    return this.#transport.request('breakout:editWorkshop', { ...board, title, description });
  }

  // Results boards

  addResult(board: BoardRef, section: PayloadOf<'results:add'>['section'], text: string): Promise<Ack<{ itemId: string }>> {
    return this.#transport.request('results:add', { ...board, section, text });
  }

  /** Refused with results.conflict (details: the other `version` and `text`) when the item changed since `baseVersion`. */
  editResult(board: BoardRef, itemId: string, text: string, baseVersion: number): Promise<Ack<Empty>> {
    return this.#transport.request('results:edit', { ...board, itemId, text, baseVersion });
  }

  removeResult(board: BoardRef, itemId: string): Promise<Ack<Empty>> {
    return this.#transport.request('results:remove', { ...board, itemId });
  }

  pinResult(board: BoardRef, itemId: string, pinned: boolean): Promise<Ack<Empty>> {
    return this.#transport.request('results:pin', { ...board, itemId, pinned });
  }

  /** Shows one board to everyone on the results wall; null takes the spotlight away. */
  spotlightResults(board: BoardRef | null): Promise<Ack<Empty>> {
    return this.#transport.request('results:spotlight', { spotlight: board && { roundId: board.roundId, workshopId: board.workshopId } });
  }

  // Speed dating (speeddating:* — save/delete/start/stop are host commands, the server checks)

  saveSpeedDating(input: PayloadOf<'speeddating:save'>): Promise<Ack<{ speedDatingId: string }>> {
    return this.#transport.request('speeddating:save', input);
  }

  deleteSpeedDating(speedDatingId: string): Promise<Ack<Empty>> {
    return this.#transport.request('speeddating:delete', { speedDatingId });
  }

  startSpeedDating(speedDatingId: string): Promise<Ack<{ startAt: number }>> {
    return this.#transport.request('speeddating:start', { speedDatingId });
  }

  stopSpeedDating(speedDatingId: string): Promise<Ack<Empty>> {
    return this.#transport.request('speeddating:stop', { speedDatingId });
  }

  /** "Runde aussetzen" for a round that has not begun (`out: false` takes part again). */
  sitOutSpeedDating(speedDatingId: string, round: number, out: boolean): Promise<Ack<Empty>> {
    return this.#transport.request('speeddating:sitOut', { speedDatingId, round, out });
  }

  chooseSpeedDatingTopics(speedDatingId: string, topics: string[]): Promise<Ack<Empty>> {
    return this.#transport.request('speeddating:topics', { speedDatingId, topics });
  }

  /** "In Kontakt bleiben" with someone one was paired with. Private: no patch follows, fetch `speedDatingContacts` again. */
  markSpeedDatingContact(speedDatingId: string, participantId: string, marked: boolean): Promise<Ack<Empty>> {
    return this.#transport.request('speeddating:mark', { speedDatingId, participantId, marked });
  }

  saveSpeedDatingContact(speedDatingId: string, contact: { email: string; phone: string }): Promise<Ack<Empty>> {
    return this.#transport.request('speeddating:contact', { speedDatingId, contact });
  }

  /** One's partners with marks, mutual contacts' details and their vCard (rule S7); checked against the schema. */
  async speedDatingContacts(speedDatingId: string): Promise<Ack<SpeedDatingContacts>> {
    const reply = await this.#transport.request('speeddating:contacts', { speedDatingId });
    if (!reply.ok) return reply;
    const parsed = SpeedDatingContacts.safeParse(reply.data);
    if (parsed.success) return { ok: true, data: parsed.data };
    this.#log.warn('mashup: unreadable speed-dating contacts', parsed.error);
    return { ok: false, error: { code: ERROR_CODES.internal, message: 'unreadable contacts' } };
  }

  // ------------------------------------------------------------- inbound

  #onConnection(e: ConnectionEvent): void {
    if (this.#status.kind === 'ended') return;
    switch (e.type) {
      case 'connected':
        this.#reconnectAttempt = 0;
        // Live only once the snapshot is in: until then there is nothing current to show.
        this.clock.start();
        return;
      case 'disconnected':
        this.clock.stop();
        if (e.reason === 'io client disconnect') return; // our own leave/reconnectNow
        this.#setStatus({ kind: 'reconnecting', since: this.#localClock.now() });
        // socket.io does not retry after the server closed the socket on purpose
        // (e.g. a graceful shutdown); another process may take us, so we retry.
        if (!e.willReconnect) this.#retryConnect();
        return;
      case 'connectError':
        this.#onConnectError(e.code, e.willReconnect);
        return;
    }
  }

  #onConnectError(code: string, willReconnect: boolean): void {
    switch (code) {
      case ERROR_CODES.authRemoved:
        return this.#end('removed');
      case ERROR_CODES.authInvalid:
      case ERROR_CODES.authMissing:
        return this.#end('authInvalid');
      case ERROR_CODES.versionMismatch:
        return this.#end('versionMismatch');
      case ERROR_CODES.eventNotFound:
        return this.#end('eventNotFound');
    }
    if (this.#status.kind !== 'connecting') {
      this.#setStatus({ kind: 'reconnecting', since: this.#reconnectingSince() });
    }
    // Transport errors are retried by socket.io itself; a refusal by the server's
    // handshake check (rate limit, unavailable) is not, so we back off and retry.
    if (!willReconnect) this.#retryConnect();
  }

  #onSessionEnd(reason: 'removed' | 'shutdown'): void {
    if (reason === 'removed') this.#end('removed');
    // 'shutdown': the disconnect that follows starts the reconnect.
  }

  #onSnapshot(raw: unknown, source: 'connect' | 'sync'): void {
    const parsed = Snapshot.safeParse(raw);
    if (!parsed.success) {
      this.#log.error('mashup: unreadable snapshot', parsed.error);
      this.#end('failed');
      return;
    }
    this.clock.seed(parsed.data.serverNow);
    this.#dispatch({ type: 'snapshot', snapshot: parsed.data, source });
    if (this.#status.kind !== 'ended' && this.#status.kind !== 'live') this.#setStatus({ kind: 'live' });
  }

  #onPatch(raw: unknown): void {
    const parsed = SequencedPatch.safeParse(raw);
    if (!parsed.success) {
      // Skipping it leaves a gap in the sequence, which triggers a sync with the next patch.
      this.#log.warn('mashup: unreadable patch', parsed.error);
      return;
    }
    this.#dispatch({ type: 'patch', patch: parsed.data });
  }

  #onChatMessage(raw: unknown): void {
    const parsed = ChatMessage.safeParse(raw);
    if (!parsed.success) {
      this.#log.warn('mashup: unreadable chat message', parsed.error);
      return;
    }
    this.#dispatch({ type: 'chatMessage', message: parsed.data });
  }

  #onBurst(raw: unknown): void {
    const parsed = ReactionBurst.safeParse(raw);
    if (!parsed.success) {
      this.#log.warn('mashup: unreadable reaction burst', parsed.error);
      return;
    }
    for (const l of this.#burstListeners) l(parsed.data);
  }

  #onContactsChanged(raw: unknown): void {
    const parsed = ContactsChanged.safeParse(raw);
    if (!parsed.success) {
      this.#log.warn('mashup: unreadable speed-dating contacts push', parsed.error);
      return;
    }
    for (const l of this.#contactsListeners) l(parsed.data.speedDatingId);
  }

  #onRoomActivity(raw: unknown): void {
    const parsed = RoomActivity.safeParse(raw);
    if (!parsed.success) {
      this.#log.warn('mashup: unreadable room activity', parsed.error);
      return;
    }
    const { roomId, at } = parsed.data;
    // Pushes from several server processes can arrive out of order: keep the latest.
    if ((this.#activity.get(roomId) ?? Number.NEGATIVE_INFINITY) >= at) return;
    this.#activity.set(roomId, at);
    this.#notify();
  }

  // ------------------------------------------------------------- internals

  #dispatch(action: PlenaryAction): void {
    this.#reduce(action);
    if (this.#state.view?.removed) {
      this.#end('removed');
      return;
    }
    this.#followRoom();
    this.#notify();
  }

  #reduce(action: PlenaryAction): void {
    const step = reducePlenary(this.#state, action);
    this.#state = step.state;
    for (const effect of step.effects) this.#run(effect, 0);
  }

  /**
   * Computes the room from the rounds and the synced clock and moves the chat
   * there if it differs; then plans one timer for the next moment a room
   * changes by itself. Every state change re-plans it, so an extended or
   * closed round moves the timer without anyone cancelling it by hand.
   */
  #followRoom(): void {
    this.#stopRoomTimer();
    const view = this.#state.view;
    if (!view || this.#status.kind === 'ended') return;
    const now = Math.max(this.clock.serverNow(), this.#roomReachedAt);
    this.#room = roomOf(view.self.participantId, view.rounds, now, view.lobbies, view.speedDatings);
    if (this.#state.chat && this.#state.chat.roomId !== this.#room) this.#reduce({ type: 'roomChanged', roomId: this.#room });
    const at = earliest(nextRoomChangeAt(view.rounds, now), speedDatingNextChangeAt(view, now));
    if (at === null) return;
    this.#roomTimer = this.#localClock.setTimeout(() => {
      this.#roomTimer = undefined;
      this.#roomReachedAt = at;
      this.#followRoom();
      // Also when the room stays: the closing warning starts at one of these moments.
      this.#notify();
    }, Math.max(0, at - this.clock.serverNow()));
  }

  #stopRoomTimer(): void {
    this.#roomTimer?.();
    this.#roomTimer = undefined;
  }

  #run(effect: PlenaryEffect, attempt: number): void {
    void (effect === 'sync' ? this.#sync(attempt) : this.#chatHistory(attempt));
  }

  async #sync(attempt: number): Promise<void> {
    const reply = await this.#transport.request('state:sync', {});
    if (this.#status.kind === 'ended') return;
    if (reply.ok) {
      this.#onSnapshot(reply.data, 'sync');
      return;
    }
    this.#retryOrGiveUp('sync', attempt, { type: 'syncFailed' });
  }

  async #chatHistory(attempt: number): Promise<void> {
    const reply = await this.#transport.request('chat:history', {});
    if (this.#status.kind === 'ended') return;
    const parsed = reply.ok ? ChatHistory.safeParse(reply.data) : null;
    if (parsed?.success) {
      // At the very moment of a room change the server may still have answered for the
      // previous room (its clock read a hair before ours): ask again rather than show an empty chat.
      const wanted = this.#state.chat?.roomId;
      if (wanted !== undefined && parsed.data.roomId !== wanted && attempt + 1 < SYNC_ATTEMPTS && this.#transport.connected) {
        this.#after(backoff(attempt), () => this.#run('chatHistory', attempt + 1));
        return;
      }
      this.#dispatch({ type: 'chatHistory', history: parsed.data });
      return;
    }
    this.#retryOrGiveUp('chatHistory', attempt, { type: 'chatHistoryFailed' });
  }

  /** Retries while connected; otherwise the snapshot after reconnecting settles everything. */
  #retryOrGiveUp(effect: PlenaryEffect, attempt: number, giveUp: PlenaryAction): void {
    if (attempt + 1 < SYNC_ATTEMPTS && this.#transport.connected) {
      this.#after(backoff(attempt), () => this.#run(effect, attempt + 1));
    } else {
      this.#dispatch(giveUp);
    }
  }

  #retryConnect(): void {
    const delay = backoff(this.#reconnectAttempt++);
    this.#after(delay, () => {
      if (this.#status.kind !== 'ended' && !this.#transport.connected) this.#transport.connect();
    });
  }

  #after(ms: number, fn: () => void): void {
    const dispose = this.#localClock.setTimeout(() => {
      this.#timers.delete(dispose);
      fn();
    }, ms);
    this.#timers.add(dispose);
  }

  #end(reason: EndReason): void {
    if (this.#status.kind === 'ended') return;
    this.#status = { kind: 'ended', reason };
    this.clock.stop();
    this.#stopRoomTimer();
    for (const t of this.#timers) t();
    this.#timers.clear();
    this.#transport.disconnect();
    this.#notify();
  }

  /** Same kind again is no change: a reconnecting status keeps its first `since`. */
  #setStatus(status: SessionStatus): void {
    if (this.#status.kind === 'ended' || this.#status.kind === status.kind) return;
    this.#status = status;
    this.#notify();
  }

  #reconnectingSince(): number {
    return this.#status.kind === 'reconnecting' ? this.#status.since : this.#localClock.now();
  }

  #isQuiet(): boolean {
    const countdown = this.#state.view?.countdown;
    if (!countdown || isCountdownPaused(countdown)) return true;
    const left = countdownRemainingMs(countdown, this.clock.serverNow());
    return left === 0 || left > QUIET_MARGIN_MS;
  }

  #notify(): void {
    for (const l of this.#listeners) l();
  }
}

/** The earlier of two moments, either of which may be absent. */
function earliest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function backoff(attempt: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt);
}

