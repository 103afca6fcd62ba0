/**
 * Checking a chosen set of deck files before sending them (pure; the server
 * checks again, by content): one PDF, or images in slide order — sorted by
 * file name with numbers compared as numbers, so "slide-2" comes before
 * "slide-10" — whose count must match the format.
 */

export interface NamedFile {
  name: string;
  type: string;
  size: number;
}

export type DeckChoice<F extends NamedFile> =
  | { kind: 'empty' }
  | { kind: 'pdf'; file: F }
  | { kind: 'images'; files: F[] }
  /** Mixed or unknown types: PDF, PNG, JPEG and WebP are accepted. */
  | { kind: 'unsupported' }
  | { kind: 'tooManyPdfs' };

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);
const IMAGE_EXT = /\.(png|jpe?g|webp)$/i;

export function isPdf(f: NamedFile): boolean {
  return f.type === 'application/pdf' || /\.pdf$/i.test(f.name);
}

export function isImage(f: NamedFile): boolean {
  return IMAGE_TYPES.has(f.type) || (f.type === '' && IMAGE_EXT.test(f.name));
}

export function classifyDeckFiles<F extends NamedFile>(files: readonly F[]): DeckChoice<F> {
  if (files.length === 0) return { kind: 'empty' };
  const pdfs = files.filter(isPdf);
  if (pdfs.length > 0) {
    if (pdfs.length !== files.length) return { kind: 'unsupported' };
    return pdfs.length === 1 ? { kind: 'pdf', file: pdfs[0]! } : { kind: 'tooManyPdfs' };
  }
  if (!files.every(isImage)) return { kind: 'unsupported' };
  const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
  return { kind: 'images', files: [...files].sort((a, b) => collator.compare(a.name, b.name)) };
}
