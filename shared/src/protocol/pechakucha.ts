/**
 * Pecha Kucha blocks and video greetings: the state everyone sees. Both are
 * schedules in server time (rule T1): clients compute the current slide or the
 * video position from their synced clock; nothing ticks over the wire.
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';

export const Slide = z.object({
  /** Served by our server (`/media/...`), never a third-party host. */
  url: z.string(),
  /** Text for screen readers: extracted from the PDF page, or alt text typed by the presenter. */
  text: z.string().max(LIMITS.slideTextMax),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Slide = z.infer<typeof Slide>;

export const Deck = z.object({
  id: z.string(),
  source: z.enum(['pdf', 'images']),
  slides: z.array(Slide),
  uploadedAt: z.number(),
  uploadedBy: z.string(),
});
export type Deck = z.infer<typeof Deck>;

export const Talk = z.object({
  id: z.string(),
  title: z.string(),
  /** A participant who presents (gets the presenter view and may upload), or null for "just a name". */
  presenterId: z.string().nullable(),
  presenterName: z.string(),
  municipality: z.string(),
  deck: Deck.nullable(),
});
export type Talk = z.infer<typeof Talk>;

export const PechaKuchaFormat = z.object({
  slides: z.number().int().min(1).max(LIMITS.slidesMax),
  slideMs: z.number().int().min(LIMITS.slideMsMin).max(LIMITS.slideMsMax),
});
export type PechaKuchaFormat = z.infer<typeof PechaKuchaFormat>;

/** The usual formats; "custom" is any other N × s. */
export const FORMAT_PRESETS = {
  pechakucha: { slides: 20, slideMs: 20_000 },
  ignite: { slides: 20, slideMs: 15_000 },
} as const satisfies Record<string, PechaKuchaFormat>;

/**
 * The running schedule. Talk `talkIndex` started (slide 0) at `startAt`; later
 * talks follow after `breakMs` each, unless `hold` keeps the break going.
 * While paused, everything is frozen at `pausedAt`.
 */
export const PechaKuchaRun = z.object({
  talkIndex: z.number().int().min(0),
  startAt: z.number(),
  pausedAt: z.number().nullable(),
  hold: z.boolean(),
  endedAt: z.number().nullable(),
});
export type PechaKuchaRun = z.infer<typeof PechaKuchaRun>;

export const PechaKuchaBlock = z.object({
  id: z.string(),
  title: z.string(),
  format: PechaKuchaFormat,
  breakMs: z.number().int().min(0).max(LIMITS.breakMsMax),
  talks: z.array(Talk),
  run: PechaKuchaRun.nullable(),
});
export type PechaKuchaBlock = z.infer<typeof PechaKuchaBlock>;

export const VideoAsset = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  mime: z.enum(['video/mp4', 'video/webm']),
  sizeBytes: z.number().int().nonnegative(),
  uploadedAt: z.number(),
});
export type VideoAsset = z.infer<typeof VideoAsset>;

/**
 * What plays for everyone. Playing: position = now − startAt. Paused:
 * position = pausedPositionMs. Clients seek their element to that position
 * and correct drift (rule T2).
 */
export const VideoPlayback = z.object({
  videoId: z.string(),
  startAt: z.number().nullable(),
  pausedPositionMs: z.number().nullable(),
});
export type VideoPlayback = z.infer<typeof VideoPlayback>;

/** Talk as a host sets it up (the deck is attached by uploading). */
export const TalkInput = z
  .object({
    /** Keep an existing talk (and its uploaded deck) by passing its id. */
    id: z.string().min(1).max(64).optional(),
    title: z.string().trim().min(1).max(LIMITS.titleMax),
    presenterId: z.string().min(1).max(64).nullable().default(null),
    presenterName: z.string().trim().max(LIMITS.nameMax).default(''),
    municipality: z.string().trim().max(LIMITS.orgMax).default(''),
  })
  .strict();
export type TalkInput = z.input<typeof TalkInput>;

export const PechaKuchaSetup = z
  .object({
    title: z.string().trim().max(LIMITS.titleMax).default('Pecha Kucha'),
    format: PechaKuchaFormat,
    breakMs: z.number().int().min(0).max(LIMITS.breakMsMax),
    talks: z.array(TalkInput).min(1).max(LIMITS.talksMax),
  })
  .strict();
export type PechaKuchaSetup = z.input<typeof PechaKuchaSetup>;
