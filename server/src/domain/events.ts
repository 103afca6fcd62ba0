import { JOIN_CODE_ALPHABET, type Language } from '@mashup/shared';
import type { DomainContext } from './context.js';
import type { EventRecord } from './records.js';

export interface EventInput {
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  language: Language;
}

export function newEvent(input: EventInput, code: string, hostKeyHash: string, ctx: DomainContext): EventRecord {
  return { id: ctx.newId(), code, hostKeyHash, createdAt: ctx.now, ...input };
}

/**
 * A 6-character join code from 31 unambiguous characters (~887 million codes):
 * short enough to read out in a call, and the store refuses duplicates.
 */
export function joinCode(randomBytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += JOIN_CODE_ALPHABET[(randomBytes[i] ?? 0) % JOIN_CODE_ALPHABET.length];
  return code;
}
