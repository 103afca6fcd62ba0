import type { FastifyBaseLogger } from 'fastify';
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
}
