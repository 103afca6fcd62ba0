import type { FastifyBaseLogger } from 'fastify';
import type { IceServer } from '@mashup/shared';
import type { MediaPlaneImpl } from '../media/plane.js';
import type { Clock } from '../clock.js';
import type { DomainContext } from '../domain/context.js';
import type { EventStore } from '../store/types.js';
import type { FileStore } from '../uploads/file-store.js';
import type { Broadcaster } from './broadcaster.js';
import type { ReactionAggregator } from './reactions.js';

/** What feature handlers may use. Injected, never imported as singletons. */
export interface FeatureDeps {
  store: EventStore;
  broadcast: Broadcaster;
  clock: Clock;
  ctx: () => DomainContext;
  reactions: ReactionAggregator;
  files: FileStore;
  log: FastifyBaseLogger;
  /** The media plane in use (mesh, or the mediasoup SFU when it loaded). */
  media: MediaPlaneImpl;
  mediaConfig: MediaConfig;
}

export interface MediaConfig {
  /** STUN/TURN servers handed to browsers (none by default: no third-party hosts). */
  iceServers: IceServer[];
  /** Mesh: how many tabs of one room may send at once (rule M4). */
  meshMaxPublishers: number;
}
