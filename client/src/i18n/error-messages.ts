/** What to tell a person for each error code: what happened and what to do next. */
import { msg } from '@lit/localize';
import type { ErrorBody, ErrorCode } from '@mashup/shared';

export function errorMessage(error: ErrorBody | ErrorCode): string {
  const code = typeof error === 'string' ? error : error.code;
  switch (code) {
    case 'payload.invalid':
      return msg('Die Eingabe ist ungültig. Bitte prüfen Sie Ihre Angaben.', { id: 'error.payloadInvalid' });
    case 'payload.too_large':
      return msg('Die Eingabe ist zu lang. Bitte kürzen Sie sie.', { id: 'error.payloadTooLarge' });
    case 'rate.limited':
      return msg('Das war etwas zu schnell. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.', {
        id: 'error.rateLimited',
      });
    case 'auth.forbidden':
      return msg('Das darf nur die Moderation.', { id: 'error.forbidden' });
    case 'auth.removed':
      return msg('Sie wurden von der Moderation aus der Veranstaltung entfernt.', { id: 'error.removed' });
    case 'auth.invalid':
    case 'auth.missing':
      return msg('Ihre Anmeldung ist nicht mehr gültig. Bitte treten Sie erneut bei.', { id: 'error.authInvalid' });
    case 'event.not_found':
    case 'http.not_found':
      return msg('Diese Veranstaltung wurde nicht gefunden. Bitte prüfen Sie den Link oder den Zugangscode.', {
        id: 'error.eventNotFound',
      });
    case 'participant.not_found':
      return msg('Diese Person ist nicht mehr in der Veranstaltung.', { id: 'error.participantNotFound' });
    case 'participant.self':
      return msg('Das können Sie nicht für sich selbst tun.', { id: 'error.participantSelf' });
    case 'participant.last_host':
      return msg('Die Veranstaltung braucht mindestens eine Moderation. Ernennen Sie zuerst eine weitere Person zur Co-Moderation.', {
        id: 'error.lastHost',
      });
    case 'countdown.none':
      return msg('Es gibt gerade keinen Countdown.', { id: 'error.countdownNone' });
    case 'countdown.not_running':
      return msg('Der Countdown läuft gerade nicht.', { id: 'error.countdownNotRunning' });
    case 'countdown.not_paused':
      return msg('Der Countdown ist nicht pausiert.', { id: 'error.countdownNotPaused' });
    case 'protocol.version_mismatch':
      return msg('Es gibt eine neue Version von Mashup. Bitte laden Sie die Seite neu.', { id: 'error.versionMismatch' });
    case 'server.unavailable':
      return msg('Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.', {
        id: 'error.unavailable',
      });
    case 'protocol.unknown_event':
    case 'server.internal':
      return msg('Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.', { id: 'error.internal' });
  }
}
