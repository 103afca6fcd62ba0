/** The shared countdown: every command publishes a new schedule, never ticks (rule T1). */
import type { Countdown } from '@mashup/shared';
import * as countdown from '../../domain/countdown.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';

export function countdownHandlers(deps: FeatureDeps) {
  const apply = async (eventId: string, fn: (cur: Countdown | null, now: number) => Countdown | null) => {
    const change = await deps.store.updateDoc(eventId, 'countdown', (cur) => fn(cur, deps.clock.now()));
    deps.broadcast.patch(eventId, change.seq!, { type: 'countdown', countdown: change.value });
    return {};
  };

  const start: Handler<'countdown:start'> = ({ eventId }, { label, durationMs }) => {
    const next = countdown.start(label, durationMs, deps.ctx());
    return apply(eventId, () => next);
  };
  const pause: Handler<'countdown:pause'> = ({ eventId }) => apply(eventId, countdown.pause);
  const resume: Handler<'countdown:resume'> = ({ eventId }) => apply(eventId, countdown.resume);
  const extend: Handler<'countdown:extend'> = ({ eventId }, { deltaMs }) =>
    apply(eventId, (cur, now) => countdown.extend(cur, deltaMs, now));
  const stop: Handler<'countdown:stop'> = ({ eventId }) => apply(eventId, countdown.stop);

  return {
    'countdown:start': start,
    'countdown:pause': pause,
    'countdown:resume': resume,
    'countdown:extend': extend,
    'countdown:stop': stop,
  };
}
