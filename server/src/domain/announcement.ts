import type { Announcement } from '@mashup/shared';
import type { DomainContext } from './context.js';
import { UNCHANGED, type Unchanged } from './context.js';

/** A new announcement replaces the current one; every client shows it until dismissed locally. */
export function post(text: string, by: string, ctx: DomainContext): Announcement {
  return { id: ctx.newId(), text, postedAt: ctx.now, by };
}

export function clear(current: Announcement | null): null | Unchanged {
  return current === null ? UNCHANGED : null;
}
