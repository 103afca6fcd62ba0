/**
 * The HTTP API (`/api/...`) as typed calls. Successful replies are checked
 * against the shared schemas; every outcome, including network failures,
 * becomes the protocol's Ack envelope so pages have one error path.
 */
import { z } from 'zod';
import {
  CreateEventReply,
  ERROR_CODES,
  EventInfo,
  JoinReply,
  type Ack,
  type CreateEventBody,
  type JoinBody,
} from '@mashup/shared';
import { failure, toErrorCode } from './socket-client.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const EventReply = z.object({ event: EventInfo });
export type EventReply = z.infer<typeof EventReply>;

const ErrorReply = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string() }),
});

export class ApiClient {
  readonly #fetch: FetchLike;
  readonly #base: string;

  /** `fetch` is wrapped so it is never called with this object as `this` (browsers reject that). */
  constructor(fetchFn: FetchLike = (input, init) => fetch(input, init), base = '') {
    this.#fetch = fetchFn;
    this.#base = base;
  }

  createEvent(body: CreateEventBody): Promise<Ack<CreateEventReply>> {
    return this.#call('POST', '/api/events', body, CreateEventReply);
  }

  getEvent(code: string): Promise<Ack<EventReply>> {
    return this.#call('GET', `/api/events/${encodeURIComponent(code)}`, undefined, EventReply);
  }

  join(code: string, body: JoinBody): Promise<Ack<JoinReply>> {
    return this.#call('POST', `/api/events/${encodeURIComponent(code)}/join`, body, JoinReply);
  }

  async #call<T>(method: 'GET' | 'POST', path: string, body: unknown, schema: z.ZodType<T>): Promise<Ack<T>> {
    let response: Response;
    try {
      response = await this.#fetch(this.#base + path, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      return failure(ERROR_CODES.unavailable, `${method} ${path}: network error`);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const parsed = ErrorReply.safeParse(json);
      if (parsed.success) return failure(toErrorCode(parsed.data.error.code), parsed.data.error.message);
      const code = response.status === 404 ? ERROR_CODES.notFound : response.status >= 502 ? ERROR_CODES.unavailable : ERROR_CODES.internal;
      return failure(code, `${method} ${path}: HTTP ${response.status}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return failure(ERROR_CODES.internal, `${method} ${path}: unexpected reply`);
    return { ok: true, data: parsed.data };
  }
}
