/**
 * The clock port: every timer the client starts goes through one of these, so
 * whoever starts a timer can dispose it and tests can drive time by hand.
 */
export type Disposer = () => void;

export interface Clock {
  /** Local wall-clock milliseconds (Date.now in the browser). */
  now(): number;
  setTimeout(fn: () => void, ms: number): Disposer;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const id = globalThis.setTimeout(fn, ms);
    return () => globalThis.clearTimeout(id);
  },
};
