/**
 * Video greetings played for everyone: play, pause and seek publish a new
 * schedule; clients follow it and correct their drift (rule T2).
 */
import { videoPositionMs, type VideoAsset, type VideoPlayback } from '@mashup/shared';
import { UNCHANGED, type Unchanged } from './context.js';
import { refuse } from './errors.js';

/** Plays a video from `positionMs`; without one, a paused video continues where it stopped, another starts at 0. */
export function play(
  current: VideoPlayback | null,
  videos: VideoAsset[],
  videoId: string,
  positionMs: number | undefined,
  now: number,
): VideoPlayback {
  if (!videos.some((v) => v.id === videoId)) refuse('video.not_found', `No video ${videoId}.`);
  const from = positionMs ?? (current?.videoId === videoId ? videoPositionMs(current, now) : 0);
  return { videoId, startAt: now - from, pausedPositionMs: null };
}

export function pause(current: VideoPlayback | null, now: number): VideoPlayback | Unchanged {
  const v = current ?? refuse('video.none', 'No video is playing.');
  if (v.pausedPositionMs !== null) return UNCHANGED;
  return { ...v, startAt: null, pausedPositionMs: videoPositionMs(v, now) };
}

export function seek(current: VideoPlayback | null, positionMs: number, now: number): VideoPlayback {
  const v = current ?? refuse('video.none', 'No video is playing.');
  if (v.pausedPositionMs !== null) return { ...v, pausedPositionMs: positionMs };
  return { ...v, startAt: now - positionMs };
}

export function stop(current: VideoPlayback | null): null | Unchanged {
  return current === null ? UNCHANGED : null;
}

export function removeAsset(videos: VideoAsset[] | null, videoId: string): VideoAsset[] {
  const list = videos ?? [];
  if (!list.some((v) => v.id === videoId)) refuse('video.not_found', `No video ${videoId}.`);
  return list.filter((v) => v.id !== videoId);
}
