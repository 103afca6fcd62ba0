import { clientEvents, type ClientEventName } from '@mashup/shared';
import { describe, expect, it } from 'vitest';
import { FakeTransport } from '../test-support/fake-transport.js';
import { LobbyCommands } from './lobby-commands.js';

describe('lobby requests', () => {
  it('each command sends its lobby:* event with a payload the server’s schema accepts, and resolves the reply', async () => {
    const transport = new FakeTransport();
    const sent: Array<{ name: ClientEventName; payload: unknown }> = [];
    transport.autoReply = (name, payload) => {
      sent.push({ name, payload });
      return name === 'lobby:surprise' ? { ok: true, data: { tableId: 't2' } } : { ok: true, data: {} };
    };
    const c = new LobbyCommands(transport);
    await c.save({ title: 'Social Eating', kind: 'social-eating', tables: [{ name: 'Tisch 1', topic: '', capacity: 6, locked: false }] });
    await c.open('l1');
    await c.sit('l1', 't1');
    expect(await c.surprise('l1')).toEqual({ ok: true, data: { tableId: 't2' } });
    await c.leave('l1');
    await c.lock('l1', 't1', true);
    await c.shuffle('l1');
    await c.close('l1');
    await c.remove('l1');
    expect(sent.map((s) => s.name)).toEqual([
      'lobby:save',
      'lobby:open',
      'lobby:sit',
      'lobby:surprise',
      'lobby:leave',
      'lobby:lock',
      'lobby:shuffle',
      'lobby:close',
      'lobby:delete',
    ]);
    for (const s of sent) expect(clientEvents[s.name].schema.safeParse(s.payload).success, s.name).toBe(true);
  });

  it('each command carries the ids and values it was given, nothing else', async () => {
    const transport = new FakeTransport();
    const sent: Array<[ClientEventName, unknown]> = [];
    transport.autoReply = (name, payload) => {
      sent.push([name, payload]);
      return { ok: true, data: {} };
    };
    const c = new LobbyCommands(transport);
    const input = { lobbyId: 'l2', title: 'Get-together', kind: 'get-together' as const, tables: [{ id: 't9', name: 'Tisch 9', topic: 'Klima', capacity: 4, locked: true }] };
    await c.save(input);
    await c.remove('l2');
    await c.open('l2');
    await c.close('l2');
    await c.lock('l2', 't9', false);
    await c.shuffle('l2');
    await c.sit('l2', 't9');
    await c.leave('l2');
    await c.surprise('l2');
    expect(sent).toEqual([
      ['lobby:save', input],
      ['lobby:delete', { lobbyId: 'l2' }],
      ['lobby:open', { lobbyId: 'l2' }],
      ['lobby:close', { lobbyId: 'l2' }],
      ['lobby:lock', { lobbyId: 'l2', tableId: 't9', locked: false }],
      ['lobby:shuffle', { lobbyId: 'l2' }],
      ['lobby:sit', { lobbyId: 'l2', tableId: 't9' }],
      ['lobby:leave', { lobbyId: 'l2' }],
      ['lobby:surprise', { lobbyId: 'l2' }],
    ]);
  });
});
