import { describe, expect, it } from 'vitest';
import { ApiClient, type FetchLike } from './api-client.js';

const event = {
  id: 'e1',
  code: 'ABCDEF',
  title: 'MPSC Mashup',
  description: '',
  startsAt: '2025-01-01T08:00:00Z',
  endsAt: '2025-01-01T18:00:00Z',
  language: 'de',
};

const reply = (status: number, body: unknown): FetchLike => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('ApiClient', () => {
  it('join: returns the token and role on success', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const api = new ApiClient(async (url, init) => {
      calls.push([url, init]);
      return reply(200, { ok: true, data: { token: 't', participantId: 'p1', role: 'host', event } })(url, init);
    });
    const result = await api.join('ABCDEF', { name: 'Alex', org: 'Ulm', hostKey: 'k' });
    expect(result).toEqual({ ok: true, data: { token: 't', participantId: 'p1', role: 'host', event } });
    expect(calls[0]![0]).toBe('/api/events/ABCDEF/join');
    expect(JSON.parse(String(calls[0]![1]?.body))).toEqual({ name: 'Alex', org: 'Ulm', hostKey: 'k' });
  });

  it('join with a removed token → auth.removed', async () => {
    const api = new ApiClient(reply(403, { ok: false, error: { code: 'auth.removed', message: 'removed' } }));
    const result = await api.join('ABCDEF', { name: 'Alex', org: '', token: 'old' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('auth.removed');
  });

  it('an unknown event → event.not_found; a network failure → server.unavailable', async () => {
    const notFound = new ApiClient(reply(404, { ok: false, error: { code: 'event.not_found', message: 'x' } }));
    const r1 = await notFound.getEvent('ZZZZZZ');
    expect(!r1.ok && r1.error.code).toBe('event.not_found');
    const offline = new ApiClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    const r2 = await offline.getEvent('ZZZZZZ');
    expect(!r2.ok && r2.error.code).toBe('server.unavailable');
  });

  it('reads the event from the Ack envelope (and from a bare body)', async () => {
    const enveloped = await new ApiClient(reply(200, { ok: true, data: { event } })).getEvent('ABCDEF');
    const bare = await new ApiClient(reply(200, { event })).getEvent('ABCDEF');
    expect(enveloped).toEqual({ ok: true, data: { event } });
    expect(bare).toEqual(enveloped);
  });

  it('a success reply of the wrong shape is an error, not data', async () => {
    const api = new ApiClient(reply(200, { ok: true, data: { event: { title: 1 } } }));
    const r = await api.getEvent('ABCDEF');
    expect(!r.ok && r.error.code).toBe('server.internal');
  });
});
