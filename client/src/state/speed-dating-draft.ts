/**
 * The hosts' speed-dating set-up form as data (pure): filled from a session
 * (or the defaults for a new one), checked field by field and turned into the
 * `speeddating:save` payload. Topics and conversation starters are typed one
 * per line, the way an organiser pastes them from a list of AEGs.
 */
import { LIMITS, type SpeedDating, type SpeedDatingInput } from '@mashup/shared';
import { splitDuration } from './speed-dating.js';

export interface SpeedDatingDraft {
  /** Set when editing an existing session. */
  speedDatingId?: string;
  title: string;
  /** Round length as typed, in two fields. */
  roundMinutes: string;
  roundSeconds: string;
  rounds: string;
  breakSeconds: string;
  differentMunicipality: boolean;
  matchByTopics: boolean;
  /** One topic per line. */
  topics: string;
  /** One conversation starter per line; round i shows line i (repeating). */
  starters: string;
}

export type SpeedDatingDraftProblem = 'title' | 'roundLength' | 'rounds' | 'break' | 'topics' | 'topicsForMatching' | 'starters';

/** The example: 3-minute rounds; 5 rounds with 30 s to switch fill about 20 minutes. */
export const DEFAULT_ROUND_MS = 3 * 60_000;
export const DEFAULT_ROUNDS = 5;
export const DEFAULT_BREAK_MS = 30_000;

export function draftFromSpeedDating(sd: SpeedDating | null, defaultTitle = 'Speed-Dating'): SpeedDatingDraft {
  const round = splitDuration(sd?.roundMs ?? DEFAULT_ROUND_MS);
  return {
    ...(sd ? { speedDatingId: sd.id } : {}),
    title: sd?.title ?? defaultTitle,
    roundMinutes: String(round.minutes),
    roundSeconds: String(round.seconds),
    rounds: String(sd?.rounds ?? DEFAULT_ROUNDS),
    breakSeconds: String(Math.round((sd?.breakMs ?? DEFAULT_BREAK_MS) / 1000)),
    differentMunicipality: sd?.rules.differentMunicipality ?? true,
    matchByTopics: sd?.rules.matchByTopics ?? false,
    topics: (sd?.topics ?? []).join('\n'),
    starters: (sd?.starters ?? []).join('\n'),
  };
}

/** Non-empty, trimmed lines, each once (the first spelling wins, compared without case). */
export function lines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const key = line.toLocaleLowerCase('de');
    if (line === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return out;
}

function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** Minutes and seconds fields → milliseconds; an empty field counts as 0, anything else not a whole number fails. */
export function parseMinutesSeconds(minutes: string, seconds: string): number | null {
  const m = minutes.trim() === '' ? 0 : wholeNumber(minutes);
  const s = seconds.trim() === '' ? 0 : wholeNumber(seconds);
  if (m === null || s === null || s > 59) return null;
  return (m * 60 + s) * 1000;
}

export function checkSpeedDatingDraft(
  draft: SpeedDatingDraft,
): { ok: true; input: SpeedDatingInput } | { ok: false; problems: SpeedDatingDraftProblem[] } {
  const problems: SpeedDatingDraftProblem[] = [];
  const title = draft.title.trim();
  if (title === '' || title.length > LIMITS.titleMax) problems.push('title');
  const roundMs = parseMinutesSeconds(draft.roundMinutes, draft.roundSeconds);
  if (roundMs === null || roundMs < LIMITS.speedDatingRoundMsMin || roundMs > LIMITS.speedDatingRoundMsMax) problems.push('roundLength');
  const rounds = wholeNumber(draft.rounds);
  if (rounds === null || rounds < 1 || rounds > LIMITS.speedDatingRoundsMax) problems.push('rounds');
  const breakSeconds = wholeNumber(draft.breakSeconds);
  if (breakSeconds === null || breakSeconds * 1000 > LIMITS.breakMsMax) problems.push('break');
  const topics = lines(draft.topics);
  if (topics.length > LIMITS.speedDatingTopicsMax || topics.some((t) => t.length > LIMITS.tagMax)) problems.push('topics');
  else if (draft.matchByTopics && topics.length === 0) problems.push('topicsForMatching');
  const starters = lines(draft.starters);
  if (starters.length > LIMITS.speedDatingRoundsMax || starters.some((t) => t.length > LIMITS.speedDatingStarterMax)) problems.push('starters');
  if (problems.length > 0 || roundMs === null || rounds === null || breakSeconds === null) return { ok: false, problems };
  return {
    ok: true,
    input: {
      ...(draft.speedDatingId ? { speedDatingId: draft.speedDatingId } : {}),
      title,
      roundMs,
      breakMs: breakSeconds * 1000,
      rounds,
      rules: { differentMunicipality: draft.differentMunicipality, matchByTopics: draft.matchByTopics },
      topics,
      starters,
    },
  };
}
