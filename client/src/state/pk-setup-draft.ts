/**
 * The host's Pecha Kucha set-up form as data (pure): filled from the current
 * block, edited field by field, checked and turned into the `pechakucha:setup`
 * payload. Existing talks keep their ids, so their uploaded decks stay.
 */
import { FORMAT_PRESETS, LIMITS, type PechaKuchaBlock, type PechaKuchaSetup } from '@mashup/shared';
import { parseSeconds } from './pechakucha.js';

export type FormatKind = keyof typeof FORMAT_PRESETS | 'custom';

export interface TalkDraft {
  /** Stable key for the form row (the talk id, or a local one for new rows). */
  key: string;
  /** Set for talks that exist on the server. */
  id?: string;
  title: string;
  presenterId: string | null;
  presenterName: string;
  municipality: string;
  /** Slides of the uploaded deck, or null. */
  deckSlides: number | null;
}

export interface SetupDraft {
  title: string;
  formatKind: FormatKind;
  /** Custom format fields as typed. */
  slides: string;
  seconds: string;
  breakSeconds: string;
  talks: TalkDraft[];
}

export type DraftProblem = 'slides' | 'seconds' | 'breakSeconds' | 'noTalks' | { talk: string; field: 'title' };

export const DEFAULT_BREAK_MS = 15_000;

export function draftFromBlock(block: PechaKuchaBlock | null, newKey: () => string): SetupDraft {
  if (!block) {
    return {
      title: 'Pecha Kucha',
      formatKind: 'pechakucha',
      slides: String(FORMAT_PRESETS.pechakucha.slides),
      seconds: String(FORMAT_PRESETS.pechakucha.slideMs / 1000),
      breakSeconds: String(DEFAULT_BREAK_MS / 1000),
      talks: [emptyTalk(newKey())],
    };
  }
  const { slides, slideMs } = block.format;
  const preset = (Object.keys(FORMAT_PRESETS) as Array<keyof typeof FORMAT_PRESETS>).find(
    (k) => FORMAT_PRESETS[k].slides === slides && FORMAT_PRESETS[k].slideMs === slideMs,
  );
  return {
    title: block.title,
    formatKind: preset ?? 'custom',
    slides: String(slides),
    seconds: String(slideMs / 1000),
    breakSeconds: String(block.breakMs / 1000),
    talks: block.talks.map((t) => ({
      key: t.id,
      id: t.id,
      title: t.title,
      presenterId: t.presenterId,
      presenterName: t.presenterName,
      municipality: t.municipality,
      deckSlides: t.deck?.slides.length ?? null,
    })),
  };
}

export function emptyTalk(key: string): TalkDraft {
  return { key, title: '', presenterId: null, presenterName: '', municipality: '', deckSlides: null };
}

/** The format the draft describes, or null if the custom fields are invalid. */
export function draftFormat(draft: SetupDraft): { slides: number; slideMs: number } | null {
  if (draft.formatKind !== 'custom') return { ...FORMAT_PRESETS[draft.formatKind] };
  const slides = Number(draft.slides.trim());
  const slideMs = parseSeconds(draft.seconds, LIMITS.slideMsMin, LIMITS.slideMsMax);
  if (!Number.isInteger(slides) || slides < 1 || slides > LIMITS.slidesMax || slideMs === null) return null;
  return { slides, slideMs };
}

export function checkDraft(draft: SetupDraft): { ok: true; setup: PechaKuchaSetup } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const format = draftFormat(draft);
  if (!format) {
    const slides = Number(draft.slides.trim());
    if (draft.formatKind === 'custom' && (!Number.isInteger(slides) || slides < 1 || slides > LIMITS.slidesMax)) problems.push('slides');
    if (parseSeconds(draft.seconds, LIMITS.slideMsMin, LIMITS.slideMsMax) === null) problems.push('seconds');
  }
  const breakMs = parseSeconds(draft.breakSeconds, 0, LIMITS.breakMsMax);
  if (breakMs === null) problems.push('breakSeconds');
  if (draft.talks.length === 0) problems.push('noTalks');
  for (const t of draft.talks) if (t.title.trim() === '') problems.push({ talk: t.key, field: 'title' });
  if (problems.length > 0 || !format || breakMs === null) return { ok: false, problems };
  return {
    ok: true,
    setup: {
      title: draft.title.trim() || 'Pecha Kucha',
      format,
      breakMs,
      talks: draft.talks.map((t) => ({
        ...(t.id ? { id: t.id } : {}),
        title: t.title.trim(),
        presenterId: t.presenterId,
        presenterName: t.presenterName.trim(),
        municipality: t.municipality.trim(),
      })),
    },
  };
}

/** Talks whose uploaded deck no longer fits the format (the server drops those decks). */
export function decksLost(draft: SetupDraft): TalkDraft[] {
  const format = draftFormat(draft);
  if (!format) return [];
  return draft.talks.filter((t) => t.deckSlides !== null && t.deckSlides !== format.slides);
}
