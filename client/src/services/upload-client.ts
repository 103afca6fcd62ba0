/**
 * Uploads (decks, videos) as multipart POSTs with upload progress. XHR rather
 * than fetch: fetch reports no upload progress, and a 50 MB PDF on an office
 * line takes long enough that people need to see it move.
 *
 * Every outcome is the protocol's Ack, like the rest of the HTTP API; the
 * server broadcasts the new deck or video as a patch as well, so callers need
 * the reply only for its errors.
 */
import { Deck, ERROR_CODES, VideoAsset, type Ack } from '@mashup/shared';
import { readReply, type Parser } from './api-client.js';
import { failure } from './failure.js';

export type UploadPhase =
  /** Bytes are on their way; `fraction` 0…1 (null when the browser cannot tell). */
  | { phase: 'sending'; fraction: number | null }
  /** All bytes sent; the server checks and converts (a PDF takes a few seconds). */
  | { phase: 'processing' };

export interface UploadOptions {
  onProgress?: (progress: UploadPhase) => void;
  signal?: AbortSignal;
}

/** The part of XMLHttpRequest used here; tests supply a fake. */
export type XhrLike = Pick<
  XMLHttpRequest,
  'open' | 'setRequestHeader' | 'send' | 'abort' | 'status' | 'responseText' | 'upload' | 'onload' | 'onerror' | 'onabort'
>;

export interface DeckImage {
  file: Blob;
  /** Alt text typed by the presenter; becomes the slide's text for screen readers. */
  alt: string;
}

const deckReply: Parser<{ deck: Deck }> = {
  safeParse(value) {
    const obj = typeof value === 'object' && value !== null && 'deck' in value ? value.deck : value;
    const parsed = Deck.safeParse(obj);
    return parsed.success ? { success: true, data: { deck: parsed.data } } : { success: false };
  },
};

/** The contract says `{video}`; a bare asset is read as well. */
const videoReply: Parser<{ video: VideoAsset }> = {
  safeParse(value) {
    const obj = typeof value === 'object' && value !== null && 'video' in value ? value.video : value;
    const parsed = VideoAsset.safeParse(obj);
    return parsed.success ? { success: true, data: { video: parsed.data } } : { success: false };
  },
};

export class UploadClient {
  readonly #newXhr: () => XhrLike;
  readonly #base: string;

  constructor(newXhr: () => XhrLike = () => new XMLHttpRequest(), base = '') {
    this.#newXhr = newXhr;
    this.#base = base;
  }

  /** A PDF (one file) or images in slide order with their alt texts. */
  uploadDeck(
    code: string,
    talkId: string,
    token: string,
    content: { pdf: Blob; name?: string } | { images: DeckImage[] },
    options: UploadOptions = {},
  ): Promise<Ack<{ deck: Deck }>> {
    const form = new FormData();
    if ('pdf' in content) {
      form.append('files', content.pdf, content.name ?? 'deck.pdf');
    } else {
      content.images.forEach((image, i) => form.append('files', image.file, fileName(image.file, `slide-${i + 1}`)));
      for (const image of content.images) form.append('alt', image.alt);
    }
    const path = `/api/events/${encodeURIComponent(code)}/talks/${encodeURIComponent(talkId)}/deck`;
    return this.#post(path, token, form, deckReply, options);
  }

  uploadVideo(code: string, token: string, file: Blob, title: string, options: UploadOptions = {}): Promise<Ack<{ video: VideoAsset }>> {
    const form = new FormData();
    // Text fields first: a streaming multipart parser sees the title before the file.
    form.append('title', title);
    form.append('file', file, fileName(file, 'video'));
    return this.#post(`/api/events/${encodeURIComponent(code)}/videos`, token, form, videoReply, options);
  }

  #post<T>(path: string, token: string, form: FormData, schema: Parser<T>, options: UploadOptions): Promise<Ack<T>> {
    const label = `POST ${path}`;
    return new Promise((resolve) => {
      const xhr = this.#newXhr();
      const abort = () => xhr.abort();
      const done = (ack: Ack<T>) => {
        options.signal?.removeEventListener('abort', abort);
        resolve(ack);
      };
      xhr.open('POST', this.#base + path);
      xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.upload.onprogress = (e) => options.onProgress?.({ phase: 'sending', fraction: e.lengthComputable && e.total > 0 ? e.loaded / e.total : null });
      xhr.upload.onload = () => options.onProgress?.({ phase: 'processing' });
      xhr.onload = () => done(readUploadReply(xhr.status, xhr.responseText, schema, label));
      xhr.onerror = () => done(failure(ERROR_CODES.unavailable, `${label}: network error`));
      xhr.onabort = () => done(failure(ERROR_CODES.unavailable, `${label}: aborted`));
      options.signal?.addEventListener('abort', abort, { once: true });
      options.onProgress?.({ phase: 'sending', fraction: 0 });
      xhr.send(form);
    });
  }
}

/** Like readReply, but a bare 413 (a proxy's body limit) still says "too large". */
export function readUploadReply<T>(status: number, text: string, schema: Parser<T>, label: string): Ack<T> {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const reply = readReply(status, json, schema, label);
  if (!reply.ok && status === 413 && json === undefined) return failure(ERROR_CODES.uploadTooLarge, `${label}: HTTP 413`);
  return reply;
}

function fileName(blob: Blob, fallback: string): string {
  return blob instanceof File && blob.name ? blob.name : fallback;
}
