/**
 * Speed dating (PROTOCOL section 13): hosts prepare, start and stop sessions;
 * participants sit out rounds, choose topics, mark whom they want to stay in
 * touch with and fetch their mutual contacts. Every change to a session is
 * one compare-and-set on its document and one `speedDating` patch; marks and
 * contact details are private records with no patch at all (rule S7).
 *
 * Who takes part changes with presence, so the gateway calls `onPresence`
 * when someone's first tab connects or last tab leaves, and the workshop
 * rounds' handlers when people go into workshop rooms or the time they come
 * back changes: the rounds not yet begun are planned again (rule S3).
 */
import { closesAt, inWorkshops, liveRound, metInSession, type SpeedDating, type SpeedDatingContacts } from '@mashup/shared';
import { UNCHANGED, type Unchanged } from '../../domain/context.js';
import { refuse } from '../../domain/errors.js';
import type { EventState } from '../../store/types.js';
import * as sessions from '../../domain/speed-dating/session.js';
import type { PairHistory } from '../../domain/speed-dating/matching.js';
import { vCards } from '../../domain/speed-dating/vcard.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';

/**
 * Who may be paired (rule S3): connected, not removed, not a host (hosts run
 * the session). Whoever is in a workshop of a live round is paired only in
 * rounds that begin once its rooms have closed (roomOf puts them in the
 * workshop first: their partner would wait alone).
 */
export function takersOf(state: Pick<EventState, 'participants' | 'items'>, now: number): sessions.Taker[] {
  const live = liveRound(state.items.rounds, now);
  const busy = live ? inWorkshops(live) : new Set<string>();
  const back = live ? closesAt(live) : null;
  return state.participants
    .filter((p) => !p.removed && p.connections > 0 && p.role !== 'host')
    .map((p) => (busy.has(p.id) && back !== null ? { id: p.id, org: p.org, busyUntil: back } : { id: p.id, org: p.org }));
}

/**
 * How often a re-plan may re-read who takes part after writing. Every pass
 * that writes is followed by a read made after that write, so the last writer
 * always checks against presence as it is now, and the loop ends at the first
 * read that finds nothing to change. With one pass (no check), 30 arrivals and
 * 10 departures at once on two processes left a stale plan in 1 of 2 runs;
 * the bound only stops a pathological churn from holding a request forever.
 */
const SETTLE_PASSES = 10;

export function speedDatingHandlers(deps: FeatureDeps) {
  const now = () => deps.clock.now();
  const list = (eventId: string) => deps.store.listItems(eventId, 'speedDatings');

  const apply = async (eventId: string, id: string, fn: (cur: SpeedDating | null, t: number) => SpeedDating | null | Unchanged, known?: SpeedDating | null) => {
    const change = await deps.store.updateItem(eventId, 'speedDatings', id, (cur) => fn(cur, now()), { known });
    if (change.seq !== null) {
      deps.broadcast.patch(
        eventId,
        change.seq,
        change.value ? { type: 'speedDating', speedDating: change.value } : { type: 'speedDatingRemoved', speedDatingId: id },
      );
    }
    return change;
  };

  const find = async (eventId: string, id: string) => sessions.requireSession((await list(eventId)).find((s) => s.id === id) ?? null);

  /**
   * One planning write on a session: who takes part now and the event's sessions are read
   * (one loadState), then one compare-and-set whose function gets them with the pair history.
   */
  const planned = async (
    eventId: string,
    id: string,
    fn: (cur: SpeedDating | null, c: { takers: sessions.Taker[]; prior: PairHistory; all: SpeedDating[] }, t: number) => SpeedDating | Unchanged,
  ) => {
    const state = await deps.store.loadState(eventId);
    const all = state.items.speedDatings;
    const takers = takersOf(state, now());
    return apply(eventId, id, (cur, t) => fn(cur, { takers, prior: sessions.eventHistory(all, id, t), all }, t), all.find((s) => s.id === id) ?? null);
  };

  /**
   * Plans the session's rounds not yet begun for who takes part now, until a
   * read after the last write finds nothing to change (rule S3).
   */
  const settle = async (eventId: string, id: string) => {
    for (let pass = 0; pass < SETTLE_PASSES; pass++) {
      const change = await planned(eventId, id, (cur, c, t) => sessions.replan(cur, c.takers, c.prior, t));
      if (change.seq === null) return;
    }
  };

  const replanActive = async (eventId: string) => {
    const t = now();
    for (const sd of await list(eventId)) if (sessions.isActive(sd, t)) await settle(eventId, sd.id);
  };

  /**
   * One re-plan per event at a time in this process, plus one more after it
   * when presence changed meanwhile: a crowd reconnecting at once (a restart,
   * a break) costs two plans, not one per person racing the others' writes.
   * The trailing run reads presence afresh, so it covers every change it
   * absorbed.
   */
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  const onPresence = (eventId: string): Promise<void> => {
    const current = running.get(eventId);
    if (current) {
      current.again = true;
      return current.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await replanActive(eventId);
        } while (entry.again);
      } finally {
        running.delete(eventId);
      }
    })();
    running.set(eventId, entry);
    return entry.done;
  };

  const save: Handler<'speeddating:save'> = async ({ eventId }, input) => {
    const ctx = deps.ctx();
    let id = input.speedDatingId;
    if (id === undefined) {
      sessions.checkSessionCount((await list(eventId)).length);
      id = ctx.newId();
    }
    const sdId = id;
    await apply(eventId, sdId, (cur, t) => {
      if (input.speedDatingId !== undefined) sessions.requireSession(cur);
      return sessions.define(cur, { ...input, speedDatingId: sdId }, { now: t, newId: ctx.newId });
    });
    return { speedDatingId: sdId };
  };

  const remove: Handler<'speeddating:delete'> = async ({ eventId }, { speedDatingId }) => {
    await apply(eventId, speedDatingId, (cur, t) => sessions.remove(cur, t));
    // The document goes first: once it is gone nobody can mark, so nothing is written after this.
    await deps.store.deleteSpeedDatingMarks(eventId, speedDatingId);
    return {};
  };

  const start: Handler<'speeddating:start'> = async ({ eventId }, { speedDatingId }) => {
    const change = await planned(eventId, speedDatingId, (cur, c, t) => sessions.start(cur, c.all, c.takers, c.prior, t));
    const startAt = change.value!.startAt!;
    // Rule S1 under a race, as L1 for lobbies: whoever looks after writing sees every start
    // written before its own, so at least the later of two steps back.
    const t = now();
    const rivals = (await list(eventId)).filter((s) => s.id !== speedDatingId && sessions.isActive(s, t));
    if (rivals.length > 0) {
      await apply(eventId, speedDatingId, (cur) => sessions.undoStart(cur, startAt));
      refuse('speeddating.another_running', 'Another speed-dating session started at the same moment.');
    }
    await settle(eventId, speedDatingId);
    return { startAt };
  };

  const stop: Handler<'speeddating:stop'> = async ({ eventId }, { speedDatingId }) => {
    await apply(eventId, speedDatingId, (cur, t) => sessions.stop(cur, t));
    return {};
  };

  const sitOut: Handler<'speeddating:sitOut'> = async ({ eventId, actor }, { speedDatingId, round, out }) => {
    await planned(eventId, speedDatingId, (cur, c, t) => sessions.sitOut(cur, actor.id, round, out, c.takers, c.prior, t));
    await settle(eventId, speedDatingId);
    return {};
  };

  const topics: Handler<'speeddating:topics'> = async ({ eventId, actor }, { speedDatingId, topics: chosen }) => {
    await planned(eventId, speedDatingId, (cur, c, t) => sessions.chooseTopics(cur, actor.id, chosen, c.takers, c.prior, t));
    await settle(eventId, speedDatingId);
    return {};
  };

  /**
   * A private write that raced with the session's deletion (read the session, then the
   * delete removed its marks, then this wrote): look again after writing and forget it, so
   * no contact details outlive their session (rule S7).
   */
  const forgetIfDeleted = async (eventId: string, id: string) => {
    if ((await list(eventId)).some((s) => s.id === id)) return;
    await deps.store.deleteSpeedDatingMarks(eventId, id);
    refuse('speeddating.not_found', 'This speed-dating session was deleted.');
  };

  const mark: Handler<'speeddating:mark'> = async ({ eventId, actor }, { speedDatingId, participantId, marked }) => {
    const sd = await find(eventId, speedDatingId);
    let changed = false;
    await deps.store.updateSpeedDatingMarks(eventId, speedDatingId, actor.id, (cur) => {
      const next = sessions.mark(sd, cur, actor.id, participantId, marked, now());
      changed = next !== UNCHANGED;
      return next;
    });
    await forgetIfDeleted(eventId, speedDatingId);
    // The other person hears of it only when they marked back (the pair became or stopped being
    // mutual): a one-sided mark stays unseen, even in its timing (rule S7).
    const [theirs] = await deps.store.speedDatingMarks(eventId, speedDatingId, [participantId]);
    if (changed && theirs?.marked.includes(actor.id)) deps.broadcast.speedDatingContacts(eventId, [participantId], speedDatingId);
    return {};
  };

  const contact: Handler<'speeddating:contact'> = async ({ eventId, actor }, { speedDatingId, contact: details }) => {
    const sd = await find(eventId, speedDatingId);
    let changed = false;
    const mine = await deps.store.updateSpeedDatingMarks(eventId, speedDatingId, actor.id, (cur) => {
      const next = sessions.setContact(sd, cur, actor.id, details);
      changed = next !== UNCHANGED;
      return next;
    });
    await forgetIfDeleted(eventId, speedDatingId);
    if (!changed) return {};
    // Mutual contacts see the new details when they next look: tell them to look.
    const others = await deps.store.speedDatingMarks(eventId, speedDatingId, mine?.marked ?? []);
    const mutual = others.filter((o) => sessions.isMutual(mine, o)).map((o) => o.participantId);
    deps.broadcast.speedDatingContacts(eventId, mutual, speedDatingId);
    return {};
  };

  const contacts: Handler<'speeddating:contacts'> = async ({ eventId, actor }, { speedDatingId }) => {
    const sd = await find(eventId, speedDatingId);
    const met = metInSession(sd, actor.id, now());
    const [records, people, event] = await Promise.all([
      deps.store.speedDatingMarks(eventId, speedDatingId, [actor.id, ...met]),
      Promise.all(met.map((p) => deps.store.getParticipant(eventId, p))),
      deps.store.getEvent(eventId),
    ]);
    const byId = new Map(records.map((r) => [r.participantId, r]));
    const mine = byId.get(actor.id) ?? null;
    const partners = met.flatMap((id, i) => {
      const person = people[i];
      if (!person || person.removed) return [];
      const theirs = byId.get(id) ?? null;
      const mutual = sessions.isMutual(mine, theirs);
      return [
        {
          participantId: id,
          name: person.name,
          org: person.org,
          marked: mine?.marked.includes(id) ?? false,
          mutual,
          email: mutual ? theirs!.contact.email : '',
          phone: mutual ? theirs!.contact.phone : '',
        },
      ];
    });
    const note = event ? `${sd.title} · ${event.title}` : sd.title;
    const reply: SpeedDatingContacts = {
      partners,
      contact: mine?.contact ?? { email: '', phone: '' },
      vcard: vCards(partners.filter((p) => p.mutual).map((p) => ({ name: p.name, org: p.org, email: p.email, phone: p.phone, note }))),
    };
    return reply;
  };

  return {
    onPresence,
    handlers: {
      'speeddating:save': save,
      'speeddating:delete': remove,
      'speeddating:start': start,
      'speeddating:stop': stop,
      'speeddating:sitOut': sitOut,
      'speeddating:topics': topics,
      'speeddating:mark': mark,
      'speeddating:contact': contact,
      'speeddating:contacts': contacts,
    },
  };
}
