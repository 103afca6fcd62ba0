/** chat:send and reaction:send: what people say and show in their room. */
import { draftMessage } from '../../domain/chat.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';

export function chatHandlers(deps: FeatureDeps) {
  const send: Handler<'chat:send'> = async ({ eventId, actor }, { text }) => {
    const message = await deps.store.appendChat(eventId, draftMessage(actor, text, deps.ctx()));
    deps.broadcast.chat(eventId, message);
    return { message };
  };

  const react: Handler<'reaction:send'> = async ({ eventId, actor }, { kind }) => {
    deps.reactions.add(eventId, actor.roomId, kind);
    return {};
  };

  return { 'chat:send': send, 'reaction:send': react };
}
