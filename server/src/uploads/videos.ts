/**
 * Video greetings: an uploaded MP4/WebM becomes a VideoAsset of the event.
 * The file is moved into place first (one rename), then listed in the store;
 * if listing fails, the file goes again.
 */
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { VideoAsset } from '@mashup/shared';
import type { Clock } from '../clock.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { EventStore } from '../store/types.js';
import type { FileStore } from './file-store.js';
import { MIME, type VideoKind } from './sniff.js';

export interface VideoServiceDeps {
  store: EventStore;
  files: FileStore;
  broadcast: Broadcaster;
  clock: Clock;
  newId: () => string;
}

export interface ReceivedVideo {
  /** The uploaded file, inside `work`. */
  path: string;
  kind: VideoKind;
  sizeBytes: number;
  title: string;
  /** The request's staging folder (discarded by the caller afterwards). */
  work: string;
}

export class VideoService {
  constructor(private readonly deps: VideoServiceDeps) {}

  async add(eventId: string, video: ReceivedVideo): Promise<VideoAsset> {
    const { files, store, broadcast, clock } = this.deps;
    const videoId = this.deps.newId();
    const file = `video.${video.kind}`;
    const folder = join(video.work, 'video');
    await mkdir(folder);
    await rename(video.path, join(folder, file));
    await files.commit(folder, files.videoDir(eventId, videoId));
    const asset: VideoAsset = {
      id: videoId,
      title: video.title,
      url: files.videoUrl(eventId, videoId, file),
      mime: MIME[video.kind] as VideoAsset['mime'],
      sizeBytes: video.sizeBytes,
      uploadedAt: clock.now(),
    };
    let change;
    try {
      change = await store.updateDoc(eventId, 'videos', (cur) => [...(cur ?? []), asset]);
    } catch (err) {
      await files.removeVideo(eventId, videoId);
      throw err;
    }
    broadcast.patch(eventId, change.seq!, { type: 'videos', videos: change.value ?? [] });
    return asset;
  }
}
