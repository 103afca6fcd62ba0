/**
 * Session tokens: `payload.signature`, both base64url, HMAC-SHA256 over the
 * payload. They only say who someone is (event + participant); the role is read
 * from the store for every command, so a promotion or removal applies at once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SessionClaims {
  eventId: string;
  participantId: string;
}

export class TokenSigner {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('session secret must be at least 32 characters');
  }

  sign(claims: SessionClaims): string {
    const payload = Buffer.from(JSON.stringify({ v: 1, e: claims.eventId, p: claims.participantId })).toString(
      'base64url',
    );
    return `${payload}.${this.mac(payload)}`;
  }

  /** Returns the claims, or null for anything forged, truncated or malformed. */
  verify(token: string): SessionClaims | null {
    const dot = token.indexOf('.');
    if (dot <= 0) return null;
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(payload), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const data: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof data !== 'object' || data === null) return null;
      const { v, e, p } = data as Record<string, unknown>;
      if (v !== 1 || typeof e !== 'string' || typeof p !== 'string') return null;
      return { eventId: e, participantId: p };
    } catch {
      return null; // a valid MAC over non-JSON cannot happen unless the secret leaked; treat as invalid
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
