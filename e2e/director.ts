/**
 * A host's connection from the test itself (socket.io-client, joined with the
 * event's host key), for what a spec sets up rather than tests: opening a
 * breakout round while the browsers are the people in it. Its requests go
 * through the same handlers and checks as a host's browser.
 */
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type Snapshot } from '@mashup/shared';
import type { CreatedEvent } from './fixtures.js';

export interface Director {
  socket: Socket;
  /** Sends one request and resolves its reply's data; a refusal rejects with the error code. */
  call(name: string, payload: unknown): Promise<unknown>;
}

export async function director(baseUrl: string, event: CreatedEvent): Promise<Director> {
  const hostKey = new URL(event.hostLink).hash.replace('#host=', '');
  const res = await fetch(`${baseUrl}/api/events/${event.code}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Regie', org: 'Mashup', hostKey }),
  });
  const { data } = (await res.json()) as { data: { token: string } };
  const socket = io(baseUrl, { auth: { token: data.token, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('state:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  const call = (name: string, payload: unknown) =>
    new Promise<unknown>((resolve, reject) =>
      socket.emit(name, payload, (ack: { ok: boolean; data?: unknown; error?: { code: string } }) =>
        ack.ok ? resolve(ack.data) : reject(new Error(`${name}: ${ack.error?.code}`)),
      ),
    );
  return { socket, call };
}

/** Saves a round of workshops, seats everyone (balanced) and opens it; resolves the round's id. */
export async function openWorkshopRound(
  d: Director,
  round: { title: string; durationMs: number; workshops: Array<{ title: string; capacity: number }> },
): Promise<string> {
  const { roundId } = (await d.call('breakout:save', { ...round, mode: 'balanced' })) as { roundId: string };
  await d.call('breakout:assign', { roundId, strategy: 'balanced' });
  await d.call('breakout:open', { roundId });
  return roundId;
}

/** The id of the participant who joined as `name` (from a fresh snapshot): for a setup that names a person, such as a talk's presenter. */
export async function participantId(d: Director, name: string): Promise<string> {
  const { participants } = (await d.call('state:sync', {})) as Snapshot;
  const found = participants.find((p) => p.name === name);
  if (!found) throw new Error(`no participant called ${name}: ${participants.map((p) => p.name).join(', ')}`);
  return found.id;
}
