/** chat:send and reaction:send: what people say and show in the room they are in now (rule B1). */
import { PLENARY_ROOM } from '@mashup/shared';
import { draftMessage } from '../../domain/chat.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';
import { REACTION_FLUSH_MS } from '../reactions.js';
import { cachedLocator, locate } from '../room-routing.js';

// One activity signal per workshop room per process and interval is enough for the hosts' overview.
const ACTIVITY_THROTTLE_MS = 5_000;

export function chatHandlers(deps: FeatureDeps) {
  const locateForReaction = cachedLocator(deps.store, REACTION_FLUSH_MS);
  const lastActivity = new Map<string, number>();
  const signalActivity = (eventId: string, roomId: string, at: number) => {
    if (roomId === PLENARY_ROOM) return;
    const key = `${eventId}\u0000${roomId}`;
    if (at - (lastActivity.get(key) ?? -Infinity) < ACTIVITY_THROTTLE_MS) return;
    lastActivity.set(key, at);
    if (lastActivity.size > 10_000) lastActivity.clear(); // bounded: a long-running process sees many rooms
    deps.broadcast.activity(eventId, roomId, at);
  };

  const send: Handler<'chat:send'> = async ({ eventId, actor }, { text }) => {
    const { roomId, audience } = await locate(deps.store, eventId, actor.id, deps.clock.now());
    const message = await deps.store.appendChat(eventId, draftMessage(actor, roomId, text, deps.ctx()));
    deps.broadcast.chat(eventId, message, audience);
    signalActivity(eventId, roomId, message.at);
    return { message };
  };

  const react: Handler<'reaction:send'> = async ({ eventId, actor }, { kind }) => {
    const { roomId, audience } = await locateForReaction(eventId, actor.id, deps.clock.now());
    deps.reactions.add(eventId, roomId, kind, audience);
    return {};
  };

  return { 'chat:send': send, 'reaction:send': react };
}
