/**
 * Upload routes: a talk's deck and the event's video greetings. Multipart,
 * authenticated with the session token from join (`Authorization: Bearer`).
 * Who may upload is checked before the body is read; files are streamed to a
 * staging folder, typed by their first bytes and counted as they arrive.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ERROR_CODES, JoinCode, ok, type Deck, type VideoAsset } from '@mashup/shared';
import { z } from 'zod';
import { DomainError, refuse } from '../domain/errors.js';
import type { EventRecord, ParticipantRecord } from '../domain/records.js';
import type { RateLimits } from '../realtime/rate-limits.js';
import type { TokenSigner } from '../session/tokens.js';
import type { EventStore } from '../store/types.js';
import type { DeckService, DeckSource } from '../uploads/decks.js';
import type { FileStore } from '../uploads/file-store.js';
import type { UploadLimits } from '../uploads/limits.js';
import { receiveFile } from '../uploads/receive.js';
import { slideCount } from '../uploads/refusals.js';
import { DECK_IMAGE_KINDS, VIDEO_KINDS, type FileKind, type ImageKind, type VideoKind } from '../uploads/sniff.js';
import type { VideoService } from '../uploads/videos.js';
import { parseOrRefuse } from './errors.js';

export interface UploadRouteDeps {
  store: EventStore;
  signer: TokenSigner;
  limits: RateLimits;
  files: FileStore;
  decks: DeckService;
  videos: VideoService;
  uploadLimits: UploadLimits;
}

const DeckParams = z.object({ code: JoinCode, talkId: z.string().min(1).max(64) });
const VideoParams = z.object({ code: JoinCode });
const BEARER = /^Bearer\s+(\S{1,1024})\s*$/i;
// Text fields are short: an alt text of LIMITS.slideTextMax characters is at most 4 bytes each in UTF-8.
const fieldBytes = (limits: UploadLimits) => limits.slideTextMax * 4;

/** busboy's own parse errors (a body that is not well-formed multipart). */
const BUSBOY_MALFORMED = /^(Unexpected end of multipart data|(Part|Preamble) terminated early|Multipart: Boundary not found|The needle cannot)/;
/** busboy's limits surface as these codes (see @fastify/multipart). */
const MULTIPART_LIMIT_CODES = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

export async function registerUploadRoutes(app: FastifyInstance, deps: UploadRouteDeps): Promise<void> {
  const { uploadLimits: L } = deps;

  // In its own scope: only these routes accept multipart bodies.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: true });

    scope.post('/api/events/:code/talks/:talkId/deck', async (req, reply) => {
      const { code, talkId } = parseOrRefuse(DeckParams, req.params);
      const { event, actor } = await authenticate(deps, req, code);
      await rateLimit(deps, actor);
      const expected = await deps.decks.expectedSlides(event.id, talkId, actor);
      const deck = await withStaging(deps, req, async (work): Promise<Deck> => {
        const source = await receiveDeck(req, work, L, expected);
        return deps.decks.upload(event.id, talkId, actor.id, source, expected);
      });
      req.log.info({ eventId: event.id, talkId, deckId: deck.id, slides: deck.slides.length }, 'deck uploaded');
      return reply.status(201).send(ok({ deck }));
    });

    scope.post('/api/events/:code/videos', async (req, reply) => {
      const { code } = parseOrRefuse(VideoParams, req.params);
      const { event, actor } = await authenticate(deps, req, code);
      if (actor.role !== 'host') refuse('auth.forbidden', 'Only hosts may upload videos.');
      await rateLimit(deps, actor);
      const asset = await withStaging(deps, req, async (work): Promise<VideoAsset> => {
        const video = await receiveVideo(req, work, L);
        return deps.videos.add(event.id, { ...video, work });
      });
      req.log.info({ eventId: event.id, videoId: asset.id, sizeBytes: asset.sizeBytes }, 'video uploaded');
      return reply.status(201).send(ok({ video: asset }));
    });
  });
}

/** The session token names event and participant; the role and removal are read fresh from the store (rule A2). */
export async function authenticate(
  deps: Pick<UploadRouteDeps, 'store' | 'signer'>,
  req: FastifyRequest,
  code: string,
): Promise<{ event: EventRecord; actor: ParticipantRecord }> {
  const header = req.headers.authorization;
  if (!header) return refuse('auth.missing', 'Send the session token as "Authorization: Bearer <token>".');
  const token = BEARER.exec(header)?.[1];
  const claims = token ? deps.signer.verify(token) : null;
  if (!claims) return refuse('auth.invalid', 'This session token is not valid.');
  const event = (await deps.store.findEventByCode(code)) ?? refuse('event.not_found', `No event with code ${code}.`);
  if (claims.eventId !== event.id) return refuse('auth.invalid', 'This session token belongs to another event.');
  const actor = await deps.store.getParticipant(event.id, claims.participantId);
  if (!actor) return refuse('auth.invalid', 'This session is unknown; join again.');
  if (actor.removed) return refuse('auth.removed', 'You were removed from this event by a host.');
  return { event, actor };
}

async function rateLimit(deps: UploadRouteDeps, actor: ParticipantRecord): Promise<void> {
  const retryMs = await deps.limits.consume('httpUpload', actor.id);
  if (retryMs !== null) refuse('rate.limited', `Too many uploads; try again in ${Math.ceil(retryMs / 1000)} s.`);
}

/**
 * A fresh staging folder for one request, removed afterwards whatever happens.
 * On a refusal the rest of the body is read and dropped, as Node does for a
 * body nobody read: the client gets our reply instead of a reset connection.
 */
async function withStaging<T>(deps: UploadRouteDeps, req: FastifyRequest, fn: (work: string) => Promise<T>): Promise<T> {
  if (!req.isMultipart()) refuse('payload.invalid', 'Send the files as multipart/form-data.');
  const work = await deps.files.staging(`upload-${randomUUID()}`);
  try {
    return await fn(work);
  } catch (err) {
    if (!req.raw.complete) {
      req.raw.unpipe();
      req.raw.resume();
    }
    throw multipartError(err);
  } finally {
    await deps.files.discard(work);
  }
}

/** busboy and @fastify/multipart errors as our codes. */
function multipartError(err: unknown): unknown {
  if (err instanceof DomainError || !(err instanceof Error)) return err;
  const code = (err as Error & { code?: string }).code;
  if (code && MULTIPART_LIMIT_CODES.has(code)) {
    return new DomainError(ERROR_CODES.uploadTooLarge, `The upload exceeds a limit (${err.message}).`);
  }
  const status = (err as Error & { statusCode?: number }).statusCode ?? 500;
  if ((code?.startsWith('FST_') && status < 500) || BUSBOY_MALFORMED.test(err.message)) {
    return new DomainError(ERROR_CODES.payloadInvalid, `The multipart body is malformed (${err.message}).`);
  }
  return err;
}

interface UploadedFile<K extends FileKind> {
  path: string;
  kind: K;
}

/** Field `files` (one PDF, or images in slide order) and optional `alt` fields (one per image, same order). */
async function receiveDeck(req: FastifyRequest, work: string, L: UploadLimits, expected: number): Promise<DeckSource> {
  type DeckKind = 'pdf' | ImageKind;
  const received: Array<UploadedFile<DeckKind>> = [];
  const alts: string[] = [];
  const total = { remaining: L.deckMaxBytes, limit: L.deckMaxBytes };
  const parts = req.parts({
    limits: {
      fileSize: Math.max(L.pdfMaxBytes, L.imageMaxBytes),
      files: L.slidesMax,
      fields: L.slidesMax,
      fieldSize: fieldBytes(L),
      parts: 2 * L.slidesMax + 2,
    },
  });
  for await (const part of parts) {
    if (part.type === 'file') {
      if (part.fieldname !== 'files') refuse('payload.invalid', `Unexpected file field "${part.fieldname}"; send the deck as "files".`);
      const path = join(work, `in-${received.length + 1}`);
      const r = await receiveFile<DeckKind>(part.file, path, {
        accept: ['pdf', ...DECK_IMAGE_KINDS],
        maxBytes: (kind) => (kind === 'pdf' ? L.pdfMaxBytes : L.imageMaxBytes),
        total,
        label: `File ${received.length + 1}`,
      });
      if (r) received.push({ path, kind: r.kind });
    } else {
      if (part.fieldname !== 'alt') refuse('payload.invalid', `Unexpected field "${part.fieldname}".`);
      alts.push(textField(part.value, part.valueTruncated, `alt ${alts.length + 1}`, L.slideTextMax));
    }
  }
  if (received.length === 0) return refuse('upload.missing_file', 'No file was sent (field "files").');
  const pdfs = received.filter((f) => f.kind === 'pdf');
  if (pdfs.length > 0) {
    if (received.length > 1) refuse('upload.unsupported_type', 'Send either one PDF or images (PNG, JPEG, WebP), not several files with a PDF.');
    if (alts.length > 0) refuse('payload.invalid', 'Alt texts go with images; a PDF\'s text is read from the PDF.');
    return { kind: 'pdf', file: pdfs[0]!.path };
  }
  if (alts.length > received.length) refuse('payload.invalid', `${alts.length} alt texts for ${received.length} images.`);
  if (received.length !== expected) {
    // Known before any decoding: refuse at once.
    const r = slideCount(received.length, expected);
    throw new DomainError(r.code, r.message, r.details);
  }
  return {
    kind: 'images',
    files: received.map((f, i) => ({ path: f.path, kind: f.kind as ImageKind, alt: alts[i] ?? '' })),
  };
}

/** Field `file` (MP4 or WebM) and field `title`. */
async function receiveVideo(req: FastifyRequest, work: string, L: UploadLimits) {
  let video: (UploadedFile<VideoKind> & { sizeBytes: number; filename: string }) | null = null;
  let title = '';
  const parts = req.parts({ limits: { fileSize: L.videoMaxBytes, files: 1, fields: 1, fieldSize: L.videoTitleMax * 4, parts: 2 } });
  for await (const part of parts) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') refuse('payload.invalid', `Unexpected file field "${part.fieldname}"; send the video as "file".`);
      const path = join(work, 'in-video');
      const r = await receiveFile<VideoKind>(part.file, path, {
        accept: VIDEO_KINDS,
        maxBytes: () => L.videoMaxBytes,
        label: 'The video',
      });
      if (r) video = { path, kind: r.kind, sizeBytes: r.sizeBytes, filename: part.filename };
    } else {
      if (part.fieldname !== 'title') refuse('payload.invalid', `Unexpected field "${part.fieldname}".`);
      title = textField(part.value, part.valueTruncated, 'title', L.videoTitleMax);
    }
  }
  if (!video) return refuse('upload.missing_file', 'No video was sent (field "file").');
  // A missing title must not waste a long upload: the file name stands in.
  const fallback = Array.from(video.filename.replace(/\.[^.]*$/, '').trim()).slice(0, L.videoTitleMax).join('');
  return { path: video.path, kind: video.kind, sizeBytes: video.sizeBytes, title: title || fallback || 'Video' };
}

function textField(value: unknown, truncated: boolean, name: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (truncated || Array.from(text).length > max) refuse('payload.invalid', `${name}: at most ${max} characters.`);
  return text;
}
