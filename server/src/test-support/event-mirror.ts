/**
 * What one test client knows about the workshop rounds, lobbies and speed-dating sessions: its snapshot plus the
 * patches it received, applied in sequence order as rule O2 says (buffered;
 * a gap is closed with `state:sync`, so a mirror made after the connection
 * catches up too). Tests ask it where the client is with the
 * same roomOf the real client uses (rule B1), so an assertion on the mirror is
 * an assertion on what the client would show.
 */
import { roomOf, type Lobby, type Patch, type ResultsBoard, type ResultsSpotlight, type Round, type Snapshot, type SpeedDating } from '@mashup/shared';
import type { TestClient } from './harness.js';

export class EventMirror {
  seq = 0;
  rounds: Round[] = [];
  results: ResultsBoard[] = [];
  spotlight: ResultsSpotlight | null = null;
  lobbies: Lobby[] = [];
  speedDatings: SpeedDating[] = [];
  private readonly buffered = new Map<number, Patch>();
  private waiters: Array<{ ready: (m: EventMirror) => boolean; resolve: () => void }> = [];

  constructor(readonly client: TestClient) {
    this.reset(client.snapshot);
    client.socket.on('state:snapshot', (s) => this.reset(s));
    client.socket.on('state:patch', ({ seq, patch }) => {
      if (seq <= this.seq) return;
      this.buffered.set(seq, patch);
      this.drain();
      // A gap: ask for a snapshot, as the real client does (one request at a time).
      if (this.buffered.size > 0 && !this.syncing) void this.sync();
      this.notify();
    });
  }

  private syncing = false;

  private async sync() {
    this.syncing = true;
    try {
      const reply = await this.client.request('state:sync', {});
      if (reply.ok && reply.data.seq > this.seq) this.reset(reply.data);
    } finally {
      this.syncing = false;
    }
    this.drain();
    this.notify();
  }

  private drain() {
    for (let next = this.buffered.get(this.seq + 1); next; next = this.buffered.get(this.seq + 1)) {
      this.buffered.delete(this.seq + 1);
      this.seq += 1;
      this.apply(next);
    }
  }

  get participantId(): string {
    return this.client.participantId;
  }

  /** The room this client is in at server time `now`, computed from its own state. */
  roomAt(now: number): string {
    return roomOf(this.participantId, this.rounds, now, this.lobbies, this.speedDatings);
  }

  round(roundId: string): Round | undefined {
    return this.rounds.find((r) => r.id === roundId);
  }

  lobby(lobbyId: string): Lobby | undefined {
    return this.lobbies.find((l) => l.id === lobbyId);
  }

  speedDating(id: string): SpeedDating | undefined {
    return this.speedDatings.find((s) => s.id === id);
  }

  board(roundId: string, workshopId: string): ResultsBoard | undefined {
    return this.results.find((b) => b.roundId === roundId && b.workshopId === workshopId);
  }

  /** Resolves once the state satisfies `ready` (at once if it already does). */
  until(ready: (m: EventMirror) => boolean): Promise<void> {
    if (ready(this)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ready, resolve }));
  }

  private reset(s: Snapshot) {
    this.seq = s.seq;
    this.rounds = s.rounds;
    this.results = s.results;
    this.spotlight = s.spotlight;
    this.lobbies = s.lobbies;
    this.speedDatings = s.speedDatings;
    for (const seq of [...this.buffered.keys()]) if (seq <= s.seq) this.buffered.delete(seq);
    this.notify();
  }

  private apply(patch: Patch) {
    switch (patch.type) {
      case 'round': {
        const i = this.rounds.findIndex((r) => r.id === patch.round.id);
        if (i >= 0) this.rounds[i] = patch.round;
        else this.rounds.push(patch.round);
        break;
      }
      case 'roundRemoved':
        this.rounds = this.rounds.filter((r) => r.id !== patch.roundId);
        break;
      case 'seats': {
        const r = this.round(patch.roundId);
        if (r) r.seats = { ...r.seats, ...patch.seats };
        break;
      }
      case 'roundSchedule': {
        const { type: _type, roundId, ...times } = patch;
        const i = this.rounds.findIndex((r) => r.id === roundId);
        if (i >= 0) this.rounds[i] = { ...this.rounds[i]!, ...times };
        break;
      }
      case 'results': {
        const { roundId, workshopId } = patch.board;
        this.results = [...this.results.filter((b) => !(b.roundId === roundId && b.workshopId === workshopId)), patch.board];
        break;
      }
      case 'spotlight':
        this.spotlight = patch.spotlight;
        break;
      case 'lobby':
        this.lobbies = [...this.lobbies.filter((l) => l.id !== patch.lobby.id), patch.lobby];
        break;
      case 'lobbyRemoved':
        this.lobbies = this.lobbies.filter((l) => l.id !== patch.lobbyId);
        break;
      case 'speedDating':
        this.speedDatings = [...this.speedDatings.filter((s) => s.id !== patch.speedDating.id), patch.speedDating];
        break;
      case 'speedDatingRemoved':
        this.speedDatings = this.speedDatings.filter((s) => s.id !== patch.speedDatingId);
        break;
      default:
        break; // the rest of the event is not what these tests look at
    }
  }

  private notify() {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      if (w.ready(this)) w.resolve();
      else this.waiters.push(w);
    }
  }
}
