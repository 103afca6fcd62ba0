/** The events API: create, read by join code, join. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CreateEventBody, JoinBody, JoinCode, ok, type CreateEventReply, type EventReply } from '@mashup/shared';
import { z } from 'zod';
import { eventInfo } from '../domain/records.js';
import { linksFor, type EventService } from '../services/events.js';
import { DomainError } from '../domain/errors.js';
import type { RateFamily, RateLimits } from '../realtime/rate-limits.js';
import { parseOrRefuse } from './errors.js';

const CodeParams = z.object({ code: JoinCode });

export function registerEventRoutes(
  app: FastifyInstance,
  events: EventService,
  limits: RateLimits,
  baseUrl: () => string,
): void {
  const limit = async (family: RateFamily, req: FastifyRequest) => {
    const retryMs = await limits.consume(family, req.ip);
    if (retryMs !== null) {
      throw new DomainError('rate.limited', `Too many requests; try again in ${Math.ceil(retryMs / 1000)} s.`);
    }
  };

  app.post('/api/events', async (req, reply) => {
    await limit('httpCreate', req);
    const body = parseOrRefuse(CreateEventBody, req.body);
    const { event, hostKey } = await events.create(body);
    const data: CreateEventReply = { event: eventInfo(event), ...linksFor(baseUrl(), event.code, hostKey) };
    req.log.info({ eventId: event.id, code: event.code }, 'event created');
    return reply.status(201).send(ok(data));
  });

  app.get('/api/events/:code', async (req) => {
    const { code } = parseOrRefuse(CodeParams, req.params);
    const data: EventReply = { event: eventInfo(await events.byCode(code)) };
    return ok(data);
  });

  app.post('/api/events/:code/join', async (req) => {
    await limit('httpJoin', req);
    const { code } = parseOrRefuse(CodeParams, req.params);
    const body = parseOrRefuse(JoinBody, req.body);
    return ok(await events.join(code, { name: body.name, org: body.org }, body.token, body.hostKey));
  });
}
