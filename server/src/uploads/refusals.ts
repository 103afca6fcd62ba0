/**
 * Refusals worded once, for the deck process and the server alike. No imports:
 * the deck process loads this without @mashup/shared.
 */
export type RefusalCode = 'upload.corrupt' | 'upload.slide_count' | 'upload.too_large';

/** The client words its own (German) message from `details: {actual, expected}`. */
export function slideCount(actual: number, expected: number) {
  return {
    code: 'upload.slide_count' as const,
    message: `The deck has ${actual} slides; the format needs ${expected}.`,
    details: { actual, expected },
  };
}
