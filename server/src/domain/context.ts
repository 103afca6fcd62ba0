/**
 * What a pure domain function may know about the world. Passing these in keeps
 * the rules deterministic under test (fake time, predictable ids).
 */
export interface DomainContext {
  now: number;
  newId: () => string;
}

/** Returned by an update function that decides nothing changes: no write, no sequence number. */
export const UNCHANGED: unique symbol = Symbol('unchanged');
export type Unchanged = typeof UNCHANGED;
