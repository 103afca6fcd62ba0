/**
 * Configuration from the environment, validated once at boot (STYLE 2).
 * The README's configuration table documents every variable here.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  REDIS_URL: z.url().optional(),
  REDIS_PREFIX: z.string().default('mashup:'),
  SESSION_SECRET: z.string().min(32).optional(),
  DEMO_EVENT: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIR: z.string().optional(),
  DATA_DIR: z.string().default('data'),
  TRUST_PROXY: bool.default(false),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(5000),
  PRESENCE_SWEEP_MS: z.coerce.number().int().min(100).default(10_000),
  CREATE_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  JOIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(120),
});

export interface Config {
  port: number;
  host: string;
  /** Base of the links we hand out; defaults to the listening address. */
  publicUrl: string | undefined;
  redisUrl: string | undefined;
  redisPrefix: string;
  sessionSecret: string | undefined;
  demoEvent: boolean;
  logLevel: string;
  clientDir: string | undefined;
  /** Uploaded files (slides, videos); every process must see the same folder. */
  dataDir: string;
  trustProxy: boolean;
  shutdownGraceMs: number;
  /** Heartbeat and crashed-process sweep interval (rule P3). */
  presenceSweepMs: number;
  /** HTTP budgets per client address. */
  rateLimits: { createPerMinute: number; joinPerMinute: number };
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // Empty strings (e.g. `REDIS_URL=` in a compose file) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    sessionSecret: e.SESSION_SECRET,
    demoEvent: e.DEMO_EVENT,
    logLevel: e.LOG_LEVEL,
    clientDir: e.CLIENT_DIR,
    dataDir: e.DATA_DIR,
    trustProxy: e.TRUST_PROXY,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    presenceSweepMs: e.PRESENCE_SWEEP_MS,
    rateLimits: { createPerMinute: e.CREATE_RATE_PER_MINUTE, joinPerMinute: e.JOIN_RATE_PER_MINUTE },
  };
}
