/**
 * Configuration from the environment, validated once at boot (STYLE 2).
 * The README's configuration table documents every variable here.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { IceServer } from '@mashup/shared';
import type { MediaPlaneMode } from './media/select.js';
import type { SfuSettings } from './media/sfu/settings.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** RTC ports: unprivileged, so the server never needs root for them. */
const port = z.coerce.number().int().min(1024).max(65535);

/** STUN/TURN servers as JSON, e.g. `[{"urls":"turn:turn.example.org:3478","username":"u","credential":"p"}]`. */
const iceServers = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {urls, username?, credential?}' });
      return z.NEVER;
    }
  })
  .pipe(z.array(IceServer));

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
  // Audio and video (media/select.ts).
  MEDIA_PLANE: z.enum(['auto', 'mesh', 'sfu']).default('auto'),
  ICE_SERVERS: iceServers.default([]),
  MESH_MAX_PUBLISHERS: z.coerce.number().int().min(1).max(16).default(6),
  SFU_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1'),
  SFU_ANNOUNCED_ADDRESS: z.string().min(1).max(253).optional(),
  SFU_RTC_MIN_PORT: port.default(40000),
  SFU_RTC_MAX_PORT: port.default(40100),
  SFU_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  SFU_CONSUMERS_PER_WORKER: z.coerce.number().int().min(1).default(500),
}).refine((e) => e.SFU_RTC_MIN_PORT <= e.SFU_RTC_MAX_PORT, {
  path: ['SFU_RTC_MAX_PORT'],
  message: 'must not be below SFU_RTC_MIN_PORT',
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
  /** auto: the SFU when mediasoup loads and its workers start, else the mesh; sfu: refuse to start without it. */
  mediaPlane: MediaPlaneMode;
  /** STUN/TURN servers handed to browsers (none by default: no third-party hosts). */
  iceServers: IceServer[];
  /** Mesh: peers of one room that may send at once (rule M4). */
  meshMaxPublishers: number;
  /** mediasoup: workers, listen and announced address, RTC ports, consumers per worker. */
  sfu: SfuSettings;
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
    mediaPlane: e.MEDIA_PLANE,
    iceServers: e.ICE_SERVERS,
    meshMaxPublishers: e.MESH_MAX_PUBLISHERS,
    sfu: {
      // One worker per core: each is a single-threaded subprocess.
      workers: e.SFU_WORKERS ?? availableParallelism(),
      listenIp: e.SFU_LISTEN_IP,
      announcedAddress: e.SFU_ANNOUNCED_ADDRESS,
      rtcMinPort: e.SFU_RTC_MIN_PORT,
      rtcMaxPort: e.SFU_RTC_MAX_PORT,
      consumersPerWorker: e.SFU_CONSUMERS_PER_WORKER,
    },
  };
}
