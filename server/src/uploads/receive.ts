/**
 * Streams one uploaded file to disk while deciding its type from the first
 * bytes and counting its size: a refused file stops the upload at the byte
 * where it became refusable, and nothing is ever held in memory whole.
 */
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../domain/errors.js';
import { SNIFF_BYTES, sniff, type FileKind } from './sniff.js';

export interface ReceiveRules<K extends FileKind> {
  /** Kinds accepted here; anything else is upload.unsupported_type. */
  accept: readonly K[];
  /** Largest size for a file of this kind. */
  maxBytes(kind: K): number;
  /** Shared budget of several files of one request; decremented as bytes arrive. */
  total?: { remaining: number; limit: number };
  /** How the file is named in messages ("File 3"). */
  label: string;
}

export interface Received<K extends FileKind> {
  kind: K;
  sizeBytes: number;
}

/** The stream busboy hands out: `truncated` is set when its own byte limit cut the file. */
type PartStream = Readable & { truncated?: boolean };

/** null for an empty part (a file input left empty still sends one); otherwise what arrived. */
export async function receiveFile<K extends FileKind>(
  stream: PartStream,
  path: string,
  rules: ReceiveRules<K>,
): Promise<Received<K> | null> {
  let head = Buffer.alloc(0);
  let kind: K | null = null;
  let size = 0;

  const decide = (bytes: Buffer): K => {
    const k = sniff(bytes);
    if (!k || !(rules.accept as readonly FileKind[]).includes(k)) {
      throw new DomainError(
        'upload.unsupported_type',
        `${rules.label} is ${k ? `a ${k.toUpperCase()} file` : 'of an unknown type'}; accepted: ${rules.accept.map((a) => a.toUpperCase()).join(', ')}.`,
      );
    }
    return k as K;
  };
  const count = (n: number) => {
    size += n;
    if (kind && size > rules.maxBytes(kind)) throw tooLarge(`${rules.label} is larger than ${mb(rules.maxBytes(kind))}.`);
    if (rules.total) {
      rules.total.remaining -= n;
      if (rules.total.remaining < 0) throw tooLarge(`The files together are larger than ${mb(rules.total.limit)}.`);
    }
  };

  await pipeline(
    stream,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        if (kind === null) {
          // Hold back bytes until there are enough to tell the type.
          head = Buffer.concat([head, chunk]);
          if (head.length < SNIFF_BYTES) continue;
          kind = decide(head);
          count(head.length);
          yield head;
          continue;
        }
        count(chunk.length);
        yield chunk;
      }
      if (kind === null && head.length > 0) {
        kind = decide(head); // a file shorter than SNIFF_BYTES: refused by decide() in practice
        count(head.length);
        yield head;
      }
    },
    createWriteStream(path, { flags: 'wx' }),
  );
  // busboy stops at its own per-file limit and only marks the stream.
  if (stream.truncated) throw tooLarge(`${rules.label} is too large.`);
  return kind === null ? null : { kind, sizeBytes: size };
}

const tooLarge = (message: string) => new DomainError('upload.too_large', message);
const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`);
