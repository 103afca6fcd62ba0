/**
 * Pre-assignment from a CSV file (issue 4): a host uploads "Name; Kommune;
 * Workshop" rows made in a spreadsheet before the event. People who have
 * joined are seated at once; rows naming someone who has not joined yet stay
 * on the round as pending placements and seat that person when they join
 * (placeOnJoin in join.ts). The whole import is one new round value, written
 * in one compare-and-set by the caller, so a refused or failed import leaves
 * nothing half-written. Capacity holds (rule B4): a row that would overfill a
 * room is reported, never seated.
 *
 * Parsing uses csv-parse (quoted fields, line breaks inside quotes, BOM) rather
 * than splitting lines by hand: spreadsheet exports quote names such as
 * "Müller, Anna" and titles with semicolons.
 */
import { parse, type CsvError } from 'csv-parse/sync';
import { LIMITS, roundPhase, type PendingPlacement, type Round, type Workshop, type WorkshopSeats, type CsvProblem } from '@mashup/shared';
import { refuse } from '../errors.js';
import { UNCHANGED } from '../context.js';
import { requireRound } from './round.js';
import { leave as leaveSeat } from './seats.js';

/** One data row of the file; `line` is the 1-based line number in the file (for the host's report). */
export interface CsvRow {
  line: number;
  name: string;
  org: string;
  workshop: string;
}

export type { CsvProblem };

/** Header names accepted per column, compared after normalizing (case, spaces). */
const HEADERS = {
  name: ['name', 'teilnehmende', 'teilnehmer', 'teilnehmerin', 'person'],
  org: ['kommune', 'organisation', 'org', 'stadt', 'municipality', 'organization'],
  workshop: ['workshop', 'raum', 'room'],
} as const;

/**
 * Names compare case-insensitively with unified Unicode forms and spaces, so
 * "anna  Müller" (typed) matches "Anna Müller" (NFD from a Mac export). No
 * further fuzziness: a wrong match seats a person in the wrong room.
 */
export function normalizeName(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();
}

/**
 * The separator is what the header row uses: German spreadsheets write `;`,
 * others `,`. Detected from the first line only, where no data can mislead.
 */
function detectDelimiter(text: string): ';' | ',' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

/** Parses the file into rows; refuses `csv.invalid` (with the line when known) for anything unreadable. */
export function parseCsv(text: string): CsvRow[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') refuse('csv.invalid', 'The file is empty; it needs a header row "Name;Kommune;Workshop".');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body, {
      delimiter: detectDelimiter(body),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const lines: unknown = (err as CsvError).lines;
    const line = typeof lines === 'number' ? lines : undefined;
    return refuse(
      'csv.invalid',
      `The file is not readable as CSV${line ? ` at line ${line}` : ''}: ${(err as Error).message}`,
      line ? { line } : undefined,
    );
  }
  const [head, ...rows] = records;
  const header = head!.record.map(normalizeName);
  const column = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = { name: column(HEADERS.name), org: column(HEADERS.org), workshop: column(HEADERS.workshop) };
  if (at.name < 0 || at.workshop < 0) {
    refuse('csv.invalid', 'The first row must name the columns: Name, Kommune (optional), Workshop.', { line: 1 });
  }
  if (rows.length > LIMITS.csvRowsMax) {
    refuse('csv.invalid', `At most ${LIMITS.csvRowsMax} rows per file (this one has ${rows.length}).`);
  }
  return rows.map(({ record, info }) => ({
    line: info.lines,
    name: record[at.name] ?? '',
    org: at.org >= 0 ? (record[at.org] ?? '') : '',
    workshop: record[at.workshop] ?? '',
  }));
}

/** Who can be named in a file: the event's participants as the store has them. */
export interface Person {
  id: string;
  name: string;
  org: string;
  removed: boolean;
}

export interface ImportResult {
  round: Round;
  /** Rows whose person now has a seat in the named workshop (also when they already had it). */
  placed: number;
  /** Rows kept for people who have not joined yet. */
  pending: number;
  problems: CsvProblem[];
  /** Workshops whose seats changed. */
  changed: string[];
}

const pendingKey = (name: string, org: string) => `${normalizeName(name)}\u0000${normalizeName(org)}`;

/** A workshop named by id, or by title (normalized); a title used by two workshops is ambiguous. */
function findWorkshop(round: Round, text: string): Workshop | 'unknown' | 'ambiguous' {
  const byId = round.workshops.find((w) => w.id === text);
  if (byId) return byId;
  const wanted = normalizeName(text);
  const byTitle = round.workshops.filter((w) => normalizeName(w.title) === wanted);
  return byTitle.length === 1 ? byTitle[0]! : byTitle.length === 0 ? 'unknown' : 'ambiguous';
}

/**
 * Applies the rows to the round. Rows are taken in file order; a named person
 * leaves any other seat or waitlist place of the round (as with a host's move).
 * Pending rows count against a room's capacity, so the report says at import
 * time — not on the day — that a room is overfull. A new row for the same
 * name and Kommune replaces an earlier pending one (a corrected file can be
 * imported again).
 */
export function importPlacements(current: Round | null, rows: readonly CsvRow[], people: readonly Person[], now: number): ImportResult {
  const round = requireRound(current);
  const phase = roundPhase(round, now);
  if (phase === 'closing' || phase === 'closed') refuse('breakout.closed', 'This round is closing or closed.');

  const seats: Record<string, WorkshopSeats> = {};
  for (const w of round.workshops) {
    const s = round.seats[w.id] ?? { seated: [], waitlist: [] };
    seats[w.id] = { seated: [...s.seated], waitlist: [...s.waitlist] };
  }
  const incomingKeys = new Set(rows.map((r) => pendingKey(r.name, r.org)));
  const pending: PendingPlacement[] = round.pending.filter((p) => !incomingKeys.has(pendingKey(p.name, p.org)));
  const changed = new Set<string>();
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  const moderators = new Map(round.workshops.filter((w) => w.moderatorId).map((w) => [w.moderatorId!, w]));
  const present = people.filter((p) => !p.removed);
  let placed = 0;
  let added = 0;

  const used = (wid: string) => seats[wid]!.seated.length + pending.filter((p) => p.workshopId === wid).length;

  for (const row of rows) {
    const problem = (reason: CsvProblem['reason'], values: CsvProblem['values'], message: string) =>
      problems.push({ line: row.line, reason, values, message });
    if (!row.name) {
      problem('name_missing', {}, 'The name is missing.');
      continue;
    }
    if (!row.workshop) {
      problem('workshop_missing', { name: row.name }, `No workshop given for ${row.name}.`);
      continue;
    }
    const ws = findWorkshop(round, row.workshop);
    if (ws === 'unknown') {
      problem('workshop_unknown', { workshop: row.workshop }, `No workshop "${row.workshop}" in this round.`);
      continue;
    }
    if (ws === 'ambiguous') {
      problem('workshop_ambiguous', { workshop: row.workshop }, `Several workshops are called "${row.workshop}"; use the workshop id.`);
      continue;
    }
    const name = normalizeName(row.name);
    const org = normalizeName(row.org);
    const matches = present.filter((p) => normalizeName(p.name) === name && (!org || normalizeName(p.org) === org));
    if (matches.length > 1) {
      problem(
        'name_ambiguous',
        { name: row.name, org: row.org, count: matches.length },
        `${matches.length} participants are called ${row.name}${row.org ? ` (${row.org})` : ''}; add the Kommune or place them by hand.`,
      );
      continue;
    }
    const key = matches[0]?.id ?? pendingKey(row.name, row.org);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('duplicate', { name: row.name, earlierLine: earlier }, `${row.name} is already listed in line ${earlier}.`);
      continue;
    }
    seen.set(key, row.line);

    const person = matches[0];
    if (!person) {
      if (used(ws.id) >= ws.capacity) {
        problem('full', { name: row.name, workshop: ws.title, capacity: ws.capacity }, `${ws.title} is full (${ws.capacity} seats); ${row.name} was not placed.`);
        continue;
      }
      pending.push({ name: row.name, org: row.org, workshopId: ws.id });
      added++;
      continue;
    }
    const moderates = moderators.get(person.id);
    if (moderates) {
      problem('moderator', { name: row.name, workshop: moderates.title }, `${row.name} moderates ${moderates.title} and stays there.`);
      continue;
    }
    if (seats[ws.id]!.seated.includes(person.id)) {
      placed++;
      continue;
    }
    if (used(ws.id) >= ws.capacity) {
      problem('full', { name: row.name, workshop: ws.title, capacity: ws.capacity }, `${ws.title} is full (${ws.capacity} seats); ${row.name} was not placed.`);
      continue;
    }
    for (const [wid, s] of Object.entries(seats)) {
      // The freed seat goes to the first waiting, as whenever someone leaves.
      const left = leaveSeat({ capacity: round.workshops.find((w) => w.id === wid)!.capacity, ...s }, person.id);
      if (left === UNCHANGED) continue;
      seats[wid] = { seated: left.seated, waitlist: left.waitlist };
      changed.add(wid);
    }
    seats[ws.id]!.seated.push(person.id);
    changed.add(ws.id);
    placed++;
  }

  return { round: { ...round, seats, pending }, placed, pending: added, problems, changed: [...changed] };
}
