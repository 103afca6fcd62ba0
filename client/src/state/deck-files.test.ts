import { describe, expect, it } from 'vitest';
import { classifyDeckFiles } from './deck-files.js';

const f = (name: string, type: string) => ({ name, type, size: 1 });

describe('choosing deck files', () => {
  it('one PDF', () => {
    expect(classifyDeckFiles([f('deck.pdf', 'application/pdf')])).toMatchObject({ kind: 'pdf', file: { name: 'deck.pdf' } });
  });

  it('images are put in slide order by name, numbers compared as numbers', () => {
    const c = classifyDeckFiles([f('folie-10.png', 'image/png'), f('folie-2.jpg', 'image/jpeg'), f('folie-1.webp', 'image/webp')]);
    expect(c.kind === 'images' && c.files.map((x) => x.name)).toEqual(['folie-1.webp', 'folie-2.jpg', 'folie-10.png']);
  });

  it('a file without a type counts by its extension', () => {
    expect(classifyDeckFiles([f('a.PNG', '')]).kind).toBe('images');
    expect(classifyDeckFiles([f('a.PDF', '')]).kind).toBe('pdf');
  });

  it('refuses mixes, other types, two PDFs and nothing', () => {
    expect(classifyDeckFiles([f('a.pdf', 'application/pdf'), f('b.png', 'image/png')]).kind).toBe('unsupported');
    expect(classifyDeckFiles([f('a.gif', 'image/gif')]).kind).toBe('unsupported');
    expect(classifyDeckFiles([f('a.exe', 'application/octet-stream')]).kind).toBe('unsupported');
    expect(classifyDeckFiles([f('a.pdf', 'application/pdf'), f('b.pdf', 'application/pdf')]).kind).toBe('tooManyPdfs');
    expect(classifyDeckFiles([]).kind).toBe('empty');
  });
});
