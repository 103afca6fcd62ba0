/**
 * Picks the media plane at start-up (DESIGN.md: "media plane with two real
 * implementations"): the mediasoup SFU whenever mediasoup loads and its workers
 * start, else the peer-to-peer mesh, and says which in the log.
 *
 * mediasoup is an optional dependency: where its install script did not build
 * or download the worker binary, `import('mediasoup')` still succeeds (typings
 * and JS are there) but starting a worker fails; both count as "not available".
 * mediasoup itself honours MEDIASOUP_WORKER_BIN for the binary's path.
 */
import type { MediaLog } from './log.js';
import type { MediaPlaneImpl } from './plane.js';
import { startSfuPlane, type MediasoupModule, type MediasoupSfuPlane, type SfuSettings } from './sfu/index.js';

export type MediaPlaneMode = 'auto' | 'mesh' | 'sfu';

export interface MediaPlaneOptions {
  /** auto: SFU if it starts, else mesh; mesh: never try; sfu: refuse to start without it. */
  mediaPlane: MediaPlaneMode;
  sfu: SfuSettings;
}

export interface MediaPlaneDeps {
  /** Loads mediasoup; tests inject a double or a failing loader. */
  loadMediasoup?: () => Promise<MediasoupModule>;
}

/** The real module; assigning it to MediasoupModule is where the compiler checks our surface against mediasoup's typings. */
async function importMediasoup(): Promise<MediasoupModule> {
  const ms: MediasoupModule = await import('mediasoup');
  return ms;
}

function isModuleMissing(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/**
 * Returns the SFU plane (logged `media plane: sfu (N workers)`) or `{kind:'mesh'}`
 * (logged `media plane: mesh (<why>)`). With `mediaPlane: 'sfu'` a failure
 * rejects instead, so a deployment that needs the SFU does not silently run
 * without it.
 */
export async function createMediaPlane(
  opts: MediaPlaneOptions,
  log: MediaLog,
  deps: MediaPlaneDeps = {},
): Promise<MediaPlaneImpl> {
  if (opts.mediaPlane === 'mesh') {
    log.info({ media: 'mesh' }, 'media plane: mesh (MEDIA_PLANE=mesh)');
    return { kind: 'mesh' };
  }
  const load = deps.loadMediasoup ?? importMediasoup;
  let reason: string;
  let cause: unknown;
  try {
    const ms = await load();
    try {
      const plane: MediasoupSfuPlane = await startSfuPlane(ms, opts.sfu, log);
      log.info(
        { media: 'sfu', workers: plane.workers, mediasoup: ms.version },
        `media plane: sfu (${plane.workers} workers)`,
      );
      return plane;
    } catch (err) {
      cause = err;
      reason = `worker failed: ${(err as Error).message}`;
    }
  } catch (err) {
    cause = err;
    reason = isModuleMissing(err) ? 'mediasoup not installed' : `mediasoup failed to load: ${(err as Error).message}`;
  }
  if (opts.mediaPlane === 'sfu') {
    throw new Error(`MEDIA_PLANE=sfu but the SFU cannot start (${reason})`, { cause });
  }
  log.warn({ media: 'mesh', reason }, `media plane: mesh (${reason})`);
  return { kind: 'mesh' };
}
