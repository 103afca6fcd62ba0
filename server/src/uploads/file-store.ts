/**
 * Uploaded files (slide images, videos) on disk under DATA_DIR, served at
 * `/media/...`. Layout: `events/<eventId>/decks/<deckId>/<n>.webp` and
 * `events/<eventId>/videos/<videoId>.<ext>`. Several server processes must
 * share DATA_DIR (a volume); the store only holds the metadata.
 */
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
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

  /**
   * Removes staging folders older than `maxAgeMs`: leftovers of a process that
   * died mid-upload. Processes share DATA_DIR, so younger ones may be another
   * process's work in progress and stay.
   */
  async sweepStaging(maxAgeMs: number, now: number): Promise<number> {
    const root = join(this.root, 'staging');
    let names: string[];
    try {
      names = await readdir(root);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    let removed = 0;
    for (const name of names) {
      const dir = join(root, name);
      const info = await stat(dir).catch(() => null); // gone meanwhile: another process swept it
      if (info && now - info.mtimeMs > maxAgeMs) {
        await this.discard(dir);
        removed++;
      }
    }
    return removed;
  }

  async commit(stagingDir: string, finalDir: string): Promise<void> {
    await mkdir(join(finalDir, '..'), { recursive: true });
    await rename(stagingDir, finalDir);
  }

  async discard(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }

  /** The files of one deck under a second id, staged and moved into place like a new deck. */
  async copyDeck(eventId: string, fromId: string, toId: string): Promise<void> {
    const dir = await this.staging(`copy-${safe(toId)}`);
    try {
      await cp(this.deckDir(eventId, fromId), dir, { recursive: true });
      await this.commit(dir, this.deckDir(eventId, toId));
    } finally {
      await this.discard(dir);
    }
  }

  removeDeck(eventId: string, deckId: string): Promise<void> {
    return this.discard(this.deckDir(eventId, deckId));
  }

  removeVideo(eventId: string, videoId: string): Promise<void> {
    return this.discard(this.videoDir(eventId, videoId));
  }
}
