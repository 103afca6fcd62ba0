/** The assignment modes and phases of a round in words, shared by the hosts' dialog, list and board. */
import { msg } from '@lit/localize';
import type { AssignmentMode, RoundPhase } from '@mashup/shared';

export function modeLabel(mode: AssignmentMode): string {
  switch (mode) {
    case 'choose':
      return msg('Selbst wählen', { id: 'breakoutHost.modeChoose' });
    case 'balanced':
      return msg('Zufällig und ausgewogen', { id: 'breakoutHost.modeBalanced' });
    case 'manual':
      return msg('Manuell (auch CSV-Import)', { id: 'breakoutHost.modeManual' });
    case 'keep':
      return msg('Gruppen der vorigen Runde beibehalten', { id: 'breakoutHost.modeKeep' });
    case 'rotate':
      return msg('Neu mischen: möglichst neue Begegnungen', { id: 'breakoutHost.modeRotate' });
  }
}

export function phaseLabel(phase: RoundPhase): string {
  switch (phase) {
    case 'draft':
      return msg('Entwurf', { id: 'breakoutHost.phaseDraft' });
    case 'published':
      return msg('Veröffentlicht', { id: 'breakoutHost.phasePublished' });
    case 'open':
      return msg('Läuft', { id: 'breakoutHost.phaseOpen' });
    case 'closing':
      return msg('Schließt gleich', { id: 'breakoutHost.phaseClosing' });
    case 'closed':
      return msg('Beendet', { id: 'breakoutHost.phaseClosed' });
  }
}
