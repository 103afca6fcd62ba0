/**
 * Files for upload tests, generated on the fly: real PDFs (pdf-lib), real
 * images (@napi-rs/canvas), video headers, executables, and the folder tree
 * of DATA_DIR to check that a refusal left nothing behind.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/** A PDF with `pages` pages of 960 × 540 pt (16:9), each with a line of text naming its page. */
export async function pdfBytes(pages: number, text = (i: number) => `Folie ${i + 1}: Offene Daten in Ulm`): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([960, 540]);
    page.drawRectangle({ x: 0, y: 0, width: 960, height: 540, color: rgb(0.92, 0.95, 0.98) });
    page.drawText(text(i), { x: 60, y: 280, size: 40, font, color: rgb(0.1, 0.15, 0.2) });
  }
  return doc.save();
}

export async function pngBytes(width = 320, height = 180, colour = '#2f6f8f'): Promise<Buffer> {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, width, height);
  return canvas.encode('png');
}

/** A JPEG carrying an EXIF block with a recognisable marker where a camera would put GPS data. */
export async function jpegWithExif(marker: string, width = 320, height = 180): Promise<Buffer> {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#9a5b2e';
  ctx.fillRect(0, 0, width, height);
  const jpeg = await canvas.encode('jpeg', 90);
  // TIFF header (big-endian), one IFD entry: ImageDescription (0x010e), ASCII, pointing at the marker.
  const text = Buffer.from(`${marker}\0`, 'latin1');
  const ifd = Buffer.alloc(2 + 12 + 4);
  ifd.writeUInt16BE(1, 0);
  ifd.writeUInt16BE(0x010e, 2);
  ifd.writeUInt16BE(2, 4);
  ifd.writeUInt32BE(text.length, 6);
  ifd.writeUInt32BE(8 + ifd.length, 10);
  const tiff = Buffer.concat([Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), ifd, text]);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** A PNG whose header claims `width × height` pixels and whose data is nonsense (a decompression-bomb shape). */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const head = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(head, 0);
  head.writeUInt32BE(13, 8);
  head.write('IHDR', 12, 'latin1');
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  head.writeUInt8(8, 24); // bit depth
  head.writeUInt8(6, 25); // RGBA
  return Buffer.concat([head, Buffer.alloc(64, 0x42)]);
}

/** The start of an MP4 (an `ftyp` box) followed by `size` bytes of filler: enough for type checks and Range requests. */
export function mp4Bytes(size = 4096): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isommp41', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(Math.max(0, size - ftyp.length), 0x11)]);
}

export function webmBytes(size = 4096): Buffer {
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]), Buffer.alloc(size, 0x22)]);
}

/** A Linux executable's first bytes (ELF), as it would arrive renamed to `deck.pdf`. */
export function elfBytes(size = 2048): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(size, 0)]);
}

/** A Windows executable's first bytes (MZ). */
export function mzBytes(size = 2048): Buffer {
  return Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(size, 0)]);
}

/** Every file below `dir`, relative to it, sorted ([] when `dir` does not exist). */
export async function fileTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        out.push(`${relative(dir, p)}/`);
        await walk(p);
      } else out.push(relative(dir, p));
    }
  };
  await walk(dir);
  return out.sort();
}
