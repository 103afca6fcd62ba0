/**
 * Uploaded media (slide images, videos) served from DATA_DIR/events at
 * `/media/events/...`, so every viewer loads slides from our own origin.
 * Staging folders and anything else in DATA_DIR stay private.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { FileStore } from '../uploads/file-store.js';

export const MEDIA_PREFIX = '/media/events/';

export async function registerMedia(app: FastifyInstance, files: FileStore): Promise<void> {
  const root = join(files.root, 'events');
  try {
    await mkdir(root, { recursive: true });
  } catch (err) {
    // Not fatal: the server still runs its realtime features; uploads will be refused with server.internal.
    app.log.error({ err, dataDir: files.root }, 'DATA_DIR is not writable: uploads and the demo deck will fail');
  }
  await app.register(fastifyStatic, {
    root,
    prefix: MEDIA_PREFIX,
    // The client's static plugin owns reply.sendFile.
    decorateReply: false,
    // Files appear after start-up: look each request up on disk.
    wildcard: true,
    index: false,
    list: false,
    serveDotFiles: false,
    // Video seeking needs Range (206).
    acceptRanges: true,
    // Deck and video ids are never reused, so a URL's content never changes.
    cacheControl: true,
    maxAge: '365d',
    immutable: true,
  });
}
