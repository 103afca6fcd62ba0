/**
 * The host's round set-up form as data (pure): filled from a round (or empty
 * for a new one), edited field by field, checked and turned into the
 * `breakout:save` payload. Existing workshops keep their ids, so their seats
 * and results stay with them (PROTOCOL rule B1: seats live on the round).
 */
import { LIMITS, type AssignmentMode, type Round, type RoundInput } from '@mashup/shared';

export interface WorkshopDraft {
  /** Stable key for the form row (the workshop id, or a local one for new rows). */
  key: string;
  /** Set for workshops that exist on the server. */
  id?: string;
  title: string;
  description: string;
  moderatorId: string | null;
  /** Seat limit as typed. */
  capacity: string;
  tag: string;
  /** People already seated: the server refuses a seat limit below this (breakout.capacity_below_seated). */
  seated: number;
}

export interface RoundDraft {
  /** Set when editing an existing round. */
  roundId?: string;
  title: string;
  /** Duration in minutes as typed. */
  minutes: string;
  mode: AssignmentMode;
  workshops: WorkshopDraft[];
}

export type RoundDraftProblem =
  | 'title'
  | 'minutes'
  | 'noWorkshops'
  | 'tooManyWorkshops'
  | { workshop: string; field: 'title' | 'capacity' };

export const DEFAULT_ROUND_MINUTES = 45;
export const DEFAULT_CAPACITY = 10;
const MINUTE_MS = 60_000;
/** breakout:save accepts rounds from one minute on (RoundInput). */
const MIN_MINUTES = 1;
const MAX_MINUTES = LIMITS.roundMaxMs / MINUTE_MS;

export function draftFromRound(round: Round | null, newKey: () => string, defaultTitle = 'Workshoprunde'): RoundDraft {
  if (!round) {
    return {
      title: defaultTitle,
      minutes: String(DEFAULT_ROUND_MINUTES),
      mode: 'choose',
      workshops: [emptyWorkshop(newKey())],
    };
  }
  return {
    roundId: round.id,
    title: round.title,
    minutes: formatMinutes(round.durationMs),
    mode: round.mode,
    workshops: round.workshops.map((w) => ({
      key: w.id,
      id: w.id,
      title: w.title,
      description: w.description,
      moderatorId: w.moderatorId,
      capacity: String(w.capacity),
      tag: w.tag,
      seated: round.seats[w.id]?.seated.length ?? 0,
    })),
  };
}

export function emptyWorkshop(key: string): WorkshopDraft {
  return { key, title: '', description: '', moderatorId: null, capacity: String(DEFAULT_CAPACITY), tag: '', seated: 0 };
}

/** Minutes with a decimal comma or point, between 1 and the longest round; null otherwise. */
export function parseMinutes(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const ms = Math.round(Number(t) * MINUTE_MS);
  return ms >= MIN_MINUTES * MINUTE_MS && ms <= MAX_MINUTES * MINUTE_MS ? ms : null;
}

/** The smallest seat limit a workshop row accepts: 1, or the people already seated there. */
export function minCapacity(w: WorkshopDraft): number {
  return Math.max(1, w.seated);
}

function parseCapacity(w: WorkshopDraft): number | null {
  const t = w.capacity.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= minCapacity(w) && n <= LIMITS.workshopSeatsMax ? n : null;
}

export function checkRoundDraft(draft: RoundDraft): { ok: true; input: RoundInput } | { ok: false; problems: RoundDraftProblem[] } {
  const problems: RoundDraftProblem[] = [];
  const title = draft.title.trim();
  if (title === '' || title.length > LIMITS.titleMax) problems.push('title');
  const durationMs = parseMinutes(draft.minutes);
  if (durationMs === null) problems.push('minutes');
  if (draft.workshops.length === 0) problems.push('noWorkshops');
  if (draft.workshops.length > LIMITS.workshopsMax) problems.push('tooManyWorkshops');
  const workshops: RoundInput['workshops'] = [];
  for (const w of draft.workshops) {
    const wTitle = w.title.trim();
    const capacity = parseCapacity(w);
    if (wTitle === '') problems.push({ workshop: w.key, field: 'title' });
    if (capacity === null) problems.push({ workshop: w.key, field: 'capacity' });
    if (wTitle === '' || capacity === null) continue;
    workshops.push({
      ...(w.id ? { id: w.id } : {}),
      title: wTitle,
      description: w.description.trim(),
      moderatorId: w.moderatorId,
      capacity,
      tag: w.tag.trim(),
    });
  }
  if (problems.length > 0 || durationMs === null) return { ok: false, problems };
  return {
    ok: true,
    input: { ...(draft.roundId ? { roundId: draft.roundId } : {}), title, durationMs, mode: draft.mode, workshops },
  };
}

/** Whether a problem concerns this workshop row and field. */
export function workshopProblem(problems: readonly RoundDraftProblem[], key: string, field: 'title' | 'capacity'): boolean {
  return problems.some((p) => typeof p === 'object' && p.workshop === key && p.field === field);
}

function formatMinutes(ms: number): string {
  const minutes = ms / MINUTE_MS;
  return Number.isInteger(minutes) ? String(minutes) : String(Math.round(minutes * 100) / 100);
}
