/**
 * Workshop rounds: hosts define, assign, open, extend and close; participants
 * choose, call for help; moderators edit their room. Every command is one
 * compare-and-set on the round's document and one patch to the event (rule B1):
 * opening a round for 200 people is a single write and a single broadcast.
 */
import { byCreation, isRoundLive, liveRound, type Round } from '@mashup/shared';
import { refuse } from '../../domain/errors.js';
import { assignBalanced, assignKeepGroups, assignRotation, recordEncounters, type Assignment, type Encounters } from '../../domain/breakouts/assignment.js';
import { seededRandom } from '../../domain/breakouts/random.js';
import * as rounds from '../../domain/breakouts/round.js';
import type { FeatureDeps } from '../deps.js';
import { eager, type EagerHandler, type Handler } from '../handler.js';
import { writeByFamily } from '../family-write.js';
import { roundWrites } from '../round-writes.js';

/**
 * `roomsChanged`: called after a write to a live round, which may have moved
 * people into or out of its rooms or changed when they come back; the gateway
 * re-plans speed dating with it (rule S3).
 */
export function breakoutHandlers(deps: FeatureDeps, roomsChanged: (eventId: string) => void) {
  const now = () => deps.clock.now();
  const afterWrite = (eventId: string, round: Round | null) => {
    if (round && isRoundLive(round, now())) roomsChanged(eventId);
  };
  const roundsOf = async (eventId: string) =>
    (await deps.store.listItems(eventId, 'rounds')).sort(byCreation);

  // One CAS on a round, then one `round` (or `roundRemoved`) or `seats` patch (round-writes.ts).
  const { applyRound, applySeats, applySchedule } = roundWrites(deps);

  const requireModeratorsExist = async (eventId: string, ids: Array<string | null>) => {
    for (const id of ids) {
      if (id === null) continue;
      const p = await deps.store.getParticipant(eventId, id);
      if (!p || p.removed) refuse('participant.not_found', 'The moderator is not part of this event.');
    }
  };

  const save: Handler<'breakout:save'> = async ({ eventId }, input) => {
    await requireModeratorsExist(eventId, input.workshops.map((w) => w.moderatorId));
    const ctx = deps.ctx();
    let roundId = input.roundId;
    if (roundId === undefined) {
      rounds.checkRoundCount((await deps.store.listItems(eventId, 'rounds')).length);
      roundId = ctx.newId();
    }
    await applyRound(eventId, roundId, (cur, t) => {
      if (input.roundId !== undefined && cur === null) rounds.requireRound(cur);
      return rounds.define(cur, { ...input, roundId }, { ...ctx, now: t, newId: ctx.newId });
    });
    return { roundId };
  };

  const remove: Handler<'breakout:delete'> = async ({ eventId }, { roundId }) => {
    await applyRound(eventId, roundId, (cur, t) => rounds.remove(cur, t));
    return {};
  };

  const publish: Handler<'breakout:publish'> = async ({ eventId }, { roundId }) => {
    await applyRound(eventId, roundId, (cur, t) => rounds.publish(cur, t));
    return {};
  };

  const choose: Handler<'breakout:choose'> = async ({ eventId, actor }, { roundId, workshopId, waitlist }) => {
    const { round } = await applySeats(eventId, roundId, (cur, t) => rounds.choose(cur, actor.id, workshopId, { waitlist }, t));
    afterWrite(eventId, round);
    const seats = round?.seats[workshopId];
    const at = seats?.seated.indexOf(actor.id) ?? -1;
    const moderates = round?.workshops.some((w) => w.id === workshopId && w.moderatorId === actor.id) ?? false;
    if (at >= 0 || moderates) return { seated: true, position: 0 };
    return { seated: false, position: (seats?.waitlist.indexOf(actor.id) ?? -1) + 1 };
  };

  const leave: Handler<'breakout:leave'> = async ({ eventId, actor }, { roundId }) => {
    afterWrite(eventId, (await applySeats(eventId, roundId, (cur, t) => rounds.leaveChosen(cur, actor.id, t))).round);
    return {};
  };

  const move: Handler<'breakout:move'> = async ({ eventId }, { roundId, participantId, workshopId }) => {
    const p = await deps.store.getParticipant(eventId, participantId);
    if (!p || p.removed) refuse('participant.not_found', 'This participant is not part of the event.');
    afterWrite(eventId, (await applySeats(eventId, roundId, (cur, t) => rounds.move(cur, participantId, workshopId, t))).round);
    return {};
  };

  const assign: Handler<'breakout:assign'> = async ({ eventId }, { roundId, strategy, fromRoundId }) => {
    const [state, all] = await Promise.all([deps.store.loadState(eventId), roundsOf(eventId)]);
    const target = rounds.requireRound(all.find((r) => r.id === roundId) ?? null);
    const earlier = all.filter((r) => r.id !== roundId && r.openedAt !== null);
    // Everyone present who does not run the event; in choose mode only those still without a seat.
    const fill = target.mode === 'choose';
    const placed = rounds.placedPeople(target);
    const people = state.participants
      .filter((p) => !p.removed && p.role !== 'host' && p.connections > 0)
      .map((p) => p.id)
      .filter((p) => !(fill ? placed.has(p) : target.workshops.some((w) => w.moderatorId === p)));
    // A fresh seed per assignment; logged so a surprising result can be explained.
    const seed = Math.floor(Math.random() * 2 ** 32);
    deps.log.info({ eventId, roundId, strategy, seed, people: people.length }, 'assigning workshop round');
    const random = seededRandom(seed);
    const slots = rounds.freeSlots(target, fill);
    let assignment: Assignment;
    if (strategy === 'keep') {
      const latestOpened = [...earlier].sort((a, b) => a.openedAt! - b.openedAt!).at(-1);
      const from = fromRoundId ? earlier.find((r) => r.id === fromRoundId) : latestOpened;
      if (!from) return refuse('breakout.round_not_found', 'There is no earlier round to keep the groups of.');
      assignment = assignKeepGroups(people, rounds.groupsOf(from), slots, random);
    } else if (strategy === 'rotate') {
      const encounters: Encounters = new Map();
      for (const r of earlier) {
        recordEncounters(encounters, r.workshops.map((w) => r.seats[w.id]?.seated ?? []));
      }
      assignment = assignRotation(people, slots, encounters, random);
    } else {
      assignment = assignBalanced(people, slots, random);
    }
    const written = await applyRound(eventId, roundId, (cur, t) => rounds.applyAssignment(cur, assignment, t));
    afterWrite(eventId, written);
    // Counted from what was stored: people who chose meanwhile keep their seat and are not placed twice.
    const seatedNow = new Set(Object.values(written?.seats ?? {}).flatMap((s) => s.seated));
    const count = people.filter((p) => seatedNow.has(p)).length;
    return { placed: count, unplaced: people.length - count };
  };

  /**
   * Opening is what 200 people wait for, so it is eager: it writes while the funnel's checks are
   * still under way, with the guard in the write (EagerHandler), computed from the rounds as this
   * process last saw them (recentItems) and written only if they are still so (writeByFamily; rule
   * B2 in the same atomic step). When nothing changed meanwhile, that write is the command's only
   * round trip; otherwise the rounds are read and the opening computed again.
   */
  const open: EagerHandler<'breakout:open'> = eager(async ({ eventId, guard }, { roundId }) => {
    const seen = deps.store.recentItems(eventId, 'rounds');
    const change = await writeByFamily(deps.store, eventId, 'rounds', seen && { family: seen, fresh: false }, (family) =>
      applySchedule(eventId, roundId, (cur, t) => rounds.open(cur, family.items, t), { moversFirst: true, guard, familyAt: family.version }),
    );
    afterWrite(eventId, change.value);
    return {};
  });

  const extend: Handler<'breakout:extend'> = async ({ eventId }, { roundId, deltaMs }) => {
    afterWrite(eventId, (await applySchedule(eventId, roundId, (cur, t) => rounds.extend(cur, deltaMs, t))).value);
    return {};
  };

  const close: Handler<'breakout:close'> = async ({ eventId }, { roundId }) => {
    afterWrite(eventId, (await applySchedule(eventId, roundId, (cur, t) => rounds.close(cur, t))).value);
    return {};
  };

  const visit: Handler<'breakout:visit'> = async ({ eventId, actor }, { roundId, workshopId }) => {
    await applyRound(eventId, roundId, (cur, t) => rounds.visit(cur, actor.id, workshopId, t));
    return {};
  };

  const help: Handler<'breakout:help'> = async ({ eventId, actor }) => {
    const live = liveRound(await roundsOf(eventId), now()) ?? refuse('breakout.not_live', 'No workshop round is open.');
    await applyRound(eventId, live.id, (cur, t) => rounds.askForHelp(cur, actor.id, t));
    return {};
  };

  const helpDone: Handler<'breakout:helpDone'> = async ({ eventId }, { roundId, workshopId }) => {
    await applyRound(eventId, roundId, (cur) => rounds.helpDone(cur, workshopId));
    return {};
  };

  const editWorkshop: Handler<'breakout:editWorkshop'> = async ({ eventId, actor }, { roundId, workshopId, title, description }) => {
    await applyRound(eventId, roundId, (cur) =>
      rounds.editWorkshop(cur, workshopId, { title, description }, { id: actor.id, isHost: actor.role === 'host' }),
    );
    return {};
  };

  return {
    'breakout:save': save,
    'breakout:delete': remove,
    'breakout:publish': publish,
    'breakout:choose': choose,
    'breakout:leave': leave,
    'breakout:move': move,
    'breakout:assign': assign,
    'breakout:open': open,
    'breakout:extend': extend,
    'breakout:close': close,
    'breakout:visit': visit,
    'breakout:help': help,
    'breakout:helpDone': helpDone,
    'breakout:editWorkshop': editWorkshop,
  };
}
