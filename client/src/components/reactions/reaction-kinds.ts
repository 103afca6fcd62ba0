/** Labels and icons of the reaction kinds, shared by the control bar and the overlay. */
import { msg } from '@lit/localize';
import type { ReactionKind } from '@mashup/shared';
import type { IconName } from '../../icons.js';

export function reactionLabel(kind: ReactionKind): string {
  switch (kind) {
    case 'applause':
      return msg('Applaus', { id: 'reaction.applause' });
    case 'heart':
      return msg('Herz', { id: 'reaction.heart' });
    case 'laugh':
      return msg('Lachen', { id: 'reaction.laugh' });
    case 'plusone':
      return msg('+1', { id: 'reaction.plusone' });
  }
}

export const REACTION_ICONS: Record<ReactionKind, IconName> = {
  applause: 'applause',
  heart: 'heart',
  laugh: 'laugh',
  plusone: 'plusone',
};
