/** The upload limits in force: LIMITS from shared, which tests may lower (buildApp deps) instead of sending 50 MB. */
import { LIMITS } from '@mashup/shared';

const KEYS = ['pdfMaxBytes', 'imageMaxBytes', 'deckMaxBytes', 'videoMaxBytes', 'slidesMax', 'slideTextMax', 'videoTitleMax'] as const;

export type UploadLimits = { [K in (typeof KEYS)[number]]: number };

export function uploadLimits(overrides: Partial<UploadLimits> = {}): UploadLimits {
  const base = Object.fromEntries(KEYS.map((k) => [k, LIMITS[k]])) as UploadLimits;
  return { ...base, ...overrides };
}
