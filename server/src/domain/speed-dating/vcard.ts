/**
 * vCard 4.0 (RFC 6350) for the contacts two people agreed to share after a
 * speed-dating session (rule S7). Pure text; address books (Outlook,
 * Thunderbird, Apple/Google contacts) import one file with several cards.
 */

export interface VCardContact {
  name: string;
  org: string;
  email: string;
  phone: string;
  /** Where they met, e.g. "Speed-Dating · MPSC Mashup". */
  note: string;
}

/** RFC 6350 3.4: backslash, comma, semicolon and line breaks are escaped in text values. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * RFC 6350 3.2: lines longer than 75 octets are folded (CRLF and one space).
 * Folding counts UTF-8 octets and never splits a character, so umlauts in
 * long municipality names survive.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line may hold 75 octets; continuation lines start with a space, so 74 more.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function vCard(contact: VCardContact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(contact.name)}`];
  if (contact.org) lines.push(`ORG:${escapeText(contact.org)}`);
  if (contact.email) lines.push(`EMAIL:${escapeText(contact.email)}`);
  // A free-form number ("+49 30 1234-5") is kept as text rather than turned into a tel: URI.
  if (contact.phone) lines.push(`TEL;VALUE=text:${escapeText(contact.phone)}`);
  if (contact.note) lines.push(`NOTE:${escapeText(contact.note)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Several cards in one file; empty when there are none. */
export function vCards(contacts: readonly VCardContact[]): string {
  return contacts.map(vCard).join('');
}
