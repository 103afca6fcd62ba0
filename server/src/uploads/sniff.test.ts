import { describe, expect, it } from 'vitest';
import { imageDimensions } from './image-header.js';
import { sniff } from './sniff.js';
import { elfBytes, jpegWithExif, mp4Bytes, mzBytes, pdfBytes, pngBytes, pngHeaderOnly, webmBytes } from './test-support/files.js';
import { createCanvas } from '@napi-rs/canvas';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniff: the type comes from the first bytes', () => {
  it('recognises PDF, PNG, JPEG, WebP, MP4 and WebM as produced by real encoders', async () => {
    const canvas = createCanvas(8, 8);
    expect(sniff(await pdfBytes(1))).toBe('pdf');
    expect(sniff(await pngBytes(8, 8))).toBe('png');
    expect(sniff(await canvas.encode('jpeg'))).toBe('jpeg');
    expect(sniff(await canvas.encode('webp'))).toBe('webp');
    expect(sniff(mp4Bytes())).toBe('mp4');
    expect(sniff(webmBytes())).toBe('webm');
  });

  it('an executable is nothing we accept, whatever its name claims', () => {
    expect(sniff(elfBytes())).toBeNull();
    expect(sniff(mzBytes())).toBeNull();
  });

  it('refuses look-alikes: other RIFF files, PDF magic not at the start, text, empty and short input', () => {
    expect(sniff(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniff(bytes(' %PDF-1.7'))).toBeNull();
    expect(sniff(bytes('<html><body>'))).toBeNull();
    expect(sniff(new Uint8Array(0))).toBeNull();
    expect(sniff(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniff(bytes('RIFF', [0, 0]))).toBeNull();
  });

  it('an MP4 is any ISO BMFF file with ftyp at offset 4 (brand does not matter)', () => {
    expect(sniff(bytes([0, 0, 0, 0x20], 'ftypmp42'))).toBe('mp4');
    expect(sniff(bytes([0, 0, 0, 0x20], 'moovmp42'))).toBeNull();
  });
});

describe('imageDimensions: the size an image claims, read before decoding', () => {
  it('reads PNG, JPEG and WebP (lossy and lossless) headers', async () => {
    const canvas = createCanvas(321, 123);
    canvas.getContext('2d').fillRect(0, 0, 10, 10);
    expect(imageDimensions(await pngBytes(321, 123), 'png')).toEqual({ width: 321, height: 123 });
    expect(imageDimensions(await jpegWithExif('x', 321, 123), 'jpeg')).toEqual({ width: 321, height: 123 });
    expect(imageDimensions(await canvas.encode('webp', 80), 'webp')).toEqual({ width: 321, height: 123 });
    expect(imageDimensions(await canvas.encode('webp', 100), 'webp')).toEqual({ width: 321, height: 123 });
  });

  it('reports a bomb-sized claim as it is, so it can be refused before decoding', () => {
    expect(imageDimensions(pngHeaderOnly(60_000, 60_000), 'png')).toEqual({ width: 60_000, height: 60_000 });
  });

  it('null for cut-short or malformed headers', async () => {
    expect(imageDimensions((await pngBytes()).subarray(0, 14), 'png')).toBeNull();
    expect(imageDimensions(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 2]), 'jpeg')).toBeNull();
    expect(imageDimensions(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'webp')).toBeNull();
  });
});
