/**
 * Lobbies with tables (PROTOCOL section 12): hosts prepare, open, close, lock
 * and shuffle; participants sit down, get up or let chance choose. Every
 * command is one compare-and-set on the lobby's document and one `lobby`
 * patch, so 50 people racing for a 6-seat table on several processes seat
 * exactly 6 (rule L3), and sitting down moves a person's room without moving
 * any socket (rule L2).
 */
import { lobbyRoomId, metInSession, roomOf, tableRoomId, type Lobby, type Round } from '@mashup/shared';
import { UNCHANGED, type Unchanged } from '../../domain/context.js';
import { refuse } from '../../domain/errors.js';
import { seededRandom } from '../../domain/breakouts/random.js';
import * as lobbies from '../../domain/lobbies/lobby.js';
import type { FeatureDeps } from '../deps.js';
import type { ItemWrite } from '../../store/types.js';
import { writeByFamily } from '../family-write.js';
import { eager, type EagerHandler, type Handler } from '../handler.js';

/** Everyone who shared a workshop room with `person` in a round that opened ("met", rule L6). */
export function metInRounds(rounds: readonly Round[], person: string): Set<string> {
  const met = new Set<string>();
  for (const r of rounds) {
    if (r.openedAt === null) continue;
    for (const w of r.workshops) {
      const members = [...(r.seats[w.id]?.seated ?? []), ...(w.moderatorId ? [w.moderatorId] : [])];
      if (members.includes(person)) members.forEach((m) => met.add(m));
    }
  }
  met.delete(person);
  return met;
}

/**
 * Writing a lobby: one compare-and-set on its document, then one `lobby` (or
 * `lobbyRemoved`) patch. `fn` may run more than once under contention; what
 * its last run returned beside the lobby (a table id, counts) is the result.
 */
export function lobbyWrites(deps: Pick<FeatureDeps, 'store' | 'broadcast' | 'clock'>) {
  const now = () => deps.clock.now();
  const applyLobby = async <R = undefined>(
    eventId: string,
    lobbyId: string,
    fn: (cur: Lobby | null, t: number) => { lobby: Lobby | null; result?: R } | Unchanged,
    opts: ItemWrite<Lobby> = {},
  ) => {
    let result: R | undefined;
    const change = await deps.store.updateItem(
      eventId,
      'lobbies',
      lobbyId,
      (cur) => {
        result = undefined;
        const out = fn(cur, now());
        if (out === UNCHANGED) return UNCHANGED;
        result = out.result;
        return out.lobby;
      },
      opts,
    );
    if (change.seq !== null) {
      deps.broadcast.patch(eventId, change.seq, change.value ? { type: 'lobby', lobby: change.value } : { type: 'lobbyRemoved', lobbyId });
    }
    return { change, result };
  };
  return { applyLobby };
}

export function lobbyHandlers(deps: FeatureDeps) {
  const now = () => deps.clock.now();
  const list = (eventId: string) => deps.store.listItems(eventId, 'lobbies');

  const { applyLobby } = lobbyWrites(deps);
  const whole = (lobby: Lobby | null | Unchanged) => (lobby === UNCHANGED ? UNCHANGED : { lobby });

  const save: Handler<'lobby:save'> = async ({ eventId }, input) => {
    const ctx = deps.ctx();
    let lobbyId = input.lobbyId;
    if (lobbyId === undefined) {
      lobbies.checkLobbyCount((await list(eventId)).length);
      lobbyId = ctx.newId();
    }
    const id = lobbyId;
    await applyLobby(eventId, id, (cur, t) => {
      if (input.lobbyId !== undefined) lobbies.requireLobby(cur);
      return whole(lobbies.define(cur, { ...input, lobbyId: id }, { now: t, newId: ctx.newId }));
    });
    return { lobbyId: id };
  };

  const remove: Handler<'lobby:delete'> = async ({ eventId }, { lobbyId }) => {
    await applyLobby(eventId, lobbyId, (cur) => {
      lobbies.requireLobby(cur);
      return { lobby: null };
    });
    return {};
  };

  // Eager like opening a round (breakouts.ts): decided on the lobbies as this process last saw them,
  // written only if none changed since (writeByFamily), so two lobbies opened at once cannot both be
  // open (rule L1); the funnel's checks travel in the write (EagerHandler).
  const open: EagerHandler<'lobby:open'> = eager(async ({ eventId, guard }, { lobbyId }) => {
    const seen = deps.store.recentItems(eventId, 'lobbies');
    await writeByFamily(deps.store, eventId, 'lobbies', seen && { family: seen, fresh: false }, (family) =>
      applyLobby(eventId, lobbyId, (cur, t) => whole(lobbies.open(cur, family.items, t)), { guard, familyAt: family.version }),
    );
    return {};
  });

  const close: Handler<'lobby:close'> = async ({ eventId }, { lobbyId }) => {
    await applyLobby(eventId, lobbyId, (cur, t) => whole(lobbies.close(cur, t)));
    return {};
  };

  const lock: Handler<'lobby:lock'> = async ({ eventId }, { lobbyId, tableId, locked }) => {
    await applyLobby(eventId, lobbyId, (cur) => whole(lobbies.lock(cur, tableId, locked)));
    return {};
  };

  const shuffle: Handler<'lobby:shuffle'> = async ({ eventId }, { lobbyId }) => {
    const state = await deps.store.loadState(eventId);
    const t = now();
    const lobby = lobbies.requireLobby(state.items.lobbies.find((l) => l.id === lobbyId) ?? null);
    // Present: connected, and in this lobby now (not in a workshop of a live round, nor in a
    // running speed-dating session, which comes before the lobby).
    const inLobby = (p: string) => {
      const room = roomOf(p, state.items.rounds, t, [lobby], state.items.speedDatings);
      return room === lobbyRoomId(lobby.id) || lobby.tables.some((tb) => room === tableRoomId(tb.id));
    };
    const present = state.participants.filter((p) => !p.removed && p.connections > 0 && inLobby(p.id)).map((p) => p.id);
    // A fresh seed per shuffle, logged so a surprising seating can be explained; the same seed on
    // every compare-and-set retry keeps the draw the same.
    const seed = Math.floor(Math.random() * 2 ** 32);
    deps.log.info({ eventId, lobbyId, seed, people: present.length }, 'shuffling lobby tables');
    const { result } = await applyLobby<{ placed: number; unplaced: number }>(eventId, lobbyId, (cur) => {
      const out = lobbies.shuffle(cur, present, seededRandom(seed));
      return { lobby: out.lobby, result: { placed: out.placed, unplaced: out.unplaced } };
    });
    return result ?? { placed: 0, unplaced: present.length };
  };

  const sit: Handler<'lobby:sit'> = async ({ eventId, actor }, { lobbyId, tableId }) => {
    await applyLobby(eventId, lobbyId, (cur) => whole(lobbies.sit(cur, actor.id, tableId)));
    return {};
  };

  const leave: Handler<'lobby:leave'> = async ({ eventId, actor }, { lobbyId }) => {
    await applyLobby(eventId, lobbyId, (cur) => whole(lobbies.leave(cur, actor.id)));
    return {};
  };

  const surprise: Handler<'lobby:surprise'> = async ({ eventId, actor }, { lobbyId }) => {
    const [rounds, dates] = await Promise.all([deps.store.listItems(eventId, 'rounds'), deps.store.listItems(eventId, 'speedDatings')]);
    const t = now();
    const met = new Set([...metInRounds(rounds, actor.id), ...dates.flatMap((sd) => metInSession(sd, actor.id, t))]);
    const { result } = await applyLobby<string>(eventId, lobbyId, (cur) => {
      const out = lobbies.surprise(cur, actor.id, met);
      return { lobby: out.lobby, result: out.tableId };
    });
    return { tableId: result! };
  };

  return {
    'lobby:save': save,
    'lobby:delete': remove,
    'lobby:open': open,
    'lobby:close': close,
    'lobby:lock': lock,
    'lobby:shuffle': shuffle,
    'lobby:sit': sit,
    'lobby:leave': leave,
    'lobby:surprise': surprise,
  };
}
