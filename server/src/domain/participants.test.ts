import { describe, expect, it } from 'vitest';
import { participantRecord } from '../test-support/fixtures.js';
import { UNCHANGED } from './context.js';
import * as participants from './participants.js';

describe('participants', () => {
  const p = participantRecord('e1', { id: 'p1', name: 'Alex', org: 'Ulm' });

  it('rejoin keeps the participant, refreshes the profile and never downgrades a host', () => {
    expect(participants.rejoin(p, { name: 'Alex', org: 'Ulm' }, false)).toBe(UNCHANGED);
    expect(participants.rejoin(p, { name: 'Alex B.', org: 'Ulm' }, false)).toMatchObject({ id: 'p1', name: 'Alex B.' });
    expect(participants.rejoin(p, { name: 'Alex', org: 'Ulm' }, true)).toMatchObject({ role: 'host' });
    const host = { ...p, role: 'host' as const };
    expect(participants.rejoin(host, { name: 'Alex', org: 'Ulm' }, false)).toBe(UNCHANGED);
  });

  it('a removed participant cannot rejoin (auth.removed) or connect', () => {
    const removed = participants.remove(p, 'host') as typeof p;
    expect(removed).toMatchObject({ removed: true, connections: 0 });
    expect(() => participants.rejoin(removed, { name: 'Alex', org: '' }, false)).toThrow(
      expect.objectContaining({ code: 'auth.removed' }),
    );
    expect(participants.connect(removed)).toBe(UNCHANGED);
  });

  it('connections count tabs; disconnect never goes below zero', () => {
    const one = participants.connect(p) as typeof p;
    const two = participants.connect(one) as typeof p;
    expect(two.connections).toBe(2);
    expect(participants.disconnect(p)).toBe(UNCHANGED);
  });

  it('hosts cannot change their own role or remove themselves (participant.self)', () => {
    expect(() => participants.setRole(p, 'p1', 'host')).toThrow(expect.objectContaining({ code: 'participant.self' }));
    expect(() => participants.remove(p, 'p1')).toThrow(expect.objectContaining({ code: 'participant.self' }));
    expect(participants.setRole(p, 'h', 'participant')).toBe(UNCHANGED);
    expect(() => participants.setRole(null, 'h', 'host')).toThrow(expect.objectContaining({ code: 'participant.not_found' }));
  });
});
