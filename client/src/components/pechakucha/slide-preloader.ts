/**
 * Fetches and decodes slides before they are due, so a switch never waits for
 * the network or the decoder. Holding the decoded Image objects keeps them in
 * the browser's memory cache; the <img> that shows the slide later gets it at
 * once. Which URLs to want comes from `pkPreloadUrls` (state/pechakucha.ts).
 */

/** Loads and decodes one image; rejects when it cannot. */
export type ImageLoader = (url: string) => Promise<unknown>;

export const decodeImage: ImageLoader = (url) => {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  // decode() resolves once the pixels are ready; keep the element referenced meanwhile.
  return image.decode().then(() => image);
};

/** Loaded slides kept besides the wanted ones (the last few, for "previous"). */
const KEEP_EXTRA = 4;

type Entry = { state: 'loading' | 'ready'; value?: unknown } | { state: 'failed' };

export class SlidePreloader {
  readonly #load: ImageLoader;
  readonly #entries = new Map<string, Entry>();
  readonly #onError: (url: string, error: unknown) => void;

  constructor(load: ImageLoader = decodeImage, onError: (url: string, error: unknown) => void = (url, e) => console.warn('mashup: slide preload failed', url, e)) {
    this.#load = load;
    this.#onError = onError;
  }

  /**
   * Starts loading what is wanted and not yet loaded (failed ones are tried
   * again), and forgets the oldest entries no longer wanted.
   */
  want(urls: readonly string[]): void {
    for (const url of urls) {
      const entry = this.#entries.get(url);
      if (entry && entry.state !== 'failed') {
        // Re-insert: Map order is the recency order used when forgetting.
        this.#entries.delete(url);
        this.#entries.set(url, entry);
        continue;
      }
      const loading: Entry = { state: 'loading' };
      this.#entries.delete(url);
      this.#entries.set(url, loading);
      this.#load(url).then(
        (value) => {
          if (this.#entries.get(url) === loading) this.#entries.set(url, { state: 'ready', value });
        },
        (error: unknown) => {
          if (this.#entries.get(url) === loading) this.#entries.set(url, { state: 'failed' });
          this.#onError(url, error);
        },
      );
    }
    const wanted = new Set(urls);
    const others = [...this.#entries.keys()].filter((u) => !wanted.has(u));
    for (const url of others.slice(0, Math.max(0, others.length - KEEP_EXTRA))) this.#entries.delete(url);
  }

  isReady(url: string): boolean {
    return this.#entries.get(url)?.state === 'ready';
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}
