/** Small wording helpers shared by the Pecha Kucha views. */
import type { Talk } from '@mashup/shared';

/** "Anna Schmidt · Ulm", or whichever of the two is set. */
export function talkLine(talk: Pick<Talk, 'presenterName' | 'municipality'>): string {
  return [talk.presenterName, talk.municipality].filter((s) => s.trim() !== '').join(' · ');
}

/** Seconds for display in the page's language: 20000 → "20", 500 → "0,5" (German). */
export function formatSeconds(ms: number): string {
  return new Intl.NumberFormat(document.documentElement.lang || 'de', { maximumFractionDigits: 2 }).format(ms / 1000);
}
