/**
 * Runtime localization (lit-localize runtime mode). German is the source
 * language written in the code; English templates live in locales/en.ts.
 * The English module is bundled (it is small), so switching never waits for
 * the network and works while the connection is down.
 */
import { configureLocalization } from '@lit/localize';
import type { Language } from '@mashup/shared';
import { templates as en } from '../locales/en.js';
import type { DeviceStore } from '../services/storage.js';

export const SOURCE_LOCALE: Language = 'de';
export const TARGET_LOCALES = ['en'] as const satisfies readonly Language[];

export class LocaleService {
  readonly #store: DeviceStore;
  readonly #set: (locale: string) => Promise<void>;
  readonly #get: () => string;

  /** Configures lit-localize; lit allows this once per page, so main.ts creates the only instance. */
  constructor(store: DeviceStore) {
    this.#store = store;
    const { getLocale, setLocale } = configureLocalization({
      sourceLocale: SOURCE_LOCALE,
      targetLocales: TARGET_LOCALES,
      loadLocale: async () => ({ templates: en }),
    });
    this.#get = getLocale;
    this.#set = setLocale;
  }

  get locale(): Language {
    return this.#get() === 'en' ? 'en' : 'de';
  }

  /** Applies the remembered choice (or the given fallback, e.g. the event's language). */
  async restore(fallback: Language = SOURCE_LOCALE): Promise<void> {
    await this.#apply(this.#store.locale() ?? fallback);
  }

  /** An event's language applies only while the person has not chosen one. */
  async suggest(locale: Language): Promise<void> {
    if (this.#store.locale() === null) await this.#apply(locale);
  }

  /** The person's explicit choice: applied and remembered. */
  async choose(locale: Language): Promise<void> {
    this.#store.saveLocale(locale);
    await this.#apply(locale);
  }

  async #apply(locale: Language): Promise<void> {
    await this.#set(locale);
    document.documentElement.lang = locale;
  }
}
