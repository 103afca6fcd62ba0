/** The words and marks of a lobby and its tables (how a seated person is named, "voll", "gesperrt"), shared by the floor, the list, the table room and the hosts' panel. */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { icon } from '../../icons.js';
import type { Lobby, LobbyKind, ParticipantView } from '@mashup/shared';

export function kindLabel(kind: LobbyKind): string {
  switch (kind) {
    case 'social-eating':
      return msg('Social Eating', { id: 'lobby.kind.socialEating' });
    case 'get-together':
      return msg('Get-together', { id: 'lobby.kind.getTogether' });
    case 'other':
      return msg('Lobby', { id: 'lobby.kind.other' });
  }
}

/** The line above a lobby's title: its kind, or just "Lobby" where the title already says the kind ("Social Eating"). */
export function lobbyKicker(lobby: Pick<Lobby, 'kind' | 'title'>): string {
  const kind = kindLabel(lobby.kind);
  return kind.toLocaleLowerCase() === lobby.title.trim().toLocaleLowerCase() ? msg('Lobby', { id: 'lobby.kind.other' }) : kind;
}

export function freeSeatsText(free: number, capacity: number): string {
  return msg(str`${free} von ${capacity} Plätzen frei`, { id: 'lobby.freeSeats' });
}

/** "Ada Lovelace · Kiel": name and municipality (participant `org`), as on every table. */
export function personLine(p: ParticipantView): string {
  return p.org ? `${p.name} · ${p.org}` : p.name;
}

/** The same as markup: the municipality muted beside the name (the `.org` class of lobbyStyles). */
export function personMarkup(p: ParticipantView) {
  return html`<span>${p.name}</span>${p.org ? html` <span class="org">· ${p.org}</span>` : nothing}`;
}

/** A table's states as words with an icon beside the colour (lobbyStyles), never colour alone. */
export function fullBadge(testid = 'lobby-table-full') {
  return html`<span class="badge full" data-testid=${testid || nothing}>${icon('close')}${msg('voll', { id: 'lobby.fullBadge' })}</span>`;
}

export function lockedBadge(testid = 'lobby-table-locked') {
  return html`<span class="badge locked" data-testid=${testid || nothing}>${icon('lock')}${msg('gesperrt', { id: 'lobby.lockedBadge' })}</span>`;
}

export function mineBadge() {
  return html`<span class="badge mine">${icon('check')}${msg('Ihr Tisch', { id: 'lobby.yourTable' })}</span>`;
}
