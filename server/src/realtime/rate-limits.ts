/**
 * Per-participant rate limits per command family. With Redis they are counted
 * in Redis, so a participant with tabs on two server processes shares one budget.
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
 * script. Reactions: 20 per 5 s, aggregated anyway. Everything else: generous,
 * only there to stop floods.
 */
const BUDGETS: Record<string, Budget> = {
  chat: { points: 10, durationS: 10 },
  reaction: { points: 20, durationS: 5 },
  clock: { points: 30, durationS: 10 },
  default: { points: 60, durationS: 10 },
};

const FAMILY: Partial<Record<ClientEventName, keyof typeof BUDGETS>> = {
  'chat:send': 'chat',
  'reaction:send': 'reaction',
  'clock:ping': 'clock',
};
const familyOf = (event: ClientEventName): string => FAMILY[event] ?? 'default';

export interface RateLimits {
  /** Returns null when allowed, else the ms until the next request is allowed. */
  consume(event: ClientEventName, key: string): Promise<number | null>;
}

export function createRateLimits(redis?: { client: AnyRedisClient; keys: RedisKeys }): RateLimits {
  const limiters = new Map<string, RateLimiterAbstract>();
  for (const [family, b] of Object.entries(BUDGETS)) {
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
    async consume(event, key) {
      try {
        await limiters.get(familyOf(event))!.consume(key);
        return null;
      } catch (res) {
        if (res instanceof RateLimiterRes) return res.msBeforeNext;
        throw res;
      }
    },
  };
}
