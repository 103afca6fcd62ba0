/**
 * What the hosts' round panel shows, as pure functions of the rounds, the
 * people and the synced server time: which assignment strategies apply, the
 * manual board's columns, and the room overview's rows. Components only
 * render these, so the rules are unit-tested without a DOM.
 */
import {
  roundPhase,
  type AssignmentMode,
  type HelpRequest,
  type ParticipantView,
  type ResultsBoard,
  type Round,
  type RoundPhase,
  type Workshop,
} from '@mashup/shared';

export type AssignStrategy = 'balanced' | 'keep' | 'rotate';

/** What breakout:assign does in each mode, first the mode's own way; empty in manual mode (hosts place people). */
export function assignStrategies(round: Round, rounds: readonly Round[]): AssignStrategy[] {
  const earlier = rounds.some((r) => r.id !== round.id && r.openedAt !== null);
  const byMode: Record<AssignmentMode, AssignStrategy[]> = {
    // In choose mode the assignment only fills: it places those who have not chosen in free seats.
    choose: ['balanced'],
    balanced: ['balanced'],
    manual: [],
    // Keeping groups needs a round that took place; until then an even split is the fallback.
    keep: earlier ? ['keep', 'balanced'] : ['balanced'],
    rotate: ['rotate', 'balanced'],
  };
  return byMode[round.mode];
}

/** Whether the round's seats can still change (breakout:move, breakout:assign): until the closing warning starts. */
export function seatsChangeable(phase: RoundPhase): boolean {
  return phase === 'draft' || phase === 'published' || phase === 'open';
}

export interface BoardColumn {
  /** A workshop, or null for "Ohne Workshop". */
  workshop: Workshop | null;
  people: ParticipantView[];
  /** In choose mode: who waits for a seat here, in order. */
  waitlist: ParticipantView[];
  /** Seat limit, or null for "Ohne Workshop". */
  capacity: number | null;
}

/**
 * The manual board: one column per workshop with its seated people, then
 * "Ohne Workshop" with every participant who has no seat and runs no room.
 * Hosts are left out of "Ohne Workshop" (they visit rooms instead), but a
 * host who was seated shows where they sit. People are sorted by name.
 */
export function boardColumns(round: Round, participants: readonly ParticipantView[], locale: string): BoardColumn[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const byId = new Map(participants.map((p) => [p.id, p]));
  const known = (ids: readonly string[]) => ids.map((id) => byId.get(id)).filter((p): p is ParticipantView => p !== undefined);
  const sorted = (people: ParticipantView[]) => people.sort((a, b) => collator.compare(a.name, b.name));
  const placed = new Set<string>();
  const columns: BoardColumn[] = round.workshops.map((w) => {
    const seats = round.seats[w.id] ?? { seated: [], waitlist: [] };
    for (const p of seats.seated) placed.add(p);
    if (w.moderatorId) placed.add(w.moderatorId);
    return { workshop: w, people: sorted(known(seats.seated)), waitlist: known(seats.waitlist), capacity: w.capacity };
  });
  const rest = participants.filter((p) => !placed.has(p.id) && p.role !== 'host');
  return [...columns, { workshop: null, people: sorted([...rest]), waitlist: [], capacity: null }];
}

/** The column a participant sits in: a workshop id, or null. */
export function seatOf(round: Round, participantId: string): string | null {
  return round.workshops.find((w) => round.seats[w.id]?.seated.includes(participantId))?.id ?? null;
}

export interface RoomRow {
  workshop: Workshop;
  seated: number;
  capacity: number;
  help: HelpRequest | null;
  /** Server time of the last chat or results activity in the room, or null. */
  lastActivity: number | null;
}

/**
 * The room overview: occupancy, the open help request and the last activity
 * per workshop. Activity comes from the session's room-activity pushes where
 * known, else from the room's results board's last change — whichever is newer.
 */
export function roomRows(
  round: Round,
  activity: ReadonlyMap<string, number> | Readonly<Record<string, number>> | null,
  results: readonly ResultsBoard[],
): RoomRow[] {
  const pushed = (wid: string): number | undefined => (activity instanceof Map ? activity.get(wid) : (activity as Record<string, number> | null)?.[wid]);
  return round.workshops.map((w) => {
    const board = results.find((b) => b.roundId === round.id && b.workshopId === w.id);
    const times = [pushed(w.id), board?.updatedAt].filter((t): t is number => typeof t === 'number');
    return {
      workshop: w,
      seated: round.seats[w.id]?.seated.length ?? 0,
      capacity: w.capacity,
      help: round.help.find((h) => h.workshopId === w.id) ?? null,
      lastActivity: times.length ? Math.max(...times) : null,
    };
  });
}

/** Open help requests of the live rounds as stable keys, to tell newly arrived ones apart. */
export function helpKeys(rounds: readonly Round[], now: number): Map<string, { round: Round; help: HelpRequest }> {
  const out = new Map<string, { round: Round; help: HelpRequest }>();
  for (const round of rounds) {
    const phase = roundPhase(round, now);
    if (phase !== 'open' && phase !== 'closing') continue;
    for (const help of round.help) out.set(`${round.id}/${help.workshopId}/${help.at}`, { round, help });
  }
  return out;
}

/**
 * The help requests that arrived since the last look: in `current`, not in
 * `seen`, in the order of `current`. Nothing on the first look (`seen` null),
 * so requests already open when a host arrives are shown, not announced.
 */
export function arrivedHelp<T>(seen: ReadonlySet<string> | null, current: ReadonlyMap<string, T>): T[] {
  if (seen === null) return [];
  return [...current.entries()].filter(([key]) => !seen.has(key)).map(([, value]) => value);
}

export interface HelpRow {
  key: string;
  round: Round;
  workshop: Workshop;
  help: HelpRequest;
}

/** The hosts' help banner: open help requests of the live rounds, newest first (a workshop no longer in its round is left out). */
export function openHelpRows(rounds: readonly Round[], now: number): HelpRow[] {
  const rows: HelpRow[] = [];
  for (const [key, { round, help }] of helpKeys(rounds, now)) {
    const workshop = round.workshops.find((w) => w.id === help.workshopId);
    if (workshop) rows.push({ key, round, workshop, help });
  }
  return rows.sort((a, b) => b.help.at - a.help.at || a.key.localeCompare(b.key));
}

/** Where the host is visiting in this round: a workshop id, or null (plenary). */
export function visitOf(round: Round, hostId: string): string | null {
  return round.visits[hostId] ?? null;
}

/** Whole minutes since `at` (rounded down), for "vor 3 Min."; 0 means "gerade eben". */
export function minutesAgo(at: number, now: number): number {
  return Math.max(0, Math.floor((now - at) / 60_000));
}
