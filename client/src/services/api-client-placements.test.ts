import { describe, expect, it } from 'vitest';
import { ApiClient, type FetchLike } from './api-client.js';

const reply = (status: number, body: unknown): FetchLike => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('ApiClient: CSV pre-assignment', () => {
  it('sends the file as text/csv with the session token and reads placed/pending/problems', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const data = {
      placed: 2,
      pending: 1,
      problems: [{ line: 4, reason: 'workshop_unknown', values: { workshop: 'Open Data' }, message: 'No workshop "Open Data" in this round.' }],
    };
    const api = new ApiClient(async (url, init) => {
      calls.push([url, init]);
      return reply(200, { ok: true, data })(url, init);
    });
    const result = await api.importPlacements('ABCDEF', 'r 1', 'tok', 'Name;Kommune;Workshop\nAnna;Ulm;A\n');
    expect(result).toEqual({ ok: true, data });
    const [url, init] = calls[0]!;
    expect(url).toBe('/api/events/ABCDEF/rounds/r%201/placements');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ authorization: 'Bearer tok', 'content-type': 'text/csv' });
    expect(init?.body).toBe('Name;Kommune;Workshop\nAnna;Ulm;A\n');
  });

  it('an error keeps its code, in the envelope or as a bare {code, message} body', async () => {
    const wrapped = await new ApiClient(reply(400, { ok: false, error: { code: 'csv.invalid', message: 'line 1' } })).importPlacements('A', 'r', 't', '');
    expect(!wrapped.ok && wrapped.error.code).toBe('csv.invalid');
    const bare = await new ApiClient(reply(409, { code: 'breakout.closed', message: 'closed' })).importPlacements('A', 'r', 't', '');
    expect(!bare.ok && bare.error.code).toBe('breakout.closed');
  });

  it('a network failure → server.unavailable', async () => {
    const api = new ApiClient(async () => {
      throw new TypeError('offline');
    });
    const result = await api.importPlacements('A', 'r', 't', '');
    expect(!result.ok && result.error.code).toBe('server.unavailable');
  });
});
