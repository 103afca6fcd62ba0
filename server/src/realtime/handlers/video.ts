/** Video greetings: one playback schedule for the whole event, controlled by hosts. */
import type { VideoPlayback } from '@mashup/shared';
import { UNCHANGED, type Unchanged } from '../../domain/context.js';
import * as video from '../../domain/video.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';

export function videoHandlers(deps: FeatureDeps) {
  const apply = async (eventId: string, fn: (cur: VideoPlayback | null, now: number) => VideoPlayback | null | Unchanged) => {
    const change = await deps.store.updateDoc(eventId, 'video', (cur) => fn(cur, deps.clock.now()));
    if (change.seq !== null) deps.broadcast.patch(eventId, change.seq, { type: 'video', video: change.value });
    return {};
  };

  const play: Handler<'video:play'> = async ({ eventId }, { videoId, positionMs }) => {
    const videos = (await deps.store.loadState(eventId)).docs.videos ?? [];
    return apply(eventId, (cur, now) => video.play(cur, videos, videoId, positionMs, now));
  };
  const pause: Handler<'video:pause'> = ({ eventId }) => apply(eventId, video.pause);
  const seek: Handler<'video:seek'> = ({ eventId }, { positionMs }) =>
    apply(eventId, (cur, now) => video.seek(cur, positionMs, now));
  const stop: Handler<'video:stop'> = ({ eventId }) => apply(eventId, (cur) => video.stop(cur));

  const remove: Handler<'video:remove'> = async ({ eventId }, { videoId }) => {
    const change = await deps.store.updateDoc(eventId, 'videos', (cur) => video.removeAsset(cur, videoId));
    deps.broadcast.patch(eventId, change.seq!, { type: 'videos', videos: change.value ?? [] });
    // A removed video that is playing stops for everyone.
    await apply(eventId, (cur) => (cur?.videoId === videoId ? null : UNCHANGED));
    await deps.files.removeVideo(eventId, videoId);
    return {};
  };

  return { 'video:play': play, 'video:pause': pause, 'video:seek': seek, 'video:stop': stop, 'video:remove': remove };
}
