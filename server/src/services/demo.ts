/**
 * The demo event that `npm start` prepares, so a newcomer can click through at
 * once. Its code is fixed and its host key derived from the session secret, so
 * with Redis the same links keep working across restarts. It comes with a
 * Pecha Kucha block of three talks whose sample decks are drawn here and taken
 * through the same pipeline as an upload, a workshop round to choose from, a
 * lobby with tables for the lunch break, and the evening's speed dating.
 */
import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { FORMAT_PRESETS, LobbyInput, RoundInput, SpeedDatingInput, type Deck, type PechaKuchaBlock } from '@mashup/shared';
import { UNCHANGED } from '../domain/context.js';
import * as rounds from '../domain/breakouts/round.js';
import * as lobbies from '../domain/lobbies/lobby.js';
import * as speedDating from '../domain/speed-dating/session.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { EventStore } from '../store/types.js';
import type { SampleSlide } from '../uploads/deck-render.js';
import type { DeckService } from '../uploads/decks.js';
import type { FileStore } from '../uploads/file-store.js';
import type { EventService } from './events.js';
import { linksFor } from './events.js';

export const DEMO_CODE = 'MPSC26';

export interface DemoPechaKuchaDeps {
  store: EventStore;
  decks: DeckService;
  files: FileStore;
  broadcast: Broadcaster;
  newId: () => string;
  log: FastifyBaseLogger;
}

export async function ensureDemoEvent(
  events: EventService,
  secret: string,
  baseUrl: string,
  now: Date,
  pechakucha?: DemoPechaKuchaDeps,
) {
  const hostKey = createHmac('sha256', secret).update('demo-host-key').digest('base64url').slice(0, 24);
  let event = await events.find(DEMO_CODE);
  if (!event) {
    const day = now.toISOString().slice(0, 10);
    event = await events
      .create(
        {
          title: 'MPSC Mashup Demo',
          description:
            'Eine Demo-Veranstaltung der Modellprojekte Smart Cities: Plenum mit Chat, Reaktionen, Handmeldungen, Durchsagen, gemeinsamem Countdown, einem Pecha Kucha mit Beispiel-Foliensätzen, einer Workshoprunde zum Wählen, Tischen für das Social Eating und einem Speed-Dating am Abend.',
          startsAt: `${day}T08:45:00+01:00`,
          endsAt: `${day}T20:00:00+01:00`,
          language: 'de',
        },
        { code: DEMO_CODE, hostKey },
      )
      .then(
        (created) => created.event,
        async (err: unknown) => {
          // Several processes starting together race to create it: losing that race is fine.
          const winner = await events.find(DEMO_CODE);
          if (!winner) throw err;
          return winner;
        },
      );
  }
  if (pechakucha) {
    // Independent of the decks below: a full disk must not cost the demo its workshops.
    await ensureDemoRound(pechakucha, event.id, now.getTime());
    await ensureDemoLobby(pechakucha, event.id, now.getTime());
    await ensureDemoSpeedDating(pechakucha, event.id, now.getTime());
    // Not fatal: without the sample decks (e.g. DATA_DIR not writable) the demo still has its plenary.
    await ensureDemoPechaKucha(pechakucha, event.id).catch((err: unknown) =>
      pechakucha.log.warn({ err }, 'demo Pecha Kucha not prepared'),
    );
  }
  return linksFor(baseUrl, DEMO_CODE, hostKey);
}

const FORMAT = FORMAT_PRESETS.pechakucha;

const DEMO_TALKS = [
  { city: 'Solingen', title: 'Offene Daten für die Klingenstadt' },
  { city: 'Wolfsburg', title: 'Mobilität neu vernetzt' },
  { city: 'Haßfurt', title: 'Smarte Region im ländlichen Raum' },
] as const;

/** One line per slide: the arc of a typical project talk (sample content, not a report of any real project). */
const LINES = [
  'Worum es geht: ein Projekt in 20 Folien',
  'Ausgangslage in der Kommune',
  'Was Bürgerinnen und Bürger sich wünschen',
  'Unser Ziel für die nächsten drei Jahre',
  'Das Team: Verwaltung, Stadtwerke, Zivilgesellschaft',
  'Erste Schritte: Bestandsaufnahme der Daten',
  'Die urbane Datenplattform als Rückgrat',
  'Sensoren dort, wo sie Fragen beantworten',
  'Ein digitaler Zwilling für die Planung',
  'Beteiligung: online und vor Ort',
  'Was gut lief',
  'Was schwieriger war als gedacht',
  'Datenschutz von Anfang an mitgedacht',
  'Offene Standards statt Insellösungen',
  'Wie andere Kommunen mitnutzen können',
  'Kosten und Förderung im Überblick',
  'Was wir messen, um Wirkung zu zeigen',
  'Die nächsten Meilensteine',
  'Unsere Bitte an die Community',
  'Danke! Fragen gern in den Chat',
];

/** Calm background/accent pairs: text ≥ 7.9:1, the big accent number ≥ 4.4:1 (WCAG large text: 3:1); neighbouring slides differ, so a switch is visible. */
const PALETTE = [
  { background: '#e9f1f7', accent: '#2f6f8f' },
  { background: '#edf3ea', accent: '#4d7a3a' },
  { background: '#f6efe7', accent: '#9a5b2e' },
  { background: '#f0edf6', accent: '#5e4f8c' },
];

const SAMPLE_SLIDES: SampleSlide[] = LINES.map((line, i) => ({
  number: i + 1,
  total: LINES.length,
  kicker: 'Beispiel-Foliensatz',
  line,
  ...PALETTE[i % PALETTE.length]!,
}));

/**
 * Creates the demo's Pecha Kucha block unless the event has one (a host may
 * have changed it; a restart on Redis must not undo that). Two processes may
 * get here at once: both render, one compare-and-set wins, the other removes
 * its decks again.
 */
async function ensureDemoPechaKucha(deps: DemoPechaKuchaDeps, eventId: string): Promise<void> {
  if ((await deps.store.loadState(eventId)).docs.pechakucha) return;
  const started = performance.now();
  const built: Deck[] = [];
  try {
    // Rendered once and copied: 20 slides take ~1.3 s, 60 would keep start-up waiting ~4 s (measured).
    const first = await deps.decks.build(eventId, { kind: 'sample', slides: SAMPLE_SLIDES }, FORMAT.slides, 'demo');
    built.push(first);
    while (built.length < DEMO_TALKS.length) built.push(await deps.decks.copy(eventId, first));
  } catch (err) {
    await Promise.all(built.map((d) => deps.files.removeDeck(eventId, d.id)));
    throw err;
  }
  const block: PechaKuchaBlock = {
    id: deps.newId(),
    title: 'Pecha Kucha: Smart-City-Projekte im Schnelldurchlauf',
    format: { ...FORMAT },
    breakMs: 15_000,
    talks: DEMO_TALKS.map((t, i) => ({
      id: deps.newId(),
      title: t.title,
      presenterId: null,
      presenterName: `Team ${t.city}`,
      municipality: t.city,
      deck: built[i]!,
    })),
    run: null,
  };
  const change = await deps.store
    .updateDoc(eventId, 'pechakucha', (cur) => (cur ? UNCHANGED : block))
    .catch(async (err: unknown) => {
      await Promise.all(built.map((d) => deps.files.removeDeck(eventId, d.id)));
      throw err;
    });
  if (change.seq === null) {
    // Another process was first: its block stands, our decks are not referenced.
    await Promise.all(built.map((d) => deps.files.removeDeck(eventId, d.id)));
    return;
  }
  deps.broadcast.patch(eventId, change.seq, { type: 'pechakucha', block });
  deps.log.info({ eventId, ms: Math.round(performance.now() - started) }, 'demo Pecha Kucha prepared');
}

/**
 * "Workshoprunde 1" of the reference day (/work/shared/demo-day.json, 10:30):
 * two workshops of 25 seats, participants choose, 60 minutes. Fixed ids make
 * the round the same document whichever process writes it, so two processes
 * starting at once write it once (the second compare-and-set finds it there).
 */
export const DEMO_ROUND_ID = 'demo-workshoprunde-1';
const DEMO_ROUND: RoundInput = {
  roundId: DEMO_ROUND_ID,
  title: 'Workshoprunde 1',
  durationMs: 60 * 60_000,
  mode: 'choose',
  workshops: [
    {
      title: "Mach's mit, mach's nach, mach's kommunikativ! Interne und externe Kommunikation",
      description: 'Wie erreichen Smart-City-Projekte Verwaltung, Politik und Stadtgesellschaft? Erfahrungen, Formate, Stolpersteine.',
      capacity: 25,
    },
    {
      title: 'Herzlich digital – Agieren im Spannungsfeld Politik, Verwaltung, Gesellschaft',
      description: 'Zwischen Ratsbeschluss, Amtsweg und Bürgerbeteiligung: wie Digitalprojekte Rückhalt gewinnen und behalten.',
      capacity: 25,
    },
  ],
};

/**
 * Creates the demo's workshop round, published so participants can choose at
 * once, unless the event has rounds already (a host may have changed or
 * replaced it; a restart on Redis must not undo that).
 */
async function ensureDemoRound(deps: Pick<DemoPechaKuchaDeps, 'store' | 'broadcast' | 'log'>, eventId: string, now: number): Promise<void> {
  if ((await deps.store.listItems(eventId, 'rounds')).length > 0) return;
  let n = 0;
  const defined = rounds.define(null, RoundInput.parse(DEMO_ROUND), { now, newId: () => `demo-workshop-${++n}` });
  const round = { ...defined, publishedAt: now };
  const change = await deps.store.updateItem(eventId, 'rounds', DEMO_ROUND_ID, (cur) => (cur ? UNCHANGED : round));
  if (change.seq === null) return;
  deps.broadcast.patch(eventId, change.seq, { type: 'round', round });
  deps.log.info({ eventId, roundId: DEMO_ROUND_ID }, 'demo workshop round prepared');
}

/**
 * "Social Eating" of the reference day (12:00): eight tables of six, some with
 * a working group's topic, prepared but not open (a host opens it at lunch).
 * Fixed ids, as for the round, so processes starting at once write it once.
 */
export const DEMO_LOBBY_ID = 'demo-social-eating';
const DEMO_TOPICS = ['Urbane Datenplattformen', 'Digitaler Zwilling', 'Klimaresilienz', 'Smarte Regionen'];
const DEMO_LOBBY: LobbyInput = {
  lobbyId: DEMO_LOBBY_ID,
  title: 'Social Eating',
  kind: 'social-eating',
  tables: Array.from({ length: 8 }, (_, i) => ({ name: `Tisch ${i + 1}`, topic: DEMO_TOPICS[i] ?? '', capacity: 6 })),
};

/** Creates the demo's lunch lobby unless the event has lobbies already (a host's changes survive a restart). */
async function ensureDemoLobby(deps: Pick<DemoPechaKuchaDeps, 'store' | 'broadcast' | 'log'>, eventId: string, now: number): Promise<void> {
  if ((await deps.store.listItems(eventId, 'lobbies')).length > 0) return;
  let n = 0;
  const lobby = lobbies.define(null, { ...LobbyInput.parse(DEMO_LOBBY), lobbyId: DEMO_LOBBY_ID }, { now, newId: () => `demo-table-${++n}` });
  const change = await deps.store.updateItem(eventId, 'lobbies', DEMO_LOBBY_ID, (cur) => (cur ? UNCHANGED : lobby));
  if (change.seq === null) return;
  deps.broadcast.patch(eventId, change.seq, { type: 'lobby', lobby });
  deps.log.info({ eventId, lobbyId: DEMO_LOBBY_ID }, 'demo lobby prepared');
}

/**
 * The evening's speed dating of the reference day (18:00): six rounds of three
 * minutes with a short break, people from other municipalities, topics from
 * the working groups (AEGs) to choose, and a conversation starter per round.
 * Prepared, not started; like the lobby, created only while the event has no
 * sessions, so a host's changes survive a restart.
 */
export const DEMO_SPEED_DATING_ID = 'demo-speed-dating';
const DEMO_SPEED_DATING: SpeedDatingInput = {
  speedDatingId: DEMO_SPEED_DATING_ID,
  title: 'Speed-Dating',
  roundMs: 3 * 60_000,
  breakMs: 30_000,
  rounds: 6,
  rules: { differentMunicipality: true, matchByTopics: true },
  topics: DEMO_TOPICS,
  starters: [
    'Woran arbeiten Sie gerade in Ihrem Modellprojekt?',
    'Welches Vorhaben würden Sie anderen Kommunen sofort zum Nachmachen empfehlen?',
    'Was hat in Ihrem Projekt überraschend gut funktioniert – und was nicht?',
    'Welche Daten hätten Sie gern, die Sie heute noch nicht haben?',
    'Wie nehmen Sie Politik und Verwaltung bei digitalen Projekten mit?',
    'Mit welcher Kommune würden Sie gern einmal zusammenarbeiten, und woran?',
  ],
};

async function ensureDemoSpeedDating(deps: Pick<DemoPechaKuchaDeps, 'store' | 'broadcast' | 'log'>, eventId: string, now: number): Promise<void> {
  if ((await deps.store.listItems(eventId, 'speedDatings')).length > 0) return;
  const session = speedDating.define(null, { ...SpeedDatingInput.parse(DEMO_SPEED_DATING), speedDatingId: DEMO_SPEED_DATING_ID }, { now, newId: () => DEMO_SPEED_DATING_ID });
  const change = await deps.store.updateItem(eventId, 'speedDatings', DEMO_SPEED_DATING_ID, (cur) => (cur ? UNCHANGED : session));
  if (change.seq === null) return;
  deps.broadcast.patch(eventId, change.seq, { type: 'speedDating', speedDating: session });
  deps.log.info({ eventId, speedDatingId: DEMO_SPEED_DATING_ID }, 'demo speed dating prepared');
}
