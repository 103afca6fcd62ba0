/**
 * CSV pre-assignment of a workshop round: `POST
 * /api/events/:code/rounds/:roundId/placements` with a `text/csv` body, hosts
 * only, authenticated like the uploads (`Authorization: Bearer`). The rows are
 * applied in one compare-and-set on the round (domain/breakouts/csv.ts) and
 * announced with one `round` patch, as the socket handlers do.
 */
import type { FastifyInstance } from 'fastify';
import { JoinCode, LIMITS, ok, type PlacementsReply } from '@mashup/shared';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { importPlacements, parseCsv, type ImportResult } from '../domain/breakouts/csv.js';
import { refuse } from '../domain/errors.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { RateLimits } from '../realtime/rate-limits.js';
import { placeJoiner } from '../services/placement.js';
import type { TokenSigner } from '../session/tokens.js';
import type { EventStore } from '../store/types.js';
import { parseOrRefuse } from './errors.js';
import { authenticate } from './uploads.js';

export interface PlacementRouteDeps {
  store: EventStore;
  signer: TokenSigner;
  limits: RateLimits;
  broadcast: Broadcaster;
  clock: Clock;
}

const Params = z.object({ code: JoinCode, roundId: z.string().min(1).max(64) });

export async function registerPlacementRoutes(app: FastifyInstance, deps: PlacementRouteDeps): Promise<void> {
  // In its own scope: only this route reads CSV bodies, with their own size limit.
  await app.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer', bodyLimit: LIMITS.csvMaxBytes }, (_req, body, done) =>
      done(null, body),
    );

    scope.post('/api/events/:code/rounds/:roundId/placements', async (req) => {
      const { code, roundId } = parseOrRefuse(Params, req.params);
      const { event, actor } = await authenticate(deps, req, code);
      if (actor.role !== 'host') refuse('auth.forbidden', 'Only hosts may import placements.');
      const retryMs = await deps.limits.consume('httpUpload', actor.id);
      if (retryMs !== null) refuse('rate.limited', `Too many uploads; try again in ${Math.ceil(retryMs / 1000)} s.`);
      if (!Buffer.isBuffer(req.body)) return refuse('payload.invalid', 'Send the file as text/csv.');
      const rows = parseCsv(decodeUtf8(req.body));

      const before = await deps.store.loadState(event.id);
      let result: ImportResult | null = null;
      const change = await deps.store.updateItem(event.id, 'rounds', roundId, (cur) => {
        result = importPlacements(cur, rows, before.participants, deps.clock.now());
        return result.round;
      });
      const done = result as ImportResult | null;
      if (change.seq !== null && change.value) deps.broadcast.patch(event.id, change.seq, { type: 'round', round: change.value });

      // Someone who joined between our read of the participants and the write
      // above found no pending row yet and was not matched: seat them now.
      const known = new Set(before.participants.map((p) => p.id));
      const after = await deps.store.loadState(event.id);
      for (const p of after.participants) {
        if (!known.has(p.id) && !p.removed) await placeJoiner({ ...deps, now: () => deps.clock.now() }, event.id, { ...p, newcomer: true });
      }

      req.log.info({ eventId: event.id, roundId, rows: rows.length, placed: done?.placed, pending: done?.pending }, 'placements imported');
      const reply: PlacementsReply = { placed: done?.placed ?? 0, pending: done?.pending ?? 0, problems: done?.problems ?? [] };
      return ok(reply);
    });
  });
}

/** UTF-8 with or without BOM; anything else (Excel's "CSV" in Windows-1252) is refused with a hint instead of garbled names. */
function decodeUtf8(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return refuse('csv.invalid', 'The file is not UTF-8 text; save it as "CSV UTF-8".');
  }
}
