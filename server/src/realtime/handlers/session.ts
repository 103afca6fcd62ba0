/** clock:ping, state:sync, chat:history, profile:update. */
import { participantView } from '../../domain/records.js';
import * as participants from '../../domain/participants.js';
import { refuse } from '../../domain/errors.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';
import { locate } from '../room-routing.js';
import { buildSnapshot } from '../snapshot.js';

export function sessionHandlers(deps: FeatureDeps) {
  const clockPing: Handler<'clock:ping'> = async (_ctx, { t0 }) => ({ t0, serverNow: deps.clock.now() });

  const stateSync: Handler<'state:sync'> = async ({ eventId, actor }) => {
    const event = (await deps.store.getEvent(eventId)) ?? refuse('event.not_found', 'This event no longer exists.');
    return buildSnapshot(deps.store, event, actor, deps.clock.now());
  };

  /** The history of the room the participant is in now: a client that changed rooms asks for it. */
  const chatHistory: Handler<'chat:history'> = async ({ eventId, actor }) => {
    const { roomId } = await locate(deps.store, eventId, actor.id, deps.clock.now());
    return deps.store.chatHistory(eventId, roomId);
  };

  const profileUpdate: Handler<'profile:update'> = async ({ eventId, actor }, profile) => {
    const change = await deps.store.updateParticipant(eventId, actor.id, (cur) =>
      participants.updateProfile(cur, profile),
    );
    if (change.seq !== null) {
      deps.broadcast.patch(eventId, change.seq, { type: 'participant', participant: participantView(change.value!) });
    }
    return {};
  };

  return {
    'clock:ping': clockPing,
    'state:sync': stateSync,
    'chat:history': chatHistory,
    'profile:update': profileUpdate,
  };
}
