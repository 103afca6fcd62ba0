/** Rules for who is in an event and with which role. Pure: no I/O, no clock. */
import type { Role } from '@mashup/shared';
import type { DomainContext } from './context.js';
import { UNCHANGED, type Unchanged } from './context.js';
import { refuse } from './errors.js';
import type { ParticipantRecord } from './records.js';

export interface JoinProfile {
  name: string;
  org: string;
}

export function newParticipant(
  eventId: string,
  profile: JoinProfile,
  role: Role,
  ctx: DomainContext,
): ParticipantRecord {
  return {
    id: ctx.newId(),
    eventId,
    name: profile.name,
    org: profile.org,
    role,
    joinedAt: ctx.now,
    connections: 0,
    removed: false,
  };
}

/**
 * Rejoin with a token from this device: same participant, profile refreshed.
 * A host key upgrades to host; a missing one never downgrades (the host may
 * reload without the fragment).
 */
export function rejoin(
  current: ParticipantRecord | null,
  profile: JoinProfile,
  hostKeyValid: boolean,
): ParticipantRecord | Unchanged {
  if (!current) return refuse('auth.invalid', 'This session is unknown; join again.');
  if (current.removed) return refuse('auth.removed', 'You were removed from this event by a host.');
  const role: Role = hostKeyValid ? 'host' : current.role;
  if (current.name === profile.name && current.org === profile.org && current.role === role) return UNCHANGED;
  return { ...current, name: profile.name, org: profile.org, role };
}

export function updateProfile(current: ParticipantRecord | null, profile: JoinProfile): ParticipantRecord | Unchanged {
  const p = requireActive(current);
  if (p.name === profile.name && p.org === profile.org) return UNCHANGED;
  return { ...p, name: profile.name, org: profile.org };
}

export function connect(current: ParticipantRecord | null): ParticipantRecord | Unchanged {
  if (!current || current.removed) return UNCHANGED;
  return { ...current, connections: current.connections + 1 };
}

export function disconnect(current: ParticipantRecord | null): ParticipantRecord | Unchanged {
  if (!current || current.connections === 0) return UNCHANGED;
  return { ...current, connections: current.connections - 1 };
}

/** A host changes someone's role. Hosts cannot change their own (so an event never loses its last host by accident). */
export function setRole(
  target: ParticipantRecord | null,
  actorId: string,
  role: Role,
): ParticipantRecord | Unchanged {
  const p = requireActive(target);
  if (p.id === actorId) return refuse('participant.self', 'Hosts cannot change their own role.');
  if (p.role === role) return UNCHANGED;
  return { ...p, role };
}

export function remove(target: ParticipantRecord | null, actorId: string): ParticipantRecord | Unchanged {
  const p = requireActive(target);
  if (p.id === actorId) return refuse('participant.self', 'Hosts cannot remove themselves.');
  return { ...p, removed: true, connections: 0 };
}

function requireActive(p: ParticipantRecord | null): ParticipantRecord {
  if (!p || p.removed) return refuse('participant.not_found', 'No such participant in this event.');
  return p;
}
