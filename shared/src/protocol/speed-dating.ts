/**
 * Speed dating (PROTOCOL section 13): timed rounds of 1:1 video pairs (one
 * trio when the count is odd) that never repeat a pair in an event. One
 * session is one stored document: its schedule, rules, who sits out which
 * round, the topics people chose, and the groups of every round computed so
 * far. Like workshop rounds and lobbies nothing about rooms is stored: who is
 * where follows from the schedule and the groups (rule S2), so all pairs
 * switch at the same server time without a server timer.
 *
 * Marks ("in Kontakt bleiben") and contact details are private: they are
 * never in the snapshot or a patch, only in the answer to the person's own
 * `speeddating:contacts` (rule S7).
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';

const id = z.string().min(1).max(64);

/** A round's groups: pairs, one trio when the count is odd; a group of one only when nobody else was there. */
export const SpeedDatingRound = z.object({
  groups: z.array(z.array(z.string())),
  /** Pairs in this round that broke a rule because no pairing by the rules existed (for the host). */
  relaxed: z.object({ repeated: z.number().int(), sameMunicipality: z.number().int() }),
});
export type SpeedDatingRound = z.infer<typeof SpeedDatingRound>;

export const SpeedDatingRules = z
  .object({
    /** Pairs from different municipalities (participant `org`) whenever the people present allow it. */
    differentMunicipality: z.boolean().default(true),
    /** Prefer pairs who chose a common topic. */
    matchByTopics: z.boolean().default(false),
  })
  .strict();
export type SpeedDatingRules = z.output<typeof SpeedDatingRules>;

export const SpeedDating = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  roundMs: z.number().int(),
  breakMs: z.number().int(),
  /** Number of rounds. */
  rounds: z.number().int(),
  rules: z.object({ differentMunicipality: z.boolean(), matchByTopics: z.boolean() }),
  /** Topics people may choose from (e.g. the AEGs); empty: no topic choice. */
  topics: z.array(z.string()),
  /** Conversation starters; round i shows `starters[i % length]`; empty: none. */
  starters: z.array(z.string()),
  /** Server time round 1 starts; null: prepared, not started. */
  startAt: z.number().nullable(),
  /** Server time a host ended the session before its last round ended; null otherwise. */
  stoppedAt: z.number().nullable(),
  /** Groups of rounds 0 … k, computed at the start and again for rounds not yet begun whenever who takes part changes (rule S3). */
  pairings: z.array(SpeedDatingRound),
  /**
   * Who took part when the rounds not yet begun were last planned: connected,
   * not hosts (rule S3). Sitting out a round, or being in a workshop room when
   * a round begins, is on top of this.
   */
  takers: z.array(z.string()),
  /** Participant id → round indices (0-based) they sit out. */
  sitOut: z.record(z.string(), z.array(z.number().int())),
  /** Participant id → the topics they chose. */
  chosen: z.record(z.string(), z.array(z.string())),
});
export type SpeedDating = z.infer<typeof SpeedDating>;

export const SpeedDatingInput = z
  .object({
    /** Absent: a new session. Present: replaces that session's settings (only before it starts). */
    speedDatingId: id.optional(),
    title: z.string().trim().min(1).max(LIMITS.titleMax),
    roundMs: z.number().int().min(LIMITS.speedDatingRoundMsMin).max(LIMITS.speedDatingRoundMsMax),
    breakMs: z.number().int().min(0).max(LIMITS.breakMsMax).default(0),
    rounds: z.number().int().min(1).max(LIMITS.speedDatingRoundsMax),
    rules: SpeedDatingRules.default({ differentMunicipality: true, matchByTopics: false }),
    topics: z.array(z.string().trim().min(1).max(LIMITS.tagMax)).max(LIMITS.speedDatingTopicsMax).default([]),
    starters: z
      .array(z.string().trim().min(1).max(LIMITS.speedDatingStarterMax))
      .max(LIMITS.speedDatingRoundsMax)
      .default([]),
  })
  .strict();
export type SpeedDatingInput = z.input<typeof SpeedDatingInput>;

/** What a person shares with those who marked them back; both optional, at least one to be useful. */
export const SpeedDatingContact = z
  .object({
    email: z.union([z.literal(''), z.string().trim().max(LIMITS.emailMax).pipe(z.email())]).default(''),
    phone: z
      .string()
      .trim()
      .max(LIMITS.phoneMax)
      .regex(/^[0-9+()/ .-]*$/, 'digits, spaces and + ( ) / . - only')
      .default(''),
  })
  .strict();
export type SpeedDatingContact = z.output<typeof SpeedDatingContact>;

/** One person one has met, as `speeddating:contacts` tells it. */
export const SpeedDatingPartner = z.object({
  participantId: z.string(),
  name: z.string(),
  org: z.string(),
  /** This person marked them. */
  marked: z.boolean(),
  /** Both marked each other: their contact details are here, and in the vCard. */
  mutual: z.boolean(),
  email: z.string(),
  phone: z.string(),
});
export type SpeedDatingPartner = z.infer<typeof SpeedDatingPartner>;

export const SpeedDatingContacts = z.object({
  /** Everyone one was grouped with in rounds that began, in order of first meeting. */
  partners: z.array(SpeedDatingPartner),
  /** One's own contact details as saved (empty strings: none). */
  contact: z.object({ email: z.string(), phone: z.string() }),
  /** vCard 4.0 (RFC 6350) of the mutual contacts; empty when there are none. */
  vcard: z.string(),
});
export type SpeedDatingContacts = z.infer<typeof SpeedDatingContacts>;
