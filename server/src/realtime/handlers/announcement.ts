/** Host announcements: one banner for everyone in the event, in every room. */
import * as announcement from '../../domain/announcement.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';

export function announcementHandlers(deps: FeatureDeps) {
  const post: Handler<'announcement:post'> = async ({ eventId, actor }, { text }) => {
    const next = announcement.post(text, actor.name, deps.ctx());
    const change = await deps.store.updateDoc(eventId, 'announcement', () => next);
    deps.broadcast.patch(eventId, change.seq!, { type: 'announcement', announcement: next });
    return {};
  };

  const clear: Handler<'announcement:clear'> = async ({ eventId }) => {
    const change = await deps.store.updateDoc(eventId, 'announcement', (cur) => announcement.clear(cur));
    if (change.seq !== null) deps.broadcast.patch(eventId, change.seq, { type: 'announcement', announcement: null });
    return {};
  };

  return { 'announcement:post': post, 'announcement:clear': clear };
}
