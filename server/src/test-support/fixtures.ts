import { randomBytes, randomUUID } from 'node:crypto';
import type { EventRecord, ParticipantRecord } from '../domain/records.js';

export const uniquePrefix = () => `test:${randomUUID().slice(0, 8)}:`;

export function eventRecord(over: Partial<EventRecord> = {}): EventRecord {
  return {
    id: randomUUID(),
    code: randomBytes(3).toString('hex').toUpperCase(),
    title: 'Test-Veranstaltung',
    description: '',
    startsAt: '2026-11-23T08:45:00+01:00',
    endsAt: '2026-11-23T20:00:00+01:00',
    language: 'de',
    hostKeyHash: 'x',
    createdAt: 0,
    ...over,
  };
}

export function participantRecord(eventId: string, over: Partial<ParticipantRecord> = {}): ParticipantRecord {
  return {
    id: randomUUID(),
    eventId,
    name: 'Alex',
    org: 'Ulm',
    role: 'participant',
    joinedAt: 0,
    connections: 0,
    removed: false,
    ...over,
  };
}
