/**
 * Turns an uploaded deck into slide images: a PDF rendered page by page
 * (pdf.js on @napi-rs/canvas), or images decoded and re-encoded. Every slide
 * leaves as a WebP that fits 1920 × 1080, drawn afresh from pixels, so nothing
 * of the original file (EXIF, GPS position, camera serial, embedded scripts)
 * survives (GDPR data minimisation).
 *
 * CPU-heavy and fed with untrusted bytes: this runs in the deck process
 * (deck-process.ts), never in the server's event loop. It imports nothing
 * from @mashup/shared at run time, so it starts the same from sources (tsx)
 * and from dist; the limits arrive with each job.
 */
import { writeFile, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, loadImage, type Canvas, type Image } from '@napi-rs/canvas';
import { imageDimensions } from './image-header.js';
import { slideCount, type RefusalCode } from './refusals.js';
import type { ImageKind } from './sniff.js';

/** The largest slide we store: full HD covers projectors and 1080p screens; the client scales down. */
export const SLIDE_MAX = { width: 1920, height: 1080 } as const;
/**
 * An image may be at most this many pixels before decoding (60 MP: a 48 MP
 * phone photo passes; decoding needs 4 bytes per pixel, so 240 MB at most).
 */
export const MAX_SOURCE_PIXELS = 60_000_000;
// WebP quality 85: text stays crisp, a photo slide is ~100–250 kB, a text slide ~15 kB (measured).
const WEBP_QUALITY = 85;

export interface JobBase {
  /** Where the slide files go (a staging folder; the caller commits it). */
  outDir: string;
  /** The block's format: a different count is refused before anything renders. */
  expectedSlides: number;
  /** LIMITS.slideTextMax. */
  textMax: number;
}

export type DeckJob =
  | (JobBase & { kind: 'pdf'; file: string })
  | (JobBase & { kind: 'images'; files: Array<{ path: string; kind: ImageKind; alt: string }> })
  | (JobBase & { kind: 'sample'; slides: SampleSlide[] });

/** A slide of the generated demo deck. */
export interface SampleSlide {
  number: number;
  total: number;
  /** Small line above, e.g. "Beispiel-Foliensatz". */
  kicker: string;
  line: string;
  /** Background and accent colours (CSS). */
  background: string;
  accent: string;
}

export interface RenderedSlide {
  /** File name inside `outDir`. */
  file: string;
  width: number;
  height: number;
  text: string;
}

export type DeckJobResult =
  | { ok: true; slides: RenderedSlide[] }
  | { ok: false; code: RefusalCode; message: string; details?: Record<string, number> };

/** A refusal raised while rendering; the process turns it into a `{ok:false}` result. */
export class RenderRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details?: Record<string, number>,
  ) {
    super(message);
  }
}

export async function runDeckJob(job: DeckJob): Promise<DeckJobResult> {
  try {
    const slides =
      job.kind === 'pdf' ? await renderPdf(job) : job.kind === 'images' ? await renderImages(job) : await renderSample(job);
    return { ok: true, slides };
  } catch (err) {
    if (err instanceof RenderRefusal) {
      return { ok: false, code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
    }
    throw err;
  }
}

export function slideCountRefusal(actual: number, expected: number): RenderRefusal {
  const r = slideCount(actual, expected);
  return new RenderRefusal(r.code, r.message, r.details);
}

const slideFile = (index: number) => `${String(index + 1).padStart(2, '0')}.webp`;

/** Whitespace collapsed, cut at `max` characters (whole code points). */
export function normaliseText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : chars.slice(0, max).join('').trimEnd();
}

async function writeSlide(canvas: Canvas, outDir: string, index: number, text: string): Promise<RenderedSlide> {
  const file = slideFile(index);
  await writeFile(join(outDir, file), await canvas.encode('webp', WEBP_QUALITY));
  return { file, width: canvas.width, height: canvas.height, text };
}

// ------------------------------------------------------------------ PDF

const pdfjsDir = () => dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

async function renderPdf(job: Extract<DeckJob, { kind: 'pdf' }>): Promise<RenderedSlide[]> {
  // Loaded on first use: pdf.js takes ~150 ms to import, and image decks never need it.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(job.file));
  const base = pdfjsDir();
  const task = getDocument({
    data,
    // Font programs are never compiled to JavaScript: they come from strangers.
    isEvalSupported: false,
    useSystemFonts: false,
    // The 14 standard fonts, for PDFs that use them without embedding (pdf-lib, LaTeX, old Word).
    standardFontDataUrl: join(base, 'standard_fonts') + '/',
    cMapUrl: join(base, 'cmaps') + '/',
    wasmUrl: join(base, 'wasm') + '/',
    iccUrl: join(base, 'iccs') + '/',
    maxImageSize: MAX_SOURCE_PIXELS,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const why = (err as Error).name === 'PasswordException' ? 'is password-protected' : 'cannot be opened';
    throw new RenderRefusal('upload.corrupt', `The PDF ${why} (${(err as Error).message}).`);
  }
  try {
    // Before rendering anything: a wrong count is the most common mistake and costs nothing to find.
    if (doc.numPages !== job.expectedSlides) throw slideCountRefusal(doc.numPages, job.expectedSlides);
    const slides: RenderedSlide[] = [];
    for (let i = 0; i < doc.numPages; i++) {
      try {
        const page = await doc.getPage(i + 1);
        const unit = page.getViewport({ scale: 1 });
        // Vector content: scale up or down to fill the slide box.
        const viewport = page.getViewport({ scale: Math.min(SLIDE_MAX.width / unit.width, SLIDE_MAX.height / unit.height) });
        const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
        const ctx = canvas.getContext('2d');
        // Slides are shown on any background: paint the page white as a PDF viewer does.
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise;
        const content = await page.getTextContent();
        const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('');
        slides.push(await writeSlide(canvas, job.outDir, i, normaliseText(text, job.textMax)));
        page.cleanup();
      } catch (err) {
        if (err instanceof RenderRefusal) throw err;
        throw new RenderRefusal('upload.corrupt', `Page ${i + 1} of the PDF cannot be rendered (${(err as Error).message}).`);
      }
    }
    return slides;
  } finally {
    await doc.destroy();
  }
}

// ------------------------------------------------------------------ images

async function renderImages(job: Extract<DeckJob, { kind: 'images' }>): Promise<RenderedSlide[]> {
  if (job.files.length !== job.expectedSlides) throw slideCountRefusal(job.files.length, job.expectedSlides);
  const slides: RenderedSlide[] = [];
  for (const [i, f] of job.files.entries()) {
    const bytes = await readFile(f.path);
    slides.push(await writeSlide(await fitImage(bytes, f.kind, i), job.outDir, i, normaliseText(f.alt, job.textMax)));
  }
  return slides;
}

/** Decodes an image (after checking its claimed size) and draws it into a canvas that fits the slide box. */
async function fitImage(bytes: Buffer, kind: ImageKind, index: number): Promise<Canvas> {
  const claimed = imageDimensions(bytes, kind);
  if (!claimed) throw new RenderRefusal('upload.corrupt', `Image ${index + 1} has no readable ${kind.toUpperCase()} header.`);
  if (claimed.width * claimed.height > MAX_SOURCE_PIXELS) {
    throw new RenderRefusal(
      'upload.too_large',
      `Image ${index + 1} has ${claimed.width} × ${claimed.height} pixels; at most ${MAX_SOURCE_PIXELS / 1e6} megapixels are accepted.`,
    );
  }
  let image: Image;
  try {
    image = await loadImage(bytes);
  } catch (err) {
    throw new RenderRefusal('upload.corrupt', `Image ${index + 1} cannot be decoded (${(err as Error).message}).`);
  }
  if (!image.width || !image.height) throw new RenderRefusal('upload.corrupt', `Image ${index + 1} cannot be decoded.`);
  // Never enlarge a photo: the browser scales, and the file stays small.
  const scale = Math.min(1, SLIDE_MAX.width / image.width, SLIDE_MAX.height / image.height);
  const canvas = createCanvas(Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale)));
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

// ------------------------------------------------------------------ the demo deck

const SAMPLE_SIZE = { width: 1280, height: 720 } as const;
const SAMPLE_FONT = 'Mashup Sans';
let fontsReady = false;

/**
 * The demo's sample slides: drawn here, encoded as PNG (what a presentation
 * program exports) and then taken through the same image path as an upload,
 * so the demo exercises what presenters use. 1280 × 720 instead of full HD:
 * WebP encoding dominates (measured 38 ms per 720p slide, 87 ms at 1080p).
 */
async function renderSample(job: Extract<DeckJob, { kind: 'sample' }>): Promise<RenderedSlide[]> {
  if (!fontsReady) {
    // Liberation Sans ships with pdf.js: the slides look the same on a server without any system fonts.
    const fonts = join(pdfjsDir(), 'standard_fonts');
    GlobalFonts.registerFromPath(join(fonts, 'LiberationSans-Regular.ttf'), SAMPLE_FONT);
    GlobalFonts.registerFromPath(join(fonts, 'LiberationSans-Bold.ttf'), SAMPLE_FONT);
    fontsReady = true;
  }
  if (job.slides.length !== job.expectedSlides) throw slideCountRefusal(job.slides.length, job.expectedSlides);
  const slides: RenderedSlide[] = [];
  for (const [i, s] of job.slides.entries()) {
    const png = await drawSampleSlide(s).encode('png');
    const text = `Folie ${s.number} von ${s.total}. ${s.kicker}: ${s.line}`;
    slides.push(await writeSlide(await fitImage(png, 'png', i), job.outDir, i, normaliseText(text, job.textMax)));
  }
  return slides;
}

function drawSampleSlide(s: SampleSlide): Canvas {
  const { width, height } = SAMPLE_SIZE;
  const margin = 80;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = s.background;
  ctx.fillRect(0, 0, width, height);
  // Progress bar along the bottom: which of the slides this is, at a glance.
  ctx.fillStyle = s.accent;
  ctx.fillRect(0, height - 20, (width * s.number) / s.total, 20);
  ctx.font = `28px "${SAMPLE_FONT}"`;
  ctx.fillStyle = '#3b4a55';
  ctx.fillText(s.kicker, margin, 90, width - 2 * margin);
  ctx.fillStyle = s.accent;
  ctx.font = `bold 300px "${SAMPLE_FONT}"`;
  ctx.fillText(String(s.number), margin - 12, 390);
  ctx.fillStyle = '#1d2b36';
  ctx.font = `bold 52px "${SAMPLE_FONT}"`;
  ctx.fillText(s.line, margin, 520, width - 2 * margin);
  ctx.font = `26px "${SAMPLE_FONT}"`;
  ctx.fillStyle = '#3b4a55';
  ctx.fillText(`Folie ${s.number} von ${s.total}`, margin, 620, width - 2 * margin);
  return canvas;
}
