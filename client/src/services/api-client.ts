/**
 * The HTTP API (`/api/...`) as typed calls. Successful replies are checked
 * against the shared schemas; every outcome, including network failures,
 * becomes the protocol's Ack envelope so pages have one error path.
 */
import {
  CreateEventReply,
  ERROR_CODES,
  EventReply,
  JoinReply,
  PlacementsReply,
  type Ack,
  type CreateEventBody,
  type ErrorBody,
  type JoinBody,
} from '@mashup/shared';
import { failure, toErrorCode } from './failure.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The part of a zod schema this client uses (zod itself is shared's dependency, not ours). */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

function isEnvelope(value: unknown): value is { ok: true; data: unknown } {
  return typeof value === 'object' && value !== null && 'ok' in value && value.ok === true && 'data' in value;
}

function errorBody(value: unknown): { code: string; message: string } | null {
  if (typeof value !== 'object' || value === null || !('error' in value)) return null;
  const error = value.error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  return typeof error.code === 'string' ? { code: error.code, message } : null;
}

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

  /**
   * CSV pre-assignment for a workshop round (host): the file as it is, the
   * server parses it ("Name;Kommune;Workshop", `;` or `,`). People who have
   * joined are seated, the others wait as pending placements until they join.
   */
  async importPlacements(code: string, roundId: string, token: string, csv: Blob | string): Promise<Ack<PlacementsReply>> {
    const path = `/api/events/${encodeURIComponent(code)}/rounds/${encodeURIComponent(roundId)}/placements`;
    let response: Response;
    try {
      response = await this.#fetch(this.#base + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', accept: 'application/json' },
        body: csv,
      });
    } catch {
      return failure(ERROR_CODES.unavailable, `POST ${path}: network error`);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    // A bare `{code, message}` error body is read like the usual `{error: {...}}` envelope.
    const body = !response.ok && typeof json === 'object' && json !== null && 'code' in json && !('error' in json) ? { error: json } : json;
    return readReply(response.status, body, PlacementsReply, `POST ${path}`);
  }

  async #call<T>(method: 'GET' | 'POST', path: string, body: unknown, schema: Parser<T>): Promise<Ack<T>> {
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
    return readReply(response.status, json, schema, `${method} ${path}`);
  }
}

/**
 * An HTTP reply (status and parsed JSON body, undefined if unreadable) as an
 * Ack: the server's error envelope keeps its code; success bodies are checked
 * against `schema`. Shared by fetch calls and XHR uploads (upload-client.ts).
 */
export function readReply<T>(status: number, json: unknown, schema: Parser<T>, label: string): Ack<T> {
  if (status < 200 || status >= 300) {
    const error = errorBody(json);
    if (error) return { ok: false, error: { ...failure(toErrorCode(error.code), error.message).error, ...detailsOf(json) } };
    const code = status === 404 ? ERROR_CODES.notFound : status === 0 || status >= 502 ? ERROR_CODES.unavailable : ERROR_CODES.internal;
    return failure(code, `${label}: HTTP ${status}`);
  }
  // The server answers with the Ack envelope `{ ok: true, data }`; a bare body
  // is accepted too, so a proxy or an older server that unwraps it still works.
  const data = isEnvelope(json) ? json.data : json;
  const parsed = schema.safeParse(data);
  if (!parsed.success) return failure(ERROR_CODES.internal, `${label}: unexpected reply`);
  return { ok: true, data: parsed.data };
}

/** `error.details` of an error envelope (e.g. upload.slide_count's actual/expected), when present. */
function detailsOf(value: unknown): Pick<ErrorBody, 'details'> {
  if (typeof value !== 'object' || value === null || !('error' in value)) return {};
  const error = value.error;
  if (typeof error !== 'object' || error === null || !('details' in error)) return {};
  const details = error.details;
  if (typeof details !== 'object' || details === null) return {};
  const kept = Object.entries(details).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number');
  return kept.length ? { details: Object.fromEntries(kept) } : {};
}
