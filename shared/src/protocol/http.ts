/** Bodies and replies of the HTTP API (`/api/...`). */
import { z } from 'zod';
import { LIMITS } from './limits.js';
import { EventInfo, Language, Role } from './model.js';

const trimmed = (max: number) => z.string().trim().max(max);

export const CreateEventBody = z
  .object({
    title: trimmed(LIMITS.titleMax).min(1),
    description: trimmed(LIMITS.descriptionMax).default(''),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    language: Language.default('de'),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });
export type CreateEventBody = z.input<typeof CreateEventBody>;

export const CreateEventReply = z.object({
  event: EventInfo,
  /** Secret: whoever holds it joins as host. Shown once to the creator. */
  hostLink: z.string(),
  participantLink: z.string(),
});
export type CreateEventReply = z.infer<typeof CreateEventReply>;

/** Join codes are short, unambiguous (no 0/O, 1/I/L) and case-insensitive. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JoinCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJKMNP-Z2-9]{6}$/);

export const JoinBody = z.object({
  name: trimmed(LIMITS.nameMax).min(1),
  org: trimmed(LIMITS.orgMax).default(''),
  /** The secret from a host link; grants the host role. */
  hostKey: z.string().max(128).optional(),
  /** A token from an earlier join on this device: rejoin as the same participant. */
  token: z.string().max(1024).optional(),
});
export type JoinBody = z.input<typeof JoinBody>;

export const JoinReply = z.object({
  token: z.string(),
  participantId: z.string(),
  role: Role,
  event: EventInfo,
});
export type JoinReply = z.infer<typeof JoinReply>;

/** Reply of `GET /api/events/:code`: what anyone with the code may see before joining. */
export const EventReply = z.object({ event: EventInfo });
export type EventReply = z.infer<typeof EventReply>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  store: z.object({ kind: z.enum(['memory', 'redis']), reachable: z.boolean() }),
  media: z.enum(['mesh', 'sfu']),
  protocolVersion: z.number(),
  uptimeS: z.number(),
});
export type Health = z.infer<typeof Health>;
