/**
 * Pixel dimensions read from an image's header, before anything decodes it: a
 * 15 MB PNG can claim 60,000 × 60,000 pixels (a "decompression bomb" that would
 * need 14 GB to decode), so the size is checked first.
 */
import type { ImageKind } from './sniff.js';

export interface Dimensions {
  width: number;
  height: number;
}

/** null when the header is malformed or cut short. */
export function imageDimensions(bytes: Uint8Array, kind: ImageKind): Dimensions | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const valid = (d: Dimensions) => (d.width > 0 && d.height > 0 ? d : null);
  try {
    switch (kind) {
      case 'png':
        // Signature (8), IHDR length (4) and type (4), then width and height, big-endian.
        if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
        return valid({ width: view.getUint32(16), height: view.getUint32(20) });
      case 'jpeg':
        return jpegDimensions(bytes, view);
      case 'webp':
        return valid(webpDimensions(bytes, view) ?? { width: 0, height: 0 });
    }
  } catch {
    return null; // a RangeError from reading past the end: the header is cut short
  }
}

function jpegDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  let at = 2; // after SOI
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Start-of-frame markers C0–CF carry the size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = view.getUint16(at + 5);
      const width = view.getUint16(at + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or start of scan before any frame header
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

function webpDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === 'VP8 ') {
    // Lossy: after the 3-byte frame tag and the 3-byte start code, 14-bit width and height.
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    // Lossless: signature byte 0x2f, then width−1 and height−1 in 14 bits each.
    if (bytes[20] !== 0x2f) return null;
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    // Extended: canvas width−1 and height−1 as 24-bit little-endian.
    const u24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    if (bytes.length < 30) return null;
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  return null;
}
