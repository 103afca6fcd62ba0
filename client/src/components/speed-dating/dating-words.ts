/** Words the speed-dating views share: durations as people say them ("3 Minuten", "2:30 Minuten", "45 Sekunden"). */
import { msg, str } from '@lit/localize';
import { splitDuration } from '../../state/speed-dating.js';

export function durationText(ms: number): string {
  const { minutes, seconds } = splitDuration(ms);
  if (minutes === 0) return msg(str`${seconds} Sekunden`, { id: 'speedDating.seconds' });
  if (seconds === 0) return minutes === 1 ? msg('1 Minute', { id: 'speedDating.oneMinute' }) : msg(str`${minutes} Minuten`, { id: 'speedDating.minutes' });
  const ss = String(seconds).padStart(2, '0');
  return msg(str`${minutes}:${ss} Minuten`, { id: 'speedDating.minutesSeconds' });
}
