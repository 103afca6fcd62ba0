/**
 * Who is speaking, and who gets the large tile, from audio levels (0..1, see
 * services/media/level-meter.ts). Pure: the MediaSession samples the levels and
 * the time and keeps the returned state.
 *
 * Hysteresis on both axes, so the emphasis does not flicker:
 * - level: a peer starts speaking above SPEAK_ON and stops only below SPEAK_OFF;
 * - time: the speaking mark stays SPEAKING_HOLD_MS after the last loud sample
 *   (the pauses between words), and the large tile moves to someone else only
 *   after the current speaker has been quiet for FOCUS_HOLD_MS.
 */

/**
 * Meter level (services/media/level-meter.ts, −60..0 dBFS → 0..1) at which a
 * peer counts as speaking: 0.4 = −36 dBFS. Speech at a laptop or headset
 * microphone reads −30..−15 dBFS (0.5–0.75), a quiet office −50..−45 (0.15–0.25).
 */
export const SPEAK_ON = 0.4;
/** Below this (−42 dBFS) a speaking peer counts as quiet again. */
export const SPEAK_OFF = 0.3;
/** The speaking mark outlasts short pauses between words. */
export const SPEAKING_HOLD_MS = 600;
/** The large tile stays with the last speaker this long after they went quiet. */
export const FOCUS_HOLD_MS = 1_500;

export interface SpeakerState {
  /** peerId → last time (ms) that peer was heard (level above its threshold). */
  heardAt: ReadonlyMap<string, number>;
  /** The active speaker: the large tile unless something is pinned. Stays after silence until someone else speaks. */
  peerId: string | null;
}

export const NO_SPEAKER: SpeakerState = { heardAt: new Map(), peerId: null };

/** Whether a peer counts as speaking at `now`. */
export function isSpeaking(state: SpeakerState, peerId: string, now: number): boolean {
  const at = state.heardAt.get(peerId);
  return at !== undefined && now - at <= SPEAKING_HOLD_MS;
}

/**
 * One sampling step: the levels of all peers present now (peers missing from
 * `levels` are forgotten — they left). Returns the new state.
 */
export function activeSpeaker(levels: ReadonlyMap<string, number>, current: SpeakerState, now: number): SpeakerState {
  const heardAt = new Map<string, number>();
  for (const [peerId, level] of levels) {
    const wasSpeaking = isSpeaking(current, peerId, now);
    const loud = level >= (wasSpeaking ? SPEAK_OFF : SPEAK_ON);
    const last = current.heardAt.get(peerId);
    if (loud) heardAt.set(peerId, now);
    else if (last !== undefined) heardAt.set(peerId, last);
  }
  const next = { heardAt, peerId: current.peerId };
  const present = current.peerId !== null && levels.has(current.peerId);
  const currentLast = present ? heardAt.get(current.peerId!) : undefined;
  // The current speaker keeps the tile while heard within FOCUS_HOLD_MS.
  if (currentLast !== undefined && now - currentLast < FOCUS_HOLD_MS) return next;
  // Otherwise the loudest peer speaking right now takes it (ties: the one heard first in `levels` order).
  let best: string | null = null;
  let bestLevel = -1;
  for (const [peerId, level] of levels) {
    if (heardAt.get(peerId) === now && isSpeaking(next, peerId, now) && level > bestLevel) {
      best = peerId;
      bestLevel = level;
    }
  }
  if (best !== null) return { heardAt, peerId: best };
  // Nobody speaks: the last speaker keeps the tile (a quiet room does not shuffle), unless they left.
  return { heardAt, peerId: present ? current.peerId : null };
}
