import { describe, expect, it } from 'vitest';
import type { ChatMessage, SequencedPatch, Snapshot } from '@mashup/shared';
import { person, snapshot } from '../test-support/snapshots.js';
import {
  initialPlenaryState,
  reducePlenary,
  type PlenaryAction,
  type PlenaryEffect,
  type PlenaryState,
} from './plenary-state.js';
import { connectedCount, isHost, peopleRows } from './selectors.js';

const message = (seq: number, text = `m${seq}`): ChatMessage => ({
  id: `c${seq}`,
  seq,
  roomId: 'plenary',
  participantId: 'p1',
  name: 'Person p1',
  org: 'Musterstadt',
  text,
  at: 1000 + seq,
});

const join = (seq: number, id: string): SequencedPatch => ({
  seq,
  patch: { type: 'participant', participant: person(id) },
});

/** Runs actions in order and collects every effect the reducer asked for. */
function run(actions: PlenaryAction[], start: PlenaryState = initialPlenaryState) {
  let state = start;
  const effects: PlenaryEffect[] = [];
  for (const action of actions) {
    const step = reducePlenary(state, action);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

const ids = (state: PlenaryState) => state.view?.participants.map((p) => p.id);

describe('event patches', () => {
  it('applies the next patch in order', () => {
    const { state, effects } = run([
      { type: 'snapshot', snapshot: snapshot(5), source: 'connect' },
      { type: 'patch', patch: join(6, 'p2') },
      { type: 'patch', patch: join(7, 'p3') },
    ]);
    expect(ids(state)).toEqual(['p1', 'p2', 'p3']);
    expect(state.seq).toBe(7);
    expect(effects).toEqual([]);
  });

  it('ignores a patch it already has (same or older seq), so replays are harmless', () => {
    const once = run([
      { type: 'snapshot', snapshot: snapshot(5), source: 'connect' },
      { type: 'patch', patch: join(6, 'p2') },
    ]);
    const twice = run(
      [
        { type: 'patch', patch: join(6, 'p2') },
        { type: 'patch', patch: join(4, 'p9') },
      ],
      once.state,
    );
    expect(twice.state).toBe(once.state);
    expect(twice.effects).toEqual([]);
  });

  it('on a gap buffers the patch and asks for one sync, not one per patch', () => {
    const { state, effects } = run([
      { type: 'snapshot', snapshot: snapshot(5), source: 'connect' },
      { type: 'patch', patch: join(8, 'p4') },
      { type: 'patch', patch: join(9, 'p5') },
    ]);
    expect(effects).toEqual(['sync']);
    expect(state.syncPending).toBe(true);
    expect(ids(state)).toEqual(['p1']);
    expect(state.buffer.map((p) => p.seq)).toEqual([8, 9]);
  });

  it('after the sync snapshot re-applies buffered patches newer than it', () => {
    const { state, effects } = run([
      { type: 'snapshot', snapshot: snapshot(5), source: 'connect' },
      { type: 'patch', patch: join(8, 'p4') },
      { type: 'patch', patch: join(9, 'p5') },
      {
        type: 'snapshot',
        snapshot: snapshot(8, { participants: [person('p1'), person('p2'), person('p3'), person('p4')] }),
        source: 'sync',
      },
    ]);
    expect(effects).toEqual(['sync']);
    expect(ids(state)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(state.seq).toBe(9);
    expect(state.buffer).toEqual([]);
    expect(state.syncPending).toBe(false);
  });

  it('fills a gap from late patches without a snapshot and keeps them when an older sync reply arrives', () => {
    const { state } = run([
      { type: 'snapshot', snapshot: snapshot(5), source: 'connect' },
      { type: 'patch', patch: join(7, 'p3') },
      { type: 'patch', patch: join(6, 'p2') },
      { type: 'snapshot', snapshot: snapshot(6, { participants: [person('p1'), person('p2')] }), source: 'sync' },
    ]);
    expect(ids(state)).toEqual(['p1', 'p2', 'p3']);
    expect(state.seq).toBe(7);
    expect(state.syncPending).toBe(false);
  });

  it('asks again after a failed sync', () => {
    const { effects } = run([
      { type: 'snapshot', snapshot: snapshot(5), source: 'connect' },
      { type: 'patch', patch: join(8, 'p4') },
      { type: 'syncFailed' },
      { type: 'patch', patch: join(9, 'p5') },
    ]);
    expect(effects).toEqual(['sync', 'sync']);
  });

  it('keeps patches that arrive before the first snapshot and applies the newer ones after it', () => {
    const { state, effects } = run([
      { type: 'patch', patch: join(5, 'p0') },
      { type: 'patch', patch: join(6, 'p2') },
      { type: 'snapshot', snapshot: snapshot(5), source: 'connect' },
    ]);
    expect(effects).toEqual([]);
    expect(ids(state)).toEqual(['p1', 'p2']);
    expect(state.seq).toBe(6);
  });

  it('a reconnect snapshot replaces the state even when its seq is lower', () => {
    const { state } = run([
      { type: 'snapshot', snapshot: snapshot(5), source: 'connect' },
      { type: 'patch', patch: join(6, 'p2') },
      { type: 'snapshot', snapshot: snapshot(2), source: 'connect' },
    ]);
    expect(ids(state)).toEqual(['p1']);
    expect(state.seq).toBe(2);
  });

  it('applies hands, announcement, countdown and role changes of the own participant', () => {
    const { state } = run([
      { type: 'snapshot', snapshot: snapshot(1), source: 'connect' },
      { type: 'patch', patch: { seq: 2, patch: { type: 'hands', hands: [{ participantId: 'p1', raisedAt: 5 }] } } },
      {
        type: 'patch',
        patch: { seq: 3, patch: { type: 'announcement', announcement: { id: 'a1', text: 'Pause', postedAt: 1, by: 'p9' } } },
      },
      {
        type: 'patch',
        patch: {
          seq: 4,
          patch: {
            type: 'countdown',
            countdown: { id: 'c1', label: 'Workshop', totalMs: 60_000, endsAt: 2_000_000, pausedRemainingMs: null },
          },
        },
      },
      { type: 'patch', patch: { seq: 5, patch: { type: 'participant', participant: person('p1', { role: 'host' }) } } },
    ]);
    const view = state.view!;
    expect(view.hands).toEqual([{ participantId: 'p1', raisedAt: 5 }]);
    expect(view.announcement?.text).toBe('Pause');
    expect(view.countdown?.label).toBe('Workshop');
    expect(view.self.role).toBe('host');
    expect(isHost(view)).toBe(true);
  });

  it('marks the own removal and drops the removed person and their hand', () => {
    const { state } = run([
      {
        type: 'snapshot',
        snapshot: snapshot(1, {
          participants: [person('p1'), person('p2')],
          hands: [{ participantId: 'p2', raisedAt: 1 }],
        }),
        source: 'connect',
      },
      { type: 'patch', patch: { seq: 2, patch: { type: 'participantRemoved', participantId: 'p2' } } },
    ]);
    expect(ids(state)).toEqual(['p1']);
    expect(state.view!.hands).toEqual([]);
    expect(state.view!.removed).toBe(false);
    const after = run([{ type: 'patch', patch: { seq: 3, patch: { type: 'participantRemoved', participantId: 'p1' } } }], state);
    expect(after.state.view!.removed).toBe(true);
  });
});

describe('chat', () => {
  const start = () =>
    run([
      {
        type: 'snapshot',
        snapshot: snapshot(1, { chat: { roomId: 'plenary', seq: 2, messages: [message(1), message(2)] } }),
        source: 'connect',
      },
    ]).state;

  it('appends the next message and ignores repeats', () => {
    const { state, effects } = run(
      [
        { type: 'chatMessage', message: message(3) },
        { type: 'chatMessage', message: message(3) },
        { type: 'chatMessage', message: message(2) },
      ],
      start(),
    );
    expect(state.chat!.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(effects).toEqual([]);
  });

  it('on a gap asks once for the history and merges buffered messages after it', () => {
    const { state, effects } = run(
      [
        { type: 'chatMessage', message: message(5) },
        { type: 'chatMessage', message: message(6) },
        { type: 'chatHistory', history: { roomId: 'plenary', seq: 4, messages: [1, 2, 3, 4].map((n) => message(n)) } },
      ],
      start(),
    );
    expect(effects).toEqual(['chatHistory']);
    expect(state.chat!.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(state.chat!.historyPending).toBe(false);
  });

  it('ignores messages of other rooms', () => {
    const other = { ...message(3), roomId: 'workshop-1' };
    const { state } = run([{ type: 'chatMessage', message: other }], start());
    expect(state.chat!.messages).toHaveLength(2);
  });

  it('a sync snapshot with older chat keeps newer messages already shown', () => {
    const withThree = run([{ type: 'chatMessage', message: message(3) }], start()).state;
    const { state } = run(
      [
        {
          type: 'snapshot',
          snapshot: snapshot(1, { chat: { roomId: 'plenary', seq: 2, messages: [message(1), message(2)] } }),
          source: 'sync',
        },
      ],
      withThree,
    );
    expect(state.chat!.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });
});

describe('selectors', () => {
  it('counts connected people and lists raised hands first in queue order', () => {
    const { state } = run([
      {
        type: 'snapshot',
        snapshot: snapshot(1, {
          participants: [
            person('a', { name: 'Zoe' }),
            person('b', { name: 'Anna', connected: false }),
            person('c', { name: 'Ben' }),
            person('d', { name: 'Carla' }),
          ],
          hands: [
            { participantId: 'd', raisedAt: 20 },
            { participantId: 'a', raisedAt: 10 },
          ],
        }),
        source: 'connect',
      },
    ]);
    const view = state.view!;
    expect(connectedCount(view)).toBe(3);
    const rows = peopleRows(view, 'de');
    expect(rows.map((r) => r.participant.name)).toEqual(['Zoe', 'Carla', 'Ben', 'Anna']);
    expect(rows.map((r) => r.handPosition)).toEqual([1, 2, null, null]);
  });
});
