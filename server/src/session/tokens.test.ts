import { describe, expect, it } from 'vitest';
import { TokenSigner } from './tokens.js';

describe('session tokens (rule S1)', () => {
  const signer = new TokenSigner('s'.repeat(40));

  it('round-trips the claims', () => {
    const t = signer.sign({ eventId: 'e', participantId: 'p' });
    expect(signer.verify(t)).toEqual({ eventId: 'e', participantId: 'p' });
  });

  it('refuses tampered, truncated, foreign and garbage tokens', () => {
    const t = signer.sign({ eventId: 'e', participantId: 'p' });
    const [payload, mac] = t.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: 1, e: 'e', p: 'someone-else' })).toString('base64url');
    expect(signer.verify(`${forged}.${mac}`)).toBeNull();
    expect(signer.verify(`${payload}.${mac.slice(0, -2)}`)).toBeNull();
    expect(new TokenSigner('o'.repeat(40)).verify(t)).toBeNull();
    expect(signer.verify('')).toBeNull();
    expect(signer.verify('....')).toBeNull();
  });

  it('refuses short secrets at construction', () => {
    expect(() => new TokenSigner('short')).toThrow();
  });
});
