import type { EventInfo, Language, ParticipantView, Role } from '@mashup/shared';

/** An event as stored. `hostKeyHash` is a SHA-256 of the host link's secret, never the secret itself. */
export interface EventRecord {
  id: string;
  code: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  language: Language;
  hostKeyHash: string;
  createdAt: number;
}

export interface ParticipantRecord {
  id: string;
  eventId: string;
  name: string;
  org: string;
  role: Role;
  joinedAt: number;
  /** Open sockets of this participant across all server processes (tabs, reconnects). */
  connections: number;
  /** Removed by a host: the token is refused from now on. */
  removed: boolean;
}

export function eventInfo(e: EventRecord): EventInfo {
  return {
    id: e.id,
    code: e.code,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    language: e.language,
  };
}

export function participantView(p: ParticipantRecord): ParticipantView {
  return {
    id: p.id,
    name: p.name,
    org: p.org,
    role: p.role,
    connected: p.connections > 0,
    joinedAt: p.joinedAt,
  };
}
