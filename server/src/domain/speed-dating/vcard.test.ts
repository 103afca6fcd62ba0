import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, vCard, vCards } from './vcard.js';

describe('vCard 4.0 for mutual contacts (rule S7)', () => {
  it('one card per contact, CRLF lines, text escaped', () => {
    const card = vCard({ name: 'Dr. Erika Muster', org: 'Stadt Ulm; Digitalisierung', email: 'erika@ulm.de', phone: '+49 731 161-0', note: 'Speed-Dating, Get-together' });
    expect(card).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Dr. Erika Muster',
        'ORG:Stadt Ulm\\; Digitalisierung',
        'EMAIL:erika@ulm.de',
        'TEL;VALUE=text:+49 731 161-0',
        'NOTE:Speed-Dating\\, Get-together',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('leaves out what a person did not share', () => {
    expect(vCard({ name: 'Jo', org: '', email: '', phone: '', note: '' })).toBe('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jo\r\nEND:VCARD\r\n');
  });

  it('escapes backslashes and line breaks', () => {
    expect(escapeText('a\\b\nc')).toBe('a\\\\b\\nc');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `NOTE:${'ä'.repeat(60)}`; // 5 + 120 octets
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBe(2);
    expect(new TextEncoder().encode(parts[0]).length).toBeLessThanOrEqual(75);
    expect(parts[1]!.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('several cards in one file; none is an empty file', () => {
    const two = vCards([
      { name: 'A', org: '', email: 'a@x.de', phone: '', note: '' },
      { name: 'B', org: '', email: '', phone: '030 1', note: '' },
    ]);
    expect(two.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(vCards([])).toBe('');
  });
});
