/**
 * <mashup-csv-import> — a host pre-assigns people from a spreadsheet: a CSV
 * file with a header row "Name;Kommune;Workshop" (`;` or `,`) goes to
 * `POST /api/events/:code/rounds/:roundId/placements`. People who have joined
 * are seated at once, the others when they join; the reply's counts and the
 * rows that could not be used are shown with their line numbers.
 *
 * Properties: `round`.
 */
import { localized, msg, str } from '@lit/localize';
import type { Round } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AppController, SessionController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { icon } from '../../icons.js';
import type { CsvProblem, PlacementsReply } from '@mashup/shared';
import { baseStyles } from '../../styles/shared.js';
import { hostStyles } from './host-styles.js';

type Outcome = { kind: 'ok'; reply: PlacementsReply } | { kind: 'error'; message: string };

@customElement('mashup-csv-import')
@localized()
export class CsvImport extends LitElement {
  static override styles = [
    baseStyles,
    hostStyles,
    css`
      fieldset {
        margin: 0;
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
        padding: var(--mu-space-2) var(--mu-space-3);
      }
      legend {
        font-weight: 600;
        padding: 0 var(--mu-space-1);
      }
      .body {
        display: grid;
        gap: var(--mu-space-3);
      }
      code,
      pre {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
      pre {
        margin: 0;
        padding: var(--mu-space-2);
        background: var(--mu-surface-2, var(--mu-border-soft));
        border-radius: var(--mu-radius);
        overflow-x: auto;
      }
      .problems {
        margin: 0;
        padding-left: 1.25rem;
      }
    `,
  ];

  @property({ attribute: false }) round!: Round;
  @state() private file: File | null = null;
  @state() private sending = false;
  @state() private outcome: Outcome | null = null;
  readonly #app = new AppController(this);
  readonly #live = new SessionController(this);

  override render() {
    if (!this.round) return nothing;
    const id = `csv-${this.round.id}`;
    return html`<fieldset>
      <legend>${msg('Aus CSV-Datei zuteilen', { id: 'breakoutHost.csvTitle' })}</legend>
      <div class="body">
        <p class="hint" id="${id}-hint">
          ${msg('Eine Kopfzeile und dann eine Zeile je Person, getrennt mit Semikolon oder Komma. Der Workshop wird mit seinem Titel genannt. Wer noch nicht beigetreten ist, wird beim Beitritt zugeteilt.', { id: 'breakoutHost.csvHint' })}
        </p>
        <pre aria-label=${msg('Beispiel', { id: 'breakoutHost.csvExample' })}>Name;Kommune;Workshop
Anna Müller;Ulm;${this.round.workshops[0]?.title ?? 'Workshop'}</pre>
        <div class="field">
          <label for="${id}-file">${msg('CSV-Datei', { id: 'breakoutHost.csvFile' })}</label>
          <input id="${id}-file" type="file" accept=".csv,text/csv" data-testid="csv-input" aria-describedby="${id}-hint"
            @change=${(e: Event) => {
              this.file = (e.target as HTMLInputElement).files?.[0] ?? null;
              this.outcome = null;
            }} />
        </div>
        <div class="buttons">
          <button class="btn" type="button" data-testid="csv-upload" aria-disabled=${this.sending || !this.file ? 'true' : 'false'} @click=${this.#upload}>
            ${icon('send')}${this.sending ? msg('Wird zugeteilt …', { id: 'breakoutHost.csvSending' }) : msg('Hochladen und zuteilen', { id: 'breakoutHost.csvUpload' })}
          </button>
        </div>
        <div data-testid="csv-result" data-state=${this.outcome?.kind ?? 'none'} role="status">${this.#result()}</div>
      </div>
    </fieldset>`;
  }

  #result() {
    const o = this.outcome;
    if (!o) return nothing;
    if (o.kind === 'error') return html`<p class="error">${icon('alert')}${o.message}</p>`;
    const { placed, pending, problems } = o.reply;
    const waiting =
      pending === 0
        ? ''
        : pending === 1
          ? msg('1 Person wird beim Beitritt zugeteilt.', { id: 'breakoutHost.csvPendingOne' })
          : msg(str`${pending} Personen werden beim Beitritt zugeteilt.`, { id: 'breakoutHost.csvPending' });
    return html`<p class="ok-text">${msg(str`${placed} zugeteilt.`, { id: 'breakoutHost.csvDone' })} ${waiting}</p>
      ${problems.length
        ? html`<p>
              ${problems.length === 1
                ? msg('1 Zeile wurde nicht übernommen:', { id: 'breakoutHost.csvProblemsOne' })
                : msg(str`${problems.length} Zeilen wurden nicht übernommen:`, { id: 'breakoutHost.csvProblems' })}
            </p>
            <ul class="problems">
              ${problems.map((p) => html`<li>${msg(str`Zeile ${p.line}: ${csvProblemText(p)}`, { id: 'breakoutHost.csvLine' })}</li>`)}
            </ul>`
        : nothing}`;
  }

  #upload = async (): Promise<void> => {
    if (this.sending) return;
    if (!this.file) {
      this.outcome = { kind: 'error', message: errorMessage('upload.missing_file') };
      return;
    }
    const code = this.#live.view?.event.code ?? '';
    const token = this.#app.services.store.token(code);
    if (!token) {
      this.outcome = { kind: 'error', message: errorMessage('auth.invalid') };
      return;
    }
    this.sending = true;
    this.outcome = null;
    const reply = await this.#app.services.api.importPlacements(code, this.round.id, token, this.file);
    this.sending = false;
    this.outcome = reply.ok ? { kind: 'ok', reply: reply.data } : { kind: 'error', message: errorMessage(reply.error) };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-csv-import': CsvImport;
  }
}

/** A CSV row's problem in the host's language, from its reason and values (the server's text is English). */
function csvProblemText(p: CsvProblem): string {
  const v = (key: string) => String(p.values[key] ?? '');
  switch (p.reason) {
    case 'name_missing':
      return msg('Der Name fehlt.', { id: 'breakoutHost.csv.nameMissing' });
    case 'workshop_missing':
      return msg(str`Für ${v('name')} ist kein Workshop angegeben.`, { id: 'breakoutHost.csv.workshopMissing' });
    case 'workshop_unknown':
      return msg(str`Einen Workshop „${v('workshop')}“ gibt es in dieser Runde nicht.`, { id: 'breakoutHost.csv.workshopUnknown' });
    case 'workshop_ambiguous':
      return msg(str`Mehrere Workshops heißen „${v('workshop')}“. Bitte geben Sie die Workshop-ID an.`, {
        id: 'breakoutHost.csv.workshopAmbiguous',
      });
    case 'name_ambiguous':
      return msg(str`${v('count')} Teilnehmende heißen ${v('name')}. Ergänzen Sie die Kommune oder teilen Sie von Hand zu.`, {
        id: 'breakoutHost.csv.nameAmbiguous',
      });
    case 'duplicate':
      return msg(str`${v('name')} steht schon in Zeile ${v('earlierLine')}.`, { id: 'breakoutHost.csv.duplicate' });
    case 'full':
      return msg(str`${v('workshop')} ist voll (${v('capacity')} Plätze); ${v('name')} wurde nicht zugeteilt.`, {
        id: 'breakoutHost.csv.full',
      });
    case 'moderator':
      return msg(str`${v('name')} moderiert ${v('workshop')} und bleibt dort.`, { id: 'breakoutHost.csv.moderator' });
  }
}
