/**
 * The one source of time and timers (STYLE 8). Whatever starts a timer owns the
 * disposer and calls it on shutdown; tests pass a fake clock.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};
