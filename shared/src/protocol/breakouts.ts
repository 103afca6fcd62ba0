/**
 * Workshop rounds: parallel breakout rooms, their seats, and their results.
 *
 * Where a person is follows from the round (rule B1): nobody's room is stored
 * on its own, so opening a round for 200 people is one atomic write of one
 * document, and a late joiner or a reconnect computes the same room as
 * everyone else. The round's times are a schedule in server time (rule T1):
 * the 60-second warning and the return to the plenary need no timer anywhere.
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';

const id = z.string().min(1).max(64);

export const ASSIGNMENT_MODES = ['choose', 'balanced', 'manual', 'keep', 'rotate'] as const;
/**
 * choose: participants pick a workshop (seats, waitlist). balanced: random and
 * even. manual: hosts place people (also by CSV import). keep: the groups of an
 * earlier round. rotate: as many new encounters as possible ("World Café").
 */
export const AssignmentMode = z.enum(ASSIGNMENT_MODES);
export type AssignmentMode = z.infer<typeof AssignmentMode>;

export const Workshop = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  /** The participant who runs this room (edits its title, pins results), or null. */
  moderatorId: z.string().nullable(),
  capacity: z.number().int().min(1).max(LIMITS.workshopSeatsMax),
  /** A topic tag such as a working group (AEG); empty when none. */
  tag: z.string(),
});
export type Workshop = z.infer<typeof Workshop>;

/** Seated people in the order they got their seat; the waitlist in the order people joined it. */
export const WorkshopSeats = z.object({
  seated: z.array(z.string()),
  waitlist: z.array(z.string()),
});
export type WorkshopSeats = z.infer<typeof WorkshopSeats>;

export const HelpRequest = z.object({
  workshopId: z.string(),
  by: z.string(),
  at: z.number(),
});
export type HelpRequest = z.infer<typeof HelpRequest>;

/** A CSV row that named nobody who has joined yet: placed when that person joins. */
export const PendingPlacement = z.object({
  name: z.string(),
  org: z.string(),
  workshopId: z.string(),
});
export type PendingPlacement = z.infer<typeof PendingPlacement>;

export const Round = z.object({
  id: z.string(),
  title: z.string(),
  durationMs: z.number().int(),
  mode: AssignmentMode,
  /** Order of rounds in the event (creation order). */
  createdAt: z.number(),
  workshops: z.array(Workshop),
  /** Per workshop id. */
  seats: z.record(z.string(), WorkshopSeats),
  /** Participants can see the round (and, in choose mode, choose) from here on. */
  publishedAt: z.number().nullable(),
  /** Everyone moved into their rooms at this server time. */
  openedAt: z.number().nullable(),
  /** When the round's time is up; the 60-second warning starts then at the latest. */
  endsAt: z.number().nullable(),
  /** A host closed the round early: the warning started at this time. */
  closingAt: z.number().nullable(),
  help: z.array(HelpRequest),
  /** Hosts dropping into a room: participant id → workshop id. */
  visits: z.record(z.string(), z.string()),
  pending: z.array(PendingPlacement),
});
export type Round = z.infer<typeof Round>;

export const RESULT_SECTIONS = ['insights', 'next', 'questions'] as const;
/** "Erkenntnisse", "Nächste Schritte", "Offene Fragen". */
export const ResultSection = z.enum(RESULT_SECTIONS);
export type ResultSection = z.infer<typeof ResultSection>;

export const ResultItem = z.object({
  id: z.string(),
  section: ResultSection,
  text: z.string(),
  by: z.string(),
  at: z.number(),
  /** Raised by every text edit (not by pinning); an edit based on an older version is refused, never silently lost (rule B6). */
  version: z.number().int(),
  pinned: z.boolean(),
});
export type ResultItem = z.infer<typeof ResultItem>;

/** One workshop's results board; stays with the event for the documentation. */
export const ResultsBoard = z.object({
  roundId: z.string(),
  workshopId: z.string(),
  items: z.array(ResultItem),
  updatedAt: z.number(),
});
export type ResultsBoard = z.infer<typeof ResultsBoard>;

/** The board a host shows to everyone on the plenary's results wall. */
export const ResultsSpotlight = z.object({ roundId: z.string(), workshopId: z.string() });
export type ResultsSpotlight = z.infer<typeof ResultsSpotlight>;

const title = z.string().trim().min(1).max(LIMITS.titleMax);
const description = z.string().trim().max(LIMITS.workshopDescriptionMax);

export const WorkshopInput = z
  .object({
    /** Pass the id of an existing workshop to keep its seats and results. */
    id: id.optional(),
    title,
    description: description.default(''),
    moderatorId: id.nullable().default(null),
    capacity: z.number().int().min(1).max(LIMITS.workshopSeatsMax),
    tag: z.string().trim().max(LIMITS.tagMax).default(''),
  })
  .strict();
export type WorkshopInput = z.input<typeof WorkshopInput>;

export const RoundInput = z
  .object({
    /** Absent: a new round. Present: replaces the definition of that round (not while it is open). */
    roundId: id.optional(),
    title,
    durationMs: z.number().int().min(60_000).max(LIMITS.roundMaxMs),
    mode: AssignmentMode,
    workshops: z.array(WorkshopInput).min(1).max(LIMITS.workshopsMax),
  })
  .strict();
export type RoundInput = z.input<typeof RoundInput>;

/** The part of the round's seats that changed: a choose or leave does not resend every room. */
export const SeatsPatch = z.object({ roundId: z.string(), seats: z.record(z.string(), WorkshopSeats) });

/**
 * Reply of `POST /api/events/:code/rounds/:roundId/placements` (CSV
 * pre-assignment): rows seated now, rows kept until that person joins, and a
 * problem per row that was not applied (1-based line of the file).
 */
/** Why a CSV row was not used: the client words it in the host's language from `reason` and `values`. */
export const CSV_PROBLEMS = [
  'name_missing',
  'workshop_missing',
  'workshop_unknown',
  'workshop_ambiguous',
  'name_ambiguous',
  'duplicate',
  'full',
  'moderator',
] as const;
export const CsvProblemReason = z.enum(CSV_PROBLEMS);
export type CsvProblemReason = z.infer<typeof CsvProblemReason>;

export const CsvProblem = z.object({
  line: z.number().int(),
  reason: CsvProblemReason,
  /** name, org, workshop, count, earlierLine, capacity — whichever the reason needs. */
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The same in English, for logs and API users. */
  message: z.string(),
});
export type CsvProblem = z.infer<typeof CsvProblem>;

export const PlacementsReply = z.object({
  placed: z.number().int(),
  pending: z.number().int(),
  problems: z.array(CsvProblem),
});
export type PlacementsReply = z.infer<typeof PlacementsReply>;

/**
 * Opening, extending or closing a round changes only its times (and clears
 * help requests on open): this patch carries just those, ~150 bytes instead of
 * the whole round with every seat (~12 KB for 200 people), because it goes to
 * every client of the event at once (bench:breakouts measured the full round
 * to 1,000 clients at ~100 ms p50 on a loaded 2-core machine).
 */
export const RoundSchedulePatch = z.object({
  roundId: z.string(),
  ...Round.pick({ publishedAt: true, openedAt: true, endsAt: true, closingAt: true, help: true }).shape,
});
export type RoundSchedulePatch = z.infer<typeof RoundSchedulePatch>;
