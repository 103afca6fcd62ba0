import type { ChatMessage } from '@mashup/shared';
import { EventMirror } from './event-mirror.js';
import { joinAndConnect, type TestClient } from './harness.js';

/**
 * The people of a room test (workshop rounds, lobby tables): each joins over a
 * real socket and is watched — a mirror of their event state, and every chat
 * message they hear, in order — until `closeAll` after the test.
 */
export class RoomPeople {
  readonly clients: TestClient[] = [];
  /** Every chat message each client received, in order. */
  readonly heard = new Map<TestClient, ChatMessage[]>();

  async join(url: string, code: string, name: string, hostKey?: string, org = 'Ulm'): Promise<{ c: TestClient; view: EventMirror }> {
    const c = await joinAndConnect(url, code, { name, org, ...(hostKey ? { hostKey } : {}) });
    this.clients.push(c);
    this.heard.set(c, []);
    c.socket.on('chat:message', (m) => this.heard.get(c)!.push(m));
    return { c, view: new EventMirror(c) };
  }

  closeAll(): void {
    this.clients.splice(0).forEach((c) => c.close());
    this.heard.clear();
  }
}
