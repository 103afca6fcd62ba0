/**
 * When the countdown display speaks: on crossing into the last minute and on
 * reaching zero — crossings only, never the state someone finds on arrival
 * (a late joiner sees the digits; the live region is for changes).
 */
export const WARNING_MS = 60_000;

export type CountdownCue = 'lastMinute' | 'over' | null;

export function countdownCue(before: number, now: number): CountdownCue {
  if (before > 0 && now === 0) return 'over';
  if (before > WARNING_MS && now <= WARNING_MS && now > 0) return 'lastMinute';
  return null;
}
