/** The mediasoup SFU plane: start it with `startSfuPlane` (select.ts decides whether to). */
import type { MediaLog } from '../log.js';
import { MediasoupSfuPlane } from './sfu-plane.js';
import type { SfuSettings } from './settings.js';
import type { MediasoupModule } from './surface.js';
import { WorkerPool } from './workers.js';

export { MediasoupSfuPlane, type PeersLostListener, type ProducerListener } from './sfu-plane.js';
export type { SfuSettings } from './settings.js';
export type { MediasoupModule } from './surface.js';

/** Starts the workers (rejects if one fails to start) and returns the plane on them. */
export async function startSfuPlane(ms: MediasoupModule, settings: SfuSettings, log: MediaLog): Promise<MediasoupSfuPlane> {
  const pool = await WorkerPool.start(ms, settings, log);
  return new MediasoupSfuPlane(pool, settings, log);
}
