/**
 * Uploaded files (slide images, videos) on disk under DATA_DIR, served at
 * `/media/...`. Layout: `events/<eventId>/decks/<deckId>/<n>.webp` and
 * `events/<eventId>/videos/<videoId>.<ext>`. Several server processes must
 * share DATA_DIR (a volume); the store only holds the metadata.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function safe(id: string): string {
  // Ids come from our own randomUUID(), but never let one walk out of DATA_DIR.
  if (!SAFE_ID.test(id)) throw new Error(`unsafe file id ${JSON.stringify(id)}`);
  return id;
}

export class FileStore {
  constructor(readonly root: string) {}

  deckDir(eventId: string, deckId: string): string {
    return join(this.root, 'events', safe(eventId), 'decks', safe(deckId));
  }

  deckUrl(eventId: string, deckId: string, file: string): string {
    return `/media/events/${safe(eventId)}/decks/${safe(deckId)}/${file}`;
  }

  videoDir(eventId: string, videoId: string): string {
    return join(this.root, 'events', safe(eventId), 'videos', safe(videoId));
  }

  videoUrl(eventId: string, videoId: string, file: string): string {
    return `/media/events/${safe(eventId)}/videos/${safe(videoId)}/${file}`;
  }

  /** A fresh folder for work in progress; `commit` moves it into place in one rename, so readers never see half a deck. */
  async staging(name: string): Promise<string> {
    const dir = join(this.root, 'staging', `${safe(name)}`);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  async commit(stagingDir: string, finalDir: string): Promise<void> {
    await mkdir(join(finalDir, '..'), { recursive: true });
    await rename(stagingDir, finalDir);
  }

  async discard(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }

  removeDeck(eventId: string, deckId: string): Promise<void> {
    return this.discard(this.deckDir(eventId, deckId));
  }

  removeVideo(eventId: string, videoId: string): Promise<void> {
    return this.discard(this.videoDir(eventId, videoId));
  }
}
