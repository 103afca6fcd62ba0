/** Visible names of roles (UI.md terms). Participants get no badge: it is the default. */
import { msg } from '@lit/localize';
import type { Role } from '@mashup/shared';

export function roleLabel(role: Role): string | null {
  switch (role) {
    case 'host':
      return msg('Moderation', { id: 'role.host' });
    case 'moderator':
      return msg('Raummoderation', { id: 'role.moderator' });
    case 'presenter':
      return msg('Vortragende Person', { id: 'role.presenter' });
    case 'participant':
      return null;
  }
}
