/**
 * Decks, from uploaded files to a talk's slides: render in the deck process
 * into a staging folder, move the folder into place with one rename, then
 * attach the deck to the talk with one compare-and-set. Whatever fails on the
 * way, nothing stays on disk and the store is unchanged; a replaced deck's
 * files go once the new one is attached.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Deck, PechaKuchaBlock } from '@mashup/shared';
import type { Clock } from '../clock.js';
import { DomainError, refuse } from '../domain/errors.js';
import { attachDeck, mayUploadFor } from '../domain/pechakucha.js';
import type { ParticipantRecord } from '../domain/records.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { EventStore } from '../store/types.js';
import type { DeckProcessor } from './deck-processor.js';
import type { DeckJob } from './deck-render.js';
import type { FileStore } from './file-store.js';
import type { UploadLimits } from './limits.js';
import { slideCount } from './refusals.js';

/** What a deck is made from: the job without the fields the service fills in. */
export type DeckSource = SourceOf<DeckJob>;
type SourceOf<J> = J extends unknown ? Omit<J, 'outDir' | 'expectedSlides' | 'textMax'> : never;

export interface DeckServiceDeps {
  store: EventStore;
  files: FileStore;
  broadcast: Broadcaster;
  processor: DeckProcessor;
  clock: Clock;
  newId: () => string;
  limits: UploadLimits;
  log: FastifyBaseLogger;
}

export class DeckService {
  constructor(private readonly deps: DeckServiceDeps) {}

  /**
   * Checked before the request body is read, so a refused upload costs
   * nothing: the block exists, the talk exists, the actor is its presenter
   * or a host. Returns the slide count the block's format needs.
   */
  async expectedSlides(eventId: string, talkId: string, actor: ParticipantRecord): Promise<number> {
    const block = (await this.deps.store.loadState(eventId)).docs.pechakucha;
    if (!block) return refuse('pechakucha.none', 'There is no Pecha Kucha block.');
    if (!mayUploadFor(block, talkId, { id: actor.id, isHost: actor.role === 'host' })) {
      refuse('auth.forbidden', 'Only the presenter of this talk or a host may upload its deck.');
    }
    return block.format.slides;
  }

  /** Renders and attaches; the deck as the talk now has it. */
  async upload(eventId: string, talkId: string, uploadedBy: string, source: DeckSource, expectedSlides: number): Promise<Deck> {
    const deck = await this.build(eventId, source, expectedSlides, uploadedBy);
    await this.attach(eventId, talkId, deck);
    return deck;
  }

  /** Renders a deck and stores its files under a new id; attached to nothing yet. */
  async build(eventId: string, source: DeckSource, expectedSlides: number, uploadedBy: string): Promise<Deck> {
    const { files, processor, limits } = this.deps;
    const deckId = this.deps.newId();
    const out = await files.staging(`deck-${deckId}`);
    try {
      const started = performance.now();
      const result = await processor.run({ ...source, outDir: out, expectedSlides, textMax: limits.slideTextMax } as DeckJob);
      if (!result.ok) throw new DomainError(result.code, result.message, result.details);
      this.deps.log.info(
        { eventId, deckId, source: source.kind, slides: result.slides.length, ms: Math.round(performance.now() - started) },
        'deck rendered',
      );
      // One rename: a reader sees the whole deck or none of it.
      await files.commit(out, files.deckDir(eventId, deckId));
      return {
        id: deckId,
        source: source.kind === 'pdf' ? 'pdf' : 'images',
        slides: result.slides.map((s) => ({
          url: files.deckUrl(eventId, deckId, s.file),
          text: s.text,
          width: s.width,
          height: s.height,
        })),
        uploadedAt: this.deps.clock.now(),
        uploadedBy,
      };
    } finally {
      await files.discard(out); // gone already after a commit; the leftovers of a refusal otherwise
    }
  }

  /** A copy of a built deck under a new id: its own files, so replacing one talk's deck never touches another's. */
  async copy(eventId: string, deck: Deck): Promise<Deck> {
    const { files } = this.deps;
    const id = this.deps.newId();
    await files.copyDeck(eventId, deck.id, id);
    const prefix = files.deckUrl(eventId, deck.id, '');
    return {
      ...deck,
      id,
      slides: deck.slides.map((s) => ({ ...s, url: files.deckUrl(eventId, id, s.url.slice(prefix.length)) })),
    };
  }

  /**
   * Attaches a built deck to a talk. The rules are checked again inside the
   * compare-and-set: the talk may have been deleted, started, or the format
   * changed while the deck rendered. Refused: the deck's files are removed.
   */
  async attach(eventId: string, talkId: string, deck: Deck): Promise<PechaKuchaBlock> {
    const { store, files, broadcast, clock } = this.deps;
    let replaced: string | null = null;
    let change;
    try {
      change = await store.updateDoc(eventId, 'pechakucha', (cur) => {
        replaced = cur?.talks.find((t) => t.id === talkId)?.deck?.id ?? null;
        try {
          return attachDeck(cur, talkId, deck, clock.now());
        } catch (err) {
          // The same refusal, with the numbers the client needs to word it.
          if (err instanceof DomainError && err.code === 'upload.slide_count' && cur) {
            const r = slideCount(deck.slides.length, cur.format.slides);
            throw new DomainError(r.code, r.message, r.details);
          }
          throw err;
        }
      });
    } catch (err) {
      await files.removeDeck(eventId, deck.id);
      throw err;
    }
    const block = change.value!;
    broadcast.patch(eventId, change.seq!, { type: 'pechakucha', block });
    if (replaced !== null && replaced !== deck.id) {
      const old: string = replaced;
      // After the patch: viewers switch to the new slide URLs; the old files are no longer referenced.
      await files.removeDeck(eventId, old).catch((err: unknown) => this.deps.log.warn({ err, deckId: old }, 'old deck not removed'));
    }
    return block;
  }
}
