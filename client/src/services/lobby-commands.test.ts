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
    expect(sent.find((s) => s.name === 'lobby:lock')?.payload).toEqual({ lobbyId: 'l1', tableId: 't1', locked: true });
  });

  it('a refusal comes back as the ack, for the error funnel to word it', async () => {
    const transport = new FakeTransport();
    transport.autoReply = () => ({ ok: false, error: { code: 'lobby.table_full', message: 'full', details: { capacity: 6 } } });
    expect(await new LobbyCommands(transport).sit('l1', 't1')).toMatchObject({ ok: false, error: { code: 'lobby.table_full' } });
  });
});
