/**
 * <mashup-dating-contacts> — "Kontakte" after a speed-dating session: the
 * people one met, each with a checkbox "In Kontakt bleiben"; one's own
 * contact details (E-Mail, Telefon), shared only with people who marked one
 * too; and, once at least one contact is mutual, "Kontakte herunterladen
 * (vCard)", which saves the server's vCard text as a `.vcf` file.
 *
 * Marks and contact details are private (rule S7): no patch ever carries
 * them, so this view asks with `speeddating:contacts` when it opens, after
 * each mark or save, on "Aktualisieren", when the tab becomes visible again,
 * and when the server pushes `speeddating:contacts` (someone one marked
 * marked back or took the mark back, or a mutual contact changed their
 * details). Whether a contact is mutual is said in words beside the name.
 *
 * Properties: `sd` (an ended SpeedDating in which one met someone). Session from context.
 */
import { localized, msg, str } from '@lit/localize';
import { SpeedDatingContact, type SpeedDating, type SpeedDatingContacts, type SpeedDatingPartner } from '@mashup/shared';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { SessionController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { icon } from '../../icons.js';
import { vcardFileName } from '../../state/speed-dating.js';
import { baseStyles } from '../../styles/shared.js';
import { kickerStyles } from '../../styles/stage.js';
import { datingStyles } from './dating-styles.js';

type FieldProblem = 'email' | 'phone';

@customElement('mashup-dating-contacts')
@localized()
export class DatingContacts extends LitElement {
  static override styles = [
    baseStyles,
    kickerStyles,
    datingStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--mu-space-2);
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: var(--mu-space-1) var(--mu-space-3);
        align-items: center;
        padding: var(--mu-space-3);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
      }
      li.mutual {
        border: 2px solid var(--mu-success);
      }
      .who {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .org {
        color: var(--mu-text-muted);
        font-weight: 400;
      }
      .state {
        grid-column: 1 / -1;
        font-size: 0.9rem;
      }
      .state.mutual {
        color: var(--mu-success);
        font-weight: 700;
      }
      .details {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-1) var(--mu-space-4);
      }
      .check {
        display: inline-flex;
        align-items: center;
        gap: var(--mu-space-2);
        min-height: var(--mu-target);
        margin: 0;
        cursor: pointer;
      }
      .check input {
        width: 20px;
        height: 20px;
        min-height: 0;
        margin: 0;
        flex: none;
      }
      form {
        display: grid;
        gap: var(--mu-space-3);
      }
      fieldset {
        margin: 0;
        padding: var(--mu-space-3) var(--mu-space-4);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
        display: grid;
        gap: var(--mu-space-3);
      }
      legend {
        font-weight: 700;
        padding: 0 var(--mu-space-1);
      }
      .two {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
        gap: var(--mu-space-3);
      }
      .field {
        margin: 0;
      }
      .field-error {
        color: var(--mu-danger);
        font-size: 0.875rem;
        font-weight: 600;
        margin-top: var(--mu-space-1);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
      }
      .ok-text {
        color: var(--mu-success);
        font-weight: 600;
        min-height: 1.5em;
      }
      .skeleton {
        height: 3.5rem;
        border-radius: var(--mu-radius);
        background: var(--mu-surface-2);
      }
    `,
  ];

  @property({ attribute: false }) sd: SpeedDating | null = null;
  @state() private contacts: SpeedDatingContacts | null = null;
  @state() private email = '';
  @state() private phone = '';
  @state() private problems: FieldProblem[] = [];
  /**
   * Marks sent and not yet confirmed by a fresh list: the checkbox shows them, so a re-render
   * meanwhile does not undo a click. A mark the server took stays here until a list arrives
   * that shows it (its own fetch may fail); a refused one goes at once.
   */
  @state() private pending: ReadonlyMap<string, boolean> = new Map();
  /** Per person, how many of their marks await the server's answer: a list fetched meanwhile may predate them. */
  readonly #sending = new Map<string, number>();
  @state() busy = false;
  @state() error = '';
  @state() done = '';
  readonly #live = new SessionController(this);
  /** The server's "your contacts changed" (a mark answered, details changed) for this session: fetch again. */
  #stopListening: (() => void) | undefined;
  #listeningTo: object | null = null;
  /** The last download's object URL: kept until the next one or until the view goes (revoking at once can cancel it). */
  #downloadUrl: string | null = null;
  /** Bumped per fetch: an older answer arriving after a newer one is dropped. */
  #fetches = 0;
  /** The form shows the stored details until the person types; later fetches do not overwrite typing. */
  #formTouched = false;
  /** The session whose list this view fetched first (a new `sd` starts afresh). */
  #shownFor: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisible);
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#listeningTo = null;
    if (this.#downloadUrl) URL.revokeObjectURL(this.#downloadUrl);
    this.#downloadUrl = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sd') && this.sd?.id !== this.#shownFor) {
      this.contacts = null;
      this.#formTouched = false;
    }
  }

  protected override updated(): void {
    const session = this.#live.session;
    if (session && this.#listeningTo !== session) {
      this.#stopListening?.();
      this.#listeningTo = session;
      this.#stopListening = session.onSpeedDatingContacts((id) => {
        if (id === this.sd?.id) void this.#refresh();
      });
    }
    // Fetch once per session shown, as soon as both it and the connection are there.
    if (this.sd && this.#live.session && this.#shownFor !== this.sd.id) {
      this.#shownFor = this.sd.id;
      void this.#refresh();
    }
  }

  override render() {
    const sd = this.sd;
    if (!sd) return nothing;
    const c = this.contacts;
    const mutual = c?.partners.filter((p) => p.mutual).length ?? 0;
    return html`<section class="card" aria-labelledby="contacts-${sd.id}" data-testid="dating-contacts" data-speed-dating-id=${sd.id}>
      <p class="kicker">${msg('Speed-Dating', { id: 'speedDating.kicker' })} · ${sd.title}</p>
      <h2 id="contacts-${sd.id}">${msg('Kontakte', { id: 'speedDating.contacts' })}</h2>
      <p>
        ${msg('Markieren Sie, mit wem Sie in Kontakt bleiben möchten. Kontaktdaten werden nur zwischen zwei Personen geteilt, die sich gegenseitig markiert haben.', {
          id: 'speedDating.contactsIntro',
        })}
      </p>
      ${c === null
        ? html`<div class="skeleton" aria-hidden="true"></div>
            <p class="muted" role="status">${msg('Kontakte werden geladen …', { id: 'speedDating.contactsLoading' })}</p>`
        : html`${this.#list(sd, c.partners)}
            <div class="buttons">
              ${c.vcard !== ''
                ? html`<button class="btn primary" type="button" data-testid="dating-vcard" @click=${() => this.#download(sd, c.vcard)}>
                    ${icon('people')}${msg('Kontakte herunterladen (vCard)', { id: 'speedDating.vcard' })}
                  </button>`
                : nothing}
              <button class="btn" type="button" data-testid="dating-contacts-refresh" @click=${() => void this.#refresh()}>
                ${msg('Aktualisieren', { id: 'speedDating.refresh' })}
              </button>
            </div>
            <p class="muted" data-testid="dating-mutual-count">
              ${mutual === 0
                ? msg('Noch keine gegenseitigen Kontakte.', { id: 'speedDating.noMutual' })
                : mutual === 1
                  ? msg('1 gegenseitiger Kontakt.', { id: 'speedDating.oneMutual' })
                  : msg(str`${mutual} gegenseitige Kontakte.`, { id: 'speedDating.mutualCount' })}
            </p>
            ${this.#form(sd)}`}
      <p class="ok-text" role="status" data-testid="dating-contacts-status">${this.done}</p>
      ${this.error ? html`<p class="error" role="alert" data-testid="dating-contacts-error">${icon('alert')}${this.error}</p>` : nothing}
    </section>`;
  }

  #list(sd: SpeedDating, partners: SpeedDatingPartner[]) {
    if (partners.length === 0) return html`<p class="muted">${msg('Sie haben bei diesem Speed-Dating niemanden getroffen.', { id: 'speedDating.metNobody' })}</p>`;
    return html`<ul aria-label=${msg('Personen, die Sie getroffen haben', { id: 'speedDating.metList' })} data-testid="dating-contact-list">
      ${partners.map((p) => {
        const id = `mark-${sd.id}-${p.participantId}`;
        // Each checkbox is named after its person: the visible "In Kontakt bleiben" alone is the same on every row.
        const name = p.name;
        return html`<li class=${p.mutual ? 'mutual' : ''} data-testid="dating-contact" data-participant-id=${p.participantId} data-mutual=${p.mutual ? 'true' : 'false'}>
          <span class="who"><span data-testid="dating-contact-name">${p.name}</span>${p.org ? html` <span class="org">· ${p.org}</span>` : nothing}</span>
          <label class="check" for=${id}>
            <input id=${id} type="checkbox" data-testid="dating-mark" aria-label=${msg(str`In Kontakt bleiben: ${name}`, { id: 'speedDating.markName' })}
              aria-describedby="${id}-state" .checked=${live(this.pending.get(p.participantId) ?? p.marked)}
              @change=${(e: Event) => void this.#mark(sd, p, (e.target as HTMLInputElement).checked)} />
            <span>${msg('In Kontakt bleiben', { id: 'speedDating.mark' })}</span>
          </label>
          <span class="state ${p.mutual ? 'mutual' : ''}" id="${id}-state" data-testid="dating-mutual">${this.#stateText(p)}</span>
          ${p.mutual && (p.email || p.phone)
            ? html`<span class="details" data-testid="dating-contact-details">
                ${p.email ? html`<a href="mailto:${p.email}">${p.email}</a>` : nothing}
                ${p.phone ? html`<a href="tel:${p.phone.replace(/[^0-9+]/g, '')}">${p.phone}</a>` : nothing}
              </span>`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }

  #stateText(p: SpeedDatingPartner): string {
    const name = p.name;
    if (p.mutual) {
      return p.email || p.phone
        ? msg('Gegenseitig: Sie bleiben in Kontakt.', { id: 'speedDating.mutual' })
        : msg(str`Gegenseitig: Sie bleiben in Kontakt. ${name} hat noch keine Kontaktdaten angegeben.`, { id: 'speedDating.mutualNoDetails' });
    }
    if (p.marked) return msg(str`Markiert. Die Kontaktdaten erscheinen, sobald ${name} Sie auch markiert.`, { id: 'speedDating.markedWaiting' });
    return msg('Nicht markiert.', { id: 'speedDating.notMarked' });
  }

  #form(sd: SpeedDating) {
    const has = (p: FieldProblem) => this.problems.includes(p);
    const id = `contact-${sd.id}`;
    return html`<form novalidate @submit=${(e: Event) => void this.#save(e, sd)}>
      <fieldset>
        <legend>${msg('Ihre Kontaktdaten', { id: 'speedDating.ownContact' })}</legend>
        <p class="hint" id="${id}-hint">
          ${msg('Nur Personen, die Sie markiert haben und die Sie ebenfalls markiert haben, sehen diese Angaben. Beides ist freiwillig.', {
            id: 'speedDating.ownContactHint',
          })}
        </p>
        <div class="two">
          <div class="field">
            <label for="${id}-email">${msg('E-Mail', { id: 'speedDating.email' })}</label>
            <input id="${id}-email" type="email" autocomplete="email" maxlength="254" data-testid="dating-email"
              aria-describedby="${id}-hint ${id}-email-error" aria-invalid=${has('email') ? 'true' : 'false'}
              .value=${live(this.email)} @input=${(e: InputEvent) => this.#type({ email: (e.target as HTMLInputElement).value })} />
            ${has('email') ? html`<p class="field-error" id="${id}-email-error">${msg('Bitte geben Sie eine gültige E-Mail-Adresse ein.', { id: 'speedDating.emailInvalid' })}</p>` : nothing}
          </div>
          <div class="field">
            <label for="${id}-phone">${msg('Telefon', { id: 'speedDating.phone' })}</label>
            <input id="${id}-phone" type="tel" autocomplete="tel" maxlength="40" data-testid="dating-phone"
              aria-describedby="${id}-hint ${id}-phone-error" aria-invalid=${has('phone') ? 'true' : 'false'}
              .value=${live(this.phone)} @input=${(e: InputEvent) => this.#type({ phone: (e.target as HTMLInputElement).value })} />
            ${has('phone')
              ? html`<p class="field-error" id="${id}-phone-error">${msg('Bitte nur Ziffern, Leerzeichen und + ( ) / . - verwenden.', { id: 'speedDating.phoneInvalid' })}</p>`
              : nothing}
          </div>
        </div>
        <div class="buttons">
          <button class="btn" type="submit" data-testid="dating-contact-save" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${icon('check')}${msg('Kontaktdaten speichern', { id: 'speedDating.saveContact' })}
          </button>
        </div>
      </fieldset>
    </form>`;
  }

  #type(patch: { email?: string; phone?: string }): void {
    this.#formTouched = true;
    if (patch.email !== undefined) this.email = patch.email;
    if (patch.phone !== undefined) this.phone = patch.phone;
  }

  /**
   * Fetches the list; the newest request wins. Errors show in the error line, the last list stays;
   * a list that arrives clears an earlier error and settles the marks it answers.
   */
  async #refresh(): Promise<boolean> {
    const session = this.#live.session;
    const sd = this.sd;
    if (!session || !sd) return false;
    const ticket = ++this.#fetches;
    const reply = await session.speedDatingContacts(sd.id);
    if (ticket !== this.#fetches || this.sd?.id !== sd.id) return false;
    if (!reply.ok) {
      this.error = errorMessage(reply.error);
      return false;
    }
    this.contacts = reply.data;
    this.error = '';
    // Marks still on their way stay pending: this list may have been read before the server had them.
    if ([...this.pending.keys()].some((id) => !this.#sending.has(id))) {
      this.pending = new Map([...this.pending].filter(([id]) => this.#sending.has(id)));
    }
    if (!this.#formTouched) {
      this.email = reply.data.contact.email;
      this.phone = reply.data.contact.phone;
    }
    return true;
  }

  async #mark(sd: SpeedDating, p: SpeedDatingPartner, marked: boolean): Promise<void> {
    const session = this.#live.session;
    if (!session) return;
    const id = p.participantId;
    this.error = '';
    this.done = '';
    this.pending = new Map([...this.pending, [id, marked]]);
    this.#sending.set(id, (this.#sending.get(id) ?? 0) + 1);
    const reply = await session.markSpeedDatingContact(sd.id, id, marked);
    const left = this.#sending.get(id)! - 1;
    if (left > 0) this.#sending.set(id, left);
    else this.#sending.delete(id);
    if (!reply.ok && left === 0) {
      // Refused: the checkbox shows what is stored again, whether or not a fresh list follows.
      const rest = new Map(this.pending);
      rest.delete(id);
      this.pending = rest;
    }
    // Taken: the checkbox keeps the new value until a list shows it (this fetch or a later one).
    const fresh = await this.#refresh();
    // After the fetch, which clears older errors when it succeeds: the refusal is what counts.
    if (!reply.ok) {
      this.error = errorMessage(reply.error);
      return;
    }
    if (!fresh) return;
    const now = this.contacts?.partners.find((x) => x.participantId === id);
    const name = p.name;
    this.done = now?.mutual
      ? msg(str`${name} und Sie haben sich gegenseitig markiert.`, { id: 'speedDating.markedMutual' })
      : marked
        ? msg(str`${name} markiert.`, { id: 'speedDating.marked' })
        : msg(str`Markierung für ${name} entfernt.`, { id: 'speedDating.unmarked' });
  }

  async #save(e: Event, sd: SpeedDating): Promise<void> {
    e.preventDefault();
    const session = this.#live.session;
    if (!session || this.busy) return;
    const parsed = SpeedDatingContact.safeParse({ email: this.email, phone: this.phone });
    if (!parsed.success) {
      this.problems = [...new Set(parsed.error.issues.map((i) => i.path[0]).filter((f): f is FieldProblem => f === 'email' || f === 'phone'))];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.problems = [];
    this.busy = true;
    this.error = '';
    this.done = '';
    const reply = await session.saveSpeedDatingContact(sd.id, parsed.data);
    this.busy = false;
    if (!reply.ok) {
      this.error = errorMessage(reply.error);
      return;
    }
    this.#formTouched = false;
    await this.#refresh();
    this.done = msg('Kontaktdaten gespeichert.', { id: 'speedDating.contactSaved' });
  }

  /** The vCard text as a `.vcf` file: a Blob behind an object URL, saved through a temporary <a download>. */
  #download(sd: SpeedDating, vcard: string): void {
    if (this.#downloadUrl) URL.revokeObjectURL(this.#downloadUrl);
    this.#downloadUrl = URL.createObjectURL(new Blob([vcard], { type: 'text/vcard;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = this.#downloadUrl;
    a.download = vcardFileName(sd.title);
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
  }

  #onVisible = (): void => {
    if (document.visibilityState === 'visible') void this.#refresh();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-dating-contacts': DatingContacts;
  }
}
