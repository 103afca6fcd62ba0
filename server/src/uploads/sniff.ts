/**
 * What an uploaded file really is, decided from its first bytes only. The file
 * name and the client's Content-Type are whatever the sender wants them to be
 * (an executable renamed to `.pdf` arrives as `application/pdf`), so they are
 * never consulted.
 */

export type FileKind = 'pdf' | 'png' | 'jpeg' | 'webp' | 'mp4' | 'webm';

/** How many leading bytes `sniff` needs to decide (fewer means the file is too short to be any of ours). */
export const SNIFF_BYTES = 12;

export const DECK_IMAGE_KINDS = ['png', 'jpeg', 'webp'] as const satisfies readonly FileKind[];
export type ImageKind = (typeof DECK_IMAGE_KINDS)[number];
export const VIDEO_KINDS = ['mp4', 'webm'] as const satisfies readonly FileKind[];
export type VideoKind = (typeof VIDEO_KINDS)[number];

export const MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

const startsWith = (head: Uint8Array, at: number, bytes: readonly number[]) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const FTYP = ascii('ftyp');
const EBML = [0x1a, 0x45, 0xdf, 0xa3];

/** The kind of file that starts with `head`, or null for anything else (executables, archives, text…). */
export function sniff(head: Uint8Array): FileKind | null {
  // PDF 1.7 (ISO 32000) allows junk before the header; we do not: every PDF
  // writer we know puts it first, and being strict keeps polyglot files out.
  if (startsWith(head, 0, PDF)) return 'pdf';
  if (startsWith(head, 0, PNG)) return 'png';
  if (startsWith(head, 0, JPEG)) return 'jpeg';
  if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP)) return 'webp';
  // ISO base media file format: the first box is `ftyp` (size at 0..3, type at 4..7).
  if (startsWith(head, 4, FTYP)) return 'mp4';
  // Matroska/WebM start with an EBML header element.
  if (startsWith(head, 0, EBML)) return 'webm';
  return null;
}

export const isImageKind = (k: FileKind | null): k is ImageKind => (DECK_IMAGE_KINDS as readonly string[]).includes(k ?? '');
export const isVideoKind = (k: FileKind | null): k is VideoKind => (VIDEO_KINDS as readonly string[]).includes(k ?? '');
