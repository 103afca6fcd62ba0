/**
 * Rate limits per command family. With Redis they are counted in Redis, so a
 * participant with tabs on two server processes shares one budget (rule R1).
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ClientEventName } from '@mashup/shared';
import type { RedisKeys } from '../store/keys.js';
import type { AnyRedisClient } from '../store/redis.js';

interface Budget {
  points: number;
  durationS: number;
}

/**
 * Chat: 10 messages per 10 s is faster than anyone types and slower than a
 * script. Reactions: 20 per 5 s, aggregated anyway. Other socket commands:
 * generous, only there to stop floods. HTTP budgets are per client address and
 * configurable (an office behind one NAT address may join all at once).
 */
const SOCKET_BUDGETS = {
  chat: { points: 10, durationS: 10 },
  reaction: { points: 20, durationS: 5 },
  clock: { points: 30, durationS: 10 },
  /**
   * Media signalling: joining a room of six sends ~2 descriptions and ~10–20 ICE
   * candidates per peer connection, and a renegotiation (screen share) as many again.
   */
  media: { points: 400, durationS: 10 },
  default: { points: 60, durationS: 10 },
} satisfies Record<string, Budget>;

/**
 * Uploads, per participant: 30 per 10 minutes lets a host upload the decks of a
 * whole block and a presenter retry after a refusal, and stops a script from
 * keeping the deck renderer busy.
 */
const UPLOAD_BUDGET: Budget = { points: 30, durationS: 600 };

export type RateFamily = keyof typeof SOCKET_BUDGETS | 'httpCreate' | 'httpJoin' | 'httpUpload';

export interface HttpBudgets {
  createPerMinute: number;
  joinPerMinute: number;
}

const FAMILY: Partial<Record<ClientEventName, RateFamily>> = {
  'chat:send': 'chat',
  'reaction:send': 'reaction',
  'clock:ping': 'clock',
  'media:signal': 'media',
  'media:sfu:transport': 'media',
  'media:sfu:connect': 'media',
  'media:sfu:produce': 'media',
  'media:sfu:consume': 'media',
  'media:sfu:resume': 'media',
  'media:sfu:pause': 'media',
  'media:sfu:restartIce': 'media',
  'media:sfu:layers': 'media',
  'media:sfu:closeProducer': 'media',
};
export const familyOf = (event: ClientEventName): RateFamily => FAMILY[event] ?? 'default';

export interface RateLimits {
  /** Returns null when allowed, else the ms until the next request is allowed. */
  consume(family: RateFamily, key: string): Promise<number | null>;
  /**
   * Where a budget is counted, for a write that checks it in the same atomic step
   * (store WriteGuard): the Redis key (rate-limiter-flexible's `getKey`, the key
   * "as it is saved in store") and the most points a window allows. null for the
   * in-process limiter: its answer needs no round trip, so it is simply awaited.
   * The check relies on `consume` queueing its increment on the store's client
   * at once (no in-memory blocking, insurance limiter, timeouts wrapper or
   * execEvenly: none is configured here); breakouts-concurrency.test.ts fails
   * if a write over budget goes through.
   */
  counter(family: RateFamily, key: string): { key: string; max: number } | null;
}

export function createRateLimits(http: HttpBudgets, redis?: { client: AnyRedisClient; keys: RedisKeys }): RateLimits {
  const budgets: Record<RateFamily, Budget> = {
    ...SOCKET_BUDGETS,
    httpCreate: { points: http.createPerMinute, durationS: 60 },
    httpJoin: { points: http.joinPerMinute, durationS: 60 },
    httpUpload: UPLOAD_BUDGET,
  };
  const limiters = new Map<RateFamily, RateLimiterAbstract>();
  for (const [family, b] of Object.entries(budgets) as Array<[RateFamily, Budget]>) {
    limiters.set(
      family,
      redis
        ? new RateLimiterRedis({
            storeClient: redis.client,
            useRedisPackage: true,
            keyPrefix: redis.keys.rateLimit(family),
            points: b.points,
            duration: b.durationS,
          })
        : new RateLimiterMemory({ keyPrefix: family, points: b.points, duration: b.durationS }),
    );
  }
  return {
    counter(family, key) {
      if (!redis) return null;
      const limiter = limiters.get(family)!;
      return { key: limiter.getKey(key), max: limiter.points };
    },
    async consume(family, key) {
      try {
        await limiters.get(family)!.consume(key);
        return null;
      } catch (res) {
        if (res instanceof RateLimiterRes) return res.msBeforeNext;
        throw res;
      }
    },
  };
}
