/** Snapshots and people for client tests: one shape, so a new Snapshot field is added in one place. */
import type { ParticipantView, Round, Snapshot, SpeedDating } from '@mashup/shared';

export const person = (id: string, extra: Partial<ParticipantView> = {}): ParticipantView => ({
  id,
  name: `Person ${id}`,
  org: 'Musterstadt',
  role: 'participant',
  connected: true,
  joinedAt: 1,
  ...extra,
});

/** An event with participant p1 (the receiver) and nothing going on. */
export const snapshot = (seq: number, extra: Partial<Snapshot> = {}): Snapshot => ({
  seq,
  serverNow: 1_000_000,
  event: {
    id: 'e1',
    code: 'ABCDEF',
    title: 'MPSC Mashup',
    description: '',
    startsAt: '2025-01-01T08:00:00Z',
    endsAt: '2025-01-01T18:00:00Z',
    language: 'de',
  },
  self: { participantId: 'p1', role: 'participant' },
  participants: [person('p1')],
  hands: [],
  announcement: null,
  countdown: null,
  pechakucha: null,
  videos: [],
  video: null,
  rounds: [],
  results: [],
  spotlight: null,
  floor: [],
  lobbies: [],
  speedDatings: [],
  chat: { roomId: 'plenary', seq: 0, messages: [] },
  ...extra,
});

/** A draft workshop round 'r1' (30 minutes, choose mode, no workshops yet): tests add what they need. */
export const round = (extra: Partial<Round> = {}): Round => ({
  id: 'r1',
  title: 'Runde 1',
  durationMs: 30 * 60_000,
  mode: 'choose',
  createdAt: 1,
  workshops: [],
  seats: {},
  publishedAt: null,
  openedAt: null,
  endsAt: null,
  closingAt: null,
  help: [],
  visits: {},
  pending: [],
  ...extra,
});

/** A prepared speed-dating session 's1' (3 rounds of 3 minutes, 30 s breaks, default rules, not started): tests add what they need. */
export const speedDating = (extra: Partial<SpeedDating> = {}): SpeedDating => ({
  id: 's1',
  title: 'Speed-Dating',
  createdAt: 1,
  roundMs: 180_000,
  breakMs: 30_000,
  rounds: 3,
  rules: { differentMunicipality: true, matchByTopics: false },
  topics: [],
  starters: [],
  startAt: null,
  stoppedAt: null,
  pairings: [],
  takers: [],
  sitOut: {},
  chosen: {},
  ...extra,
});
