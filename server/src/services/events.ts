/**
 * Creating events and joining them: the use cases behind the HTTP API and the
 * demo seed. Rules live in domain/; this file orders the I/O around them.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { JoinReply, Language, Role } from '@mashup/shared';
import type { DomainContext } from '../domain/context.js';
import { refuse } from '../domain/errors.js';
import { joinCode, newEvent, type EventInput } from '../domain/events.js';
import { newParticipant, rejoin, type JoinProfile } from '../domain/participants.js';
import { eventInfo, participantView, type EventRecord, type ParticipantRecord } from '../domain/records.js';
import type { TokenSigner } from '../session/tokens.js';
import type { EventStore } from '../store/types.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import { placeJoiner } from './placement.js';

export interface EventServiceDeps {
  store: EventStore;
  signer: TokenSigner;
  broadcast: Broadcaster;
  ctx: () => DomainContext;
}

export interface CreatedEvent {
  event: EventRecord;
  hostKey: string;
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function linksFor(baseUrl: string, code: string, hostKey?: string) {
  const participantLink = `${baseUrl}/j/${code}`;
  // The host secret travels in the fragment, which browsers never send to a server or proxy log.
  return { participantLink, hostLink: hostKey ? `${participantLink}#host=${hostKey}` : participantLink };
}

export class EventService {
  constructor(private readonly deps: EventServiceDeps) {}

  /** `fixed` pins code and host key (the demo event, so its links survive restarts). */
  async create(input: EventInput & { language: Language }, fixed?: { code: string; hostKey: string }): Promise<CreatedEvent> {
    const hostKey = fixed?.hostKey ?? randomBytes(18).toString('base64url');
    // A code collision is unlikely (1 in ~887M per existing event) but possible: draw again.
    for (let attempt = 0; attempt < 10; attempt++) {
      const event = newEvent(input, fixed?.code ?? joinCode(randomBytes(6)), hashKey(hostKey), this.deps.ctx());
      if (await this.deps.store.createEvent(event)) return { event, hostKey };
      if (fixed) break;
    }
    throw new Error('could not find a free join code');
  }

  find(code: string): Promise<EventRecord | null> {
    return this.deps.store.findEventByCode(code);
  }

  async byCode(code: string): Promise<EventRecord> {
    return (await this.find(code)) ?? refuse('event.not_found', `No event with code ${code}.`);
  }

  /**
   * Join by code. A valid token for this event brings back the same participant
   * (reload, new tab, lost connection: no duplicate entry); a valid host key
   * grants the host role; otherwise a new participant is created.
   */
  async join(code: string, profile: JoinProfile, token?: string, hostKey?: string): Promise<JoinReply> {
    const { store, signer, broadcast } = this.deps;
    const event = await this.byCode(code);
    const isHost = hostKey !== undefined && safeEqualHex(hashKey(hostKey), event.hostKeyHash);
    if (hostKey !== undefined && !isHost) refuse('auth.invalid', 'This host link is not valid.');

    const claims = token ? signer.verify(token) : null;
    if (claims && claims.eventId === event.id) {
      const change = await store.updateParticipant(event.id, claims.participantId, (cur) =>
        rejoin(cur, profile, isHost),
      );
      const p = change.value!;
      if (change.seq !== null) broadcast.patch(event.id, change.seq, { type: 'participant', participant: participantView(p) });
      await this.seat(event.id, p, false);
      return { token: token!, participantId: p.id, role: p.role, event: eventInfo(event) };
    }

    const role: Role = isHost ? 'host' : 'participant';
    const p = newParticipant(event.id, profile, role, this.deps.ctx());
    const seq = await store.addParticipant(p);
    broadcast.patch(event.id, seq, { type: 'participant', participant: participantView(p) });
    await this.seat(event.id, p, true);
    return {
      token: signer.sign({ eventId: event.id, participantId: p.id }),
      participantId: p.id,
      role,
      event: eventInfo(event),
    };
  }

  /**
   * After the participant patch, so clients know the person before they see
   * them seated; before the reply, so the first snapshot already has the seat.
   */
  private seat(eventId: string, p: ParticipantRecord, newcomer: boolean): Promise<void> {
    const { store, broadcast, ctx } = this.deps;
    return placeJoiner({ store, broadcast, now: () => ctx().now }, eventId, { ...p, newcomer });
  }
}

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
