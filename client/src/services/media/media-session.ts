/**
 * The tab's audio and video, following the participant through the rooms
 * (rule M1): whenever the event session's room changes (a round opens, the
 * closing warning ends, a host visits a room) or the connection comes back,
 * it leaves the old room's media, tears the plane session down and joins the
 * new room with `media:join` — the same steps for every move, so every move
 * works the same. Local capture stays open across moves.
 *
 * It also keeps the person's toggles (off by default, remembered on the
 * device), asks the server before sending (`media:state`: rights and the mesh
 * limit), and samples audio levels for the speaking marks and the large tile.
 */
import {
  MEDIA_OFF,
  mediaRights,
  mediaRoomKind,
  liveRound,
  pkNextStageChangeAt,
  workshopMembers,
  PLENARY_ROOM,
  type Ack,
  type MediaJoinReply,
  type MediaPeer,
  type MediaPeersPush,
  type MediaState,
  type SignalFromPeer,
} from '@mashup/shared';
import { systemClock, type Clock, type Disposer } from '../clock.js';
import type { EventSession } from '../event-session.js';
import type { DeviceStore } from '../storage.js';
import { captureErrorName, trackConstraints } from './devices.js';
import { LevelMeter } from './level-meter.js';
import { MeshSession } from './mesh-session.js';
import { activeSpeaker, isSpeaking, NO_SPEAKER, type SpeakerState } from '../../state/active-speaker.js';
import { gridLayout, largeCameras } from '../../state/media-grid.js';
import {
  DEFAULT_DEVICE_PREFERENCES,
  type DevicePreferences,
  type LocalTracks,
  type MediaBlock,
  type MediaControls,
  type MediaTile,
  type MediaView,
  type PlaneSession,
} from './types.js';

/** What the session needs of the browser's capture API (tests pass a fake). */
export interface CapturePort {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia(constraints: DisplayMediaStreamOptions): Promise<MediaStream>;
}

/** Builds the plane session a join reply asks for (the SFU one is loaded only when needed). */
export type PlaneFactory = (reply: MediaJoinReply, session: EventSession) => Promise<PlaneSession>;

export interface MediaSessionOptions {
  session: EventSession;
  store: DeviceStore;
  capture: CapturePort | undefined;
  planes?: PlaneFactory;
  log?: Pick<Console, 'warn'>;
  /** Timers (the stage's next change); tests pass a manual clock. */
  clock?: Clock;
}

/** A join refused with media.wrong_room is asked again every 250 ms for up to 2.5 s: clock offsets are tens of ms. */
const WRONG_ROOM_RETRY_MS = 250;
const WRONG_ROOM_RETRIES = 10;
/**
 * Rights change at scheduled moments (a talk ends or begins) that this tab
 * meets by its estimate of the server's clock; the server judges `media:state`
 * by its own clock, which can be a few ms behind that estimate, and then keeps
 * the old rights. So while the two disagree, the tab asks again every 250 ms
 * for up to 2 s (a busy machine's clock offsets are tens of ms).
 */
const RIGHTS_RECHECK_MS = 250;
const RIGHTS_RECHECKS = 8;
/** How often audio levels are read for the speaking marks. */
const LEVEL_SAMPLE_MS = 200;

const sendsAny = (s: MediaState) => s.audio || s.video || s.screen;

export const defaultPlanes: PlaneFactory = async (reply, session) => {
  if (reply.plane === 'sfu') {
    const { SfuSession } = await import('./sfu-session.js');
    return SfuSession.start(reply, session.transport);
  }
  return new MeshSession({
    selfPeerId: reply.self.peerId,
    mayPublish: reply.self.mayPublish,
    iceServers: reply.iceServers,
    signal: (to, body) => session.transport.request('media:signal', { to, ...body } as never),
  });
};

export class MediaSession implements MediaControls {
  readonly #session: EventSession;
  readonly #store: DeviceStore;
  readonly #capture: CapturePort | undefined;
  readonly #planes: PlaneFactory;
  readonly #log: Pick<Console, 'warn'>;
  readonly #clock: Clock;
  /** Fires when the Pecha Kucha schedule changes who is on stage (a talk ends or begins by itself). */
  #stageTimer: Disposer | null = null;
  /** A join the server refused as too early (see #join), asked again. */
  #retryTimer: Disposer | null = null;
  /** Rights the server judged before its clock reached the moment they change (RIGHTS_RECHECK_MS), asked again. */
  #rightsTimer: Disposer | null = null;
  #rightsRechecks = 0;
  readonly #listeners = new Set<() => void>();
  readonly #disposers: Disposer[] = [];
  #prefs: DevicePreferences;
  #tracks: LocalTracks = { mic: null, camera: null, screen: null };
  #plane: PlaneSession | null = null;
  #planeOff: Disposer | null = null;
  #self: MediaPeer | null = null;
  #peers = new Map<string, MediaPeer>();
  #room: string | null = null;
  /** Signals that arrived while joining, before the plane session existed. */
  #early: SignalFromPeer[] = [];
  /** The room a join is under way for, and the socket it was made on (a reconnect is a new tab for the server). */
  #target: { room: string; connected: boolean } | null = null;
  #status: MediaView['status'] = 'idle';
  #block: MediaBlock | null = null;
  #pinned: string | null = null;
  readonly #ownStreams = new Map<'camera' | 'screen' | 'mic', { tracks: MediaStreamTrack[]; stream: MediaStream }>();
  /** The cameras last told to the plane as shown large (M5), as a key: only changes are passed on. */
  #emphasis = '';
  #maxPublishers = 0;
  #speaker: SpeakerState = NO_SPEAKER;
  readonly #meters = new Map<string, { stream: MediaStream; meter: LevelMeter }>();
  #levelTimer: ReturnType<typeof setInterval> | null = null;
  #audioContext: AudioContext | null = null;
  #view: MediaView;
  #disposed = false;
  /** Joins and toggles run one after another: a move must not interleave with a toggle. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(opts: MediaSessionOptions) {
    this.#session = opts.session;
    this.#store = opts.store;
    this.#capture = opts.capture;
    this.#planes = opts.planes ?? defaultPlanes;
    this.#log = opts.log ?? console;
    this.#clock = opts.clock ?? systemClock;
    this.#prefs = opts.store.mediaPreferences() ?? DEFAULT_DEVICE_PREFERENCES;
    this.#view = this.#buildView();
    const t = opts.session.transport;
    this.#disposers.push(
      opts.session.subscribe(() => this.#follow()),
      t.on('media:peers', (push) => this.#onPeers(push)),
      t.on('media:signal', (signal) => this.#onSignal(signal)),
    );
    this.#follow();
  }

  get view(): MediaView {
    return this.#view;
  }

  get preferences(): DevicePreferences {
    return this.#prefs;
  }

  /** Open peer connections or transports of the current room (0 when outside any). */
  get connectionCount(): number {
    return this.#plane?.connectionCount() ?? 0;
  }

  subscribe(listener: () => void): Disposer {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  setMic(on: boolean): Promise<void> {
    return this.#serial(() => this.#toggle({ micOn: on }));
  }

  setCamera(on: boolean): Promise<void> {
    return this.#serial(() => this.#toggle({ cameraOn: on }));
  }

  setScreen(on: boolean): Promise<void> {
    return this.#serial(async () => {
      if (on && !this.#tracks.screen) {
        const stream = await this.#capture?.getDisplayMedia({ video: true, audio: false }).catch((err: unknown) => {
          this.#block = { kind: 'device', source: 'screen', name: captureErrorName(err) };
          return null;
        });
        const track = stream?.getVideoTracks()[0] ?? null;
        if (!track) return this.#changed();
        // The browser's own "stop sharing" button ends the track.
        track.addEventListener('ended', () => void this.setScreen(false));
        this.#tracks = { ...this.#tracks, screen: track };
      } else if (!on) {
        this.#tracks.screen?.stop();
        this.#tracks = { ...this.#tracks, screen: null };
      }
      await this.#publish();
    });
  }

  setAudioOnly(on: boolean): Promise<void> {
    // Audio only: receive no video and send none either (weak connection both ways).
    return this.#serial(() => this.#toggle({ audioOnly: on, ...(on ? { cameraOn: false } : {}) }));
  }

  pin(peerId: string | null): void {
    this.#pinned = peerId;
    this.#changed();
  }

  applyPreferences(prefs: DevicePreferences): Promise<void> {
    return this.#serial(async () => {
      const devicesChanged = prefs.micId !== this.#prefs.micId || prefs.cameraId !== this.#prefs.cameraId;
      if (devicesChanged) this.#stopCapture(); // reopened below with the chosen devices
      await this.#toggle(prefs);
    });
  }

  dispose(): void {
    this.#disposed = true;
    this.#stageTimer?.();
    this.#stageTimer = null;
    this.#retryTimer?.();
    this.#retryTimer = null;
    this.#rightsTimer?.();
    this.#rightsTimer = null;
    for (const d of this.#disposers.splice(0)) d();
    this.#closePlane();
    this.#stopCapture();
    this.#tracks.screen?.stop();
    if (this.#levelTimer) clearInterval(this.#levelTimer);
    void this.#audioContext?.close().catch(() => undefined);
    if (this.#session.status.kind === 'live') void this.#session.transport.request('media:leave', {});
    this.#listeners.clear();
  }

  // ------------------------------------------------------------ rooms

  /** After every session change: is the tab's media still in the participant's room, and may it still send? */
  #follow(): void {
    if (this.#disposed) return;
    this.#planStageTimer();
    const live = this.#session.status.kind === 'live';
    const room = live ? this.#session.roomId : null;
    if (!live) {
      // The server drops a lost socket's media; a reconnect joins afresh.
      if (this.#target?.connected) this.#target = { ...this.#target, connected: false };
      return;
    }
    if (this.#target?.room !== room || !this.#target.connected) {
      this.#target = { room: room!, connected: true };
      void this.#serial(() => this.#join(room!));
      return;
    }
    // Same room: rights may have changed (a talk began or ended, the floor, a role).
    // While a recheck waits (#recheckRights), it is the one to tell the server.
    if (this.#rightsDiffer()) {
      if (this.#rightsTimer) return;
      if (this.#localRights()!.mayPublish && !this.#self!.mayPublish) this.#holdOff();
      void this.#serial(async () => {
        await this.#publish();
        this.#recheckRights();
      });
    } else {
      this.#rightsRechecks = 0;
    }
  }

  /** Whether the rights this tab computes now differ from those the server last gave it. */
  #rightsDiffer(): boolean {
    const rights = this.#localRights();
    const self = this.#self;
    return !!self && !!rights && (rights.mayPublish !== self.mayPublish || rights.mayShare !== self.mayShare);
  }

  /** After telling the server: if it still judged by the old rights, look again shortly (RIGHTS_RECHECK_MS). */
  #recheckRights(): void {
    if (this.#disposed || this.#rightsTimer || !this.#rightsDiffer() || this.#rightsRechecks >= RIGHTS_RECHECKS) return;
    this.#rightsRechecks++;
    this.#rightsTimer = this.#clock.setTimeout(() => {
      this.#rightsTimer = null;
      this.#follow();
    }, RIGHTS_RECHECK_MS);
  }

  /**
   * Nobody's action marks the end of a talk or the start of the next one: the
   * schedule does (rule M2). So the rights are looked at again at that moment;
   * every session change re-plans the timer, so a paused or skipped talk moves it.
   */
  #planStageTimer(): void {
    this.#stageTimer?.();
    this.#stageTimer = null;
    const view = this.#session.state.view;
    if (!view || this.#disposed) return;
    const now = this.#session.clock.serverNow();
    const at = pkNextStageChangeAt(view.pechakucha, now);
    if (at === null) return;
    this.#stageTimer = this.#clock.setTimeout(() => {
      this.#stageTimer = null;
      this.#rightsRechecks = 0; // a new moment: the server gets its rechecks again
      this.#follow();
    }, Math.max(0, at - now));
  }

  async #join(room: string, attempt = 0): Promise<void> {
    if (this.#disposed || this.#target?.room !== room) return;
    this.#retryTimer?.();
    this.#retryTimer = null;
    this.#closePlane();
    this.#status = 'joining';
    this.#changed();
    const reply = await this.#session.transport.request('media:join', { roomId: room, state: this.#wanted() });
    // Moved on meanwhile: the next #follow joins the right room.
    if (this.#disposed || this.#target?.room !== room) return;
    if (!reply.ok) {
      // A move at a scheduled moment (a round's closing ends) can reach the server a few ms
      // before its clock does: it still sees the old room. Ask again shortly, while that lasts.
      if (reply.error.code === 'media.wrong_room' && attempt < WRONG_ROOM_RETRIES) {
        this.#retryTimer = this.#clock.setTimeout(() => {
          this.#retryTimer = null;
          void this.#serial(() => this.#join(room, attempt + 1));
        }, WRONG_ROOM_RETRY_MS);
        return;
      }
      this.#status = 'error';
      this.#log.warn('media: join refused', reply.error.code);
      this.#changed();
      return;
    }
    const data = reply.data;
    this.#room = room;
    this.#self = data.self;
    this.#maxPublishers = data.maxPublishers;
    this.#peers = new Map(data.peers.map((p) => [p.peerId, p]));
    const plane = await this.#planes(data, this.#session);
    if (this.#disposed || this.#target?.room !== room) return plane.close();
    this.#plane = plane;
    this.#emphasis = ''; // a new plane session has been told nothing yet
    this.#planeOff = plane.onChange(() => this.#changed());
    plane.updatePeers([...this.#peers.values()]);
    for (const signal of this.#early.splice(0)) this.#onSignal(signal);
    plane.setAudioOnly(this.#prefs.audioOnly);
    // Asked to send but the server joined us receiving only: say why.
    this.#block = sendsAny(this.#wanted()) && !sendsAny(data.self.state) ? this.#whyNot(data.self) : null;
    if (!sendsAny(data.self.state)) this.#stopCapture();
    else await this.#capture_(data.self.state);
    await plane.setLocalTracks(this.#sending(data.self.state));
    this.#status = 'live';
    this.#changed();
  }

  #onPeers(push: MediaPeersPush): void {
    if (push.roomId !== this.#room) return;
    // The server took this tab out (its media server worker died): join the room again.
    if (this.#self && push.remove.includes(this.#self.peerId)) {
      this.#target = null;
      this.#follow();
      return;
    }
    for (const id of push.remove) this.#peers.delete(id);
    for (const p of push.upsert) {
      if (p.peerId === this.#self?.peerId) {
        const lost = this.#self.mayPublish && !p.mayPublish;
        if (!this.#self.mayPublish && p.mayPublish) this.#holdOff();
        this.#self = p;
        if (this.#plane instanceof MeshSession) this.#plane.setMayPublish(p.mayPublish);
        // The floor was taken back (or a talk ended): stop sending at once.
        if (lost) void this.#serial(() => this.#stopSending());
      } else {
        this.#peers.set(p.peerId, p);
      }
    }
    this.#plane?.updatePeers([...this.#peers.values()]);
    this.#changed();
  }

  #onSignal(signal: SignalFromPeer): void {
    // Peer ids stay the same from room to room: a signal meant for the room this tab left (an
    // answer to an offer of the old link) must not reach the new room's link for that peer —
    // seen as "answer in state stable" and a link stuck connecting after a lobby opened.
    if (this.#plane instanceof MeshSession && signal.roomId === this.#room) this.#plane.handleSignal(signal);
    // A peer already in the room this tab is moving to may offer before our join's reply
    // arrives: keep its signals (the offer and its ICE candidates) for the plane about to be made.
    else if (signal.roomId === this.#target?.room && signal.roomId !== this.#room) this.#early.push(signal);
  }

  #closePlane(): void {
    // Kept: what peers of the room being joined already sent (see #onSignal).
    this.#early = this.#early.filter((signal) => signal.roomId === this.#target?.room);
    this.#planeOff?.();
    this.#planeOff = null;
    this.#plane?.close();
    this.#plane = null;
    this.#room = null;
    this.#self = null;
    this.#peers.clear();
    for (const { meter } of this.#meters.values()) meter.dispose();
    this.#meters.clear();
    this.#status = 'idle';
  }

  // ------------------------------------------------------------ sending

  async #toggle(change: Partial<DevicePreferences>): Promise<void> {
    this.#prefs = { ...this.#prefs, ...change };
    this.#store.saveMediaPreferences(this.#prefs);
    this.#plane?.setAudioOnly(this.#prefs.audioOnly);
    await this.#publish();
  }

  /** Asks the server for the wanted state, opens or stops capture to match, and hands the tracks to the plane. */
  async #publish(): Promise<void> {
    if (!this.#self || !this.#plane) return this.#changed();
    const wanted = this.#wanted();
    if (sendsAny(wanted)) await this.#capture_(wanted);
    const state: MediaState = {
      audio: wanted.audio && this.#tracks.mic !== null,
      video: wanted.video && this.#tracks.camera !== null,
      screen: wanted.screen && this.#tracks.screen !== null,
      audioOnly: wanted.audioOnly,
    };
    const reply: Ack<unknown> = await this.#session.transport.request('media:state', { state });
    if (!reply.ok) {
      this.#block =
        reply.error.code === 'media.limit'
          ? { kind: 'limit', max: Number(reply.error.details?.['max'] ?? this.#maxPublishers) }
          : reply.error.code === 'media.not_allowed'
            ? { kind: 'notAllowed' }
            : this.#block;
      await this.#stopSending();
      return;
    }
    this.#self = { ...this.#self, state };
    if (!state.audio && !state.video) this.#stopCapture();
    if (this.#block?.kind !== 'device') this.#block = null;
    await this.#plane.setLocalTracks(this.#sending(state));
    this.#changed();
  }

  /**
   * A right to send granted while in the room (the floor, one's talk starting)
   * never switches the microphone or camera on by itself: the person does,
   * when ready. The remembered choice on the device is left as it is; it applies
   * again on entering a room.
   */
  #holdOff(): void {
    // Already sending: the person switched on in the moment between the two news of the same grant.
    if (this.#self && sendsAny(this.#self.state)) return;
    this.#prefs = { ...this.#prefs, micOn: false, cameraOn: false };
  }

  async #stopSending(): Promise<void> {
    this.#stopCapture();
    this.#tracks.screen?.stop();
    this.#tracks = { mic: null, camera: null, screen: null };
    if (this.#self) this.#self = { ...this.#self, state: { ...MEDIA_OFF, audioOnly: this.#prefs.audioOnly } };
    await this.#plane?.setLocalTracks(this.#tracks);
    this.#changed();
  }

  /** What the person asked for, as far as the room lets them. */
  #wanted(): MediaState {
    const rights = this.#localRights();
    return {
      audio: this.#prefs.micOn && (rights?.mayPublish ?? false),
      video: this.#prefs.cameraOn && !this.#prefs.audioOnly && (rights?.mayPublish ?? false),
      screen: this.#tracks.screen !== null && (rights?.mayShare ?? false),
      audioOnly: this.#prefs.audioOnly,
    };
  }

  #sending(state: MediaState): LocalTracks {
    return {
      mic: state.audio ? this.#tracks.mic : null,
      camera: state.video ? this.#tracks.camera : null,
      screen: state.screen ? this.#tracks.screen : null,
    };
  }

  /** Opens the microphone and camera the state needs (kept open across room moves). */
  async #capture_(state: MediaState): Promise<void> {
    const open = async (kind: 'audio' | 'video') => {
      const deviceId = kind === 'audio' ? this.#prefs.micId : this.#prefs.cameraId;
      try {
        const stream = await this.#capture!.getUserMedia({ [kind]: trackConstraints(kind, deviceId) });
        return stream.getTracks()[0] ?? null;
      } catch (err) {
        this.#block = { kind: 'device', source: kind === 'audio' ? 'mic' : 'camera', name: captureErrorName(err) };
        return null;
      }
    };
    if (!this.#capture) return;
    if (state.audio && !this.#tracks.mic) this.#tracks = { ...this.#tracks, mic: await open('audio') };
    if (!state.audio && this.#tracks.mic) {
      this.#tracks.mic.stop();
      this.#tracks = { ...this.#tracks, mic: null };
    }
    if (state.video && !this.#tracks.camera) this.#tracks = { ...this.#tracks, camera: await open('video') };
    if (!state.video && this.#tracks.camera) {
      // The camera light goes off when the camera is off (privacy), not just the stream.
      this.#tracks.camera.stop();
      this.#tracks = { ...this.#tracks, camera: null };
    }
  }

  #stopCapture(): void {
    this.#tracks.mic?.stop();
    this.#tracks.camera?.stop();
    this.#tracks = { ...this.#tracks, mic: null, camera: null };
  }

  /** The rights the shared policy gives this tab in its room now (null outside any). */
  #localRights() {
    const view = this.#session.state.view;
    const room = this.#target?.room ?? null;
    if (!view || room === null) return null;
    const now = this.#session.clock.serverNow();
    const live = room === PLENARY_ROOM ? null : liveRound(view.rounds, now);
    const me = view.participants.find((p) => p.id === view.self.participantId);
    return mediaRights({ participantId: view.self.participantId, role: me?.role ?? view.self.role }, room, {
      pechakucha: view.pechakucha,
      rounds: view.rounds,
      floor: view.floor,
      roomSize: live ? workshopMembers(live, room).length : 0,
      now,
    });
  }

  #whyNot(self: MediaPeer): MediaBlock {
    return self.mayPublish ? { kind: 'limit', max: this.#maxPublishers } : { kind: 'notAllowed' };
  }

  // ------------------------------------------------------------ view

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch((err: unknown) => this.#log.warn('media:', err));
    return run;
  }

  #changed(): void {
    if (this.#disposed) return;
    this.#syncMeters();
    this.#render();
  }

  /** A new view for the listeners; the plane hears which cameras it now shows large (M5). */
  #render(): void {
    this.#view = this.#buildView();
    // The same layout the grid draws: a stage (the plenary, a lobby's floor) shows who sends, every other room all its people.
    const stage = this.#room !== null && mediaRoomKind(this.#room) === 'stage';
    const large = largeCameras(gridLayout(this.#view, stage ? 'stage' : 'room'));
    const key = large.join(' ');
    if (this.#plane && key !== this.#emphasis) {
      this.#emphasis = key;
      this.#plane.setEmphasis(large);
    }
    for (const l of this.#listeners) l();
  }

  #tiles(): MediaTile[] {
    const now = performance.now();
    const tiles: MediaTile[] = [];
    const self = this.#self;
    if (self && sendsAny(self.state)) {
      const local = [this.#tracks.mic, this.#tracks.camera].filter((t): t is MediaStreamTrack => t !== null);
      tiles.push({
        peerId: self.peerId,
        participantId: self.participantId,
        self: true,
        stream: this.#ownStream('camera', local),
        screen: this.#ownStream('screen', this.#tracks.screen ? [this.#tracks.screen] : []),
        audio: self.state.audio,
        video: self.state.video,
        speaking: isSpeaking(this.#speaker, self.peerId, now),
      });
    }
    const remotes = this.#plane?.remotes() ?? new Map();
    for (const peer of this.#peers.values()) {
      const media = remotes.get(peer.peerId);
      tiles.push({
        peerId: peer.peerId,
        participantId: peer.participantId,
        self: false,
        stream: media?.stream ?? null,
        screen: peer.state.screen ? (media?.screen ?? null) : null,
        audio: peer.state.audio,
        video: peer.state.video && !this.#prefs.audioOnly,
        speaking: isSpeaking(this.#speaker, peer.peerId, now),
      });
    }
    return tiles;
  }

  /**
   * The same MediaStream for the own tracks until they change: a tile whose
   * srcObject is replaced restarts its video, and the view is rebuilt several
   * times a second while people speak.
   */
  #ownStream(key: 'camera' | 'screen' | 'mic', tracks: MediaStreamTrack[]): MediaStream | null {
    if (tracks.length === 0) {
      this.#ownStreams.delete(key);
      return null;
    }
    const kept = this.#ownStreams.get(key);
    if (kept && kept.tracks.length === tracks.length && kept.tracks.every((t, i) => t === tracks[i])) return kept.stream;
    const stream = new MediaStream(tracks);
    this.#ownStreams.set(key, { tracks, stream });
    return stream;
  }

  #buildView(): MediaView {
    const self = this.#self;
    const tiles = this.#tiles();
    const focus = this.#pinned && tiles.some((t) => t.peerId === this.#pinned) ? this.#pinned : this.#speaker.peerId;
    return {
      roomId: this.#room,
      plane: this.#plane?.plane ?? null,
      status: this.#status,
      mic: this.#prefs.micOn,
      camera: this.#prefs.cameraOn,
      screen: this.#tracks.screen !== null,
      audioOnly: this.#prefs.audioOnly,
      mayPublish: self?.mayPublish ?? false,
      mayShare: self?.mayShare ?? false,
      maxPublishers: this.#maxPublishers,
      block: this.#block,
      tiles,
      focusPeerId: focus && tiles.some((t) => t.peerId === focus) ? focus : null,
      pinnedPeerId: this.#pinned,
    };
  }

  /** One level meter per audible stream (own microphone included); the timer runs while any exists. */
  #syncMeters(): void {
    if (typeof AudioContext === 'undefined') return;
    const streams = new Map<string, MediaStream>();
    if (this.#self && this.#tracks.mic && this.#self.state.audio) streams.set(this.#self.peerId, this.#ownStream('mic', [this.#tracks.mic])!);
    for (const [id, r] of this.#plane?.remotes() ?? []) if (r.stream?.getAudioTracks().length) streams.set(id, r.stream);
    for (const [id, m] of this.#meters) {
      const next = streams.get(id);
      if (!next || next.getAudioTracks()[0] !== m.stream.getAudioTracks()[0]) {
        m.meter.dispose();
        this.#meters.delete(id);
      }
    }
    for (const [id, stream] of streams) {
      if (this.#meters.has(id)) continue;
      this.#audioContext ??= new AudioContext();
      this.#meters.set(id, { stream, meter: new LevelMeter(stream, () => undefined, { context: this.#audioContext }) });
    }
    if (this.#meters.size > 0 && !this.#levelTimer) {
      this.#levelTimer = setInterval(() => this.#sampleLevels(), LEVEL_SAMPLE_MS);
    } else if (this.#meters.size === 0 && this.#levelTimer) {
      clearInterval(this.#levelTimer);
      this.#levelTimer = null;
    }
  }

  #sampleLevels(): void {
    const levels = new Map([...this.#meters].map(([id, m]) => [id, m.meter.level]));
    const before = this.#speaker;
    this.#speaker = activeSpeaker(levels, before, performance.now());
    const speakingChanged = [...levels.keys()].some((id) => isSpeaking(before, id, performance.now()) !== isSpeaking(this.#speaker, id, performance.now()));
    if (speakingChanged || before.peerId !== this.#speaker.peerId) this.#render();
  }
}
