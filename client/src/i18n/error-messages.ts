/** What to tell a person for each error code: what happened and what to do next. */
import { msg, str } from '@lit/localize';
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
    case 'pechakucha.none':
      return msg('Es gibt noch keinen Pecha-Kucha-Block.', { id: 'error.pkNone' });
    case 'pechakucha.running':
      return msg('Der Pecha-Kucha-Block läuft gerade. Beenden Sie ihn zuerst.', { id: 'error.pkRunning' });
    case 'pechakucha.not_running':
      return msg('Der Pecha-Kucha-Block läuft gerade nicht.', { id: 'error.pkNotRunning' });
    case 'pechakucha.talk_not_found':
      return msg('Diesen Vortrag gibt es nicht mehr. Bitte laden Sie die Seite neu.', { id: 'error.pkTalkNotFound' });
    case 'pechakucha.no_talks':
      return msg('Fügen Sie zuerst mindestens einen Vortrag hinzu.', { id: 'error.pkNoTalks' });
    case 'pechakucha.reorder_invalid':
      return msg('Vorträge, die schon liefen oder gerade laufen, behalten ihren Platz.', { id: 'error.pkReorder' });
    case 'pechakucha.format_locked':
      return msg('Das Format passt nicht mehr zu den hochgeladenen Foliensätzen.', { id: 'error.pkFormatLocked' });
    case 'upload.too_large':
      return msg('Die Datei ist zu groß. Bitte verkleinern Sie sie und versuchen Sie es erneut.', { id: 'error.uploadTooLarge' });
    case 'upload.unsupported_type':
      return msg('Dieses Dateiformat wird nicht unterstützt. Erlaubt sind PDF, PNG, JPEG und WebP (Videos: MP4, WebM).', {
        id: 'error.uploadType',
      });
    case 'upload.corrupt':
      return msg('Die Datei ist beschädigt und lässt sich nicht öffnen. Bitte exportieren Sie sie neu.', { id: 'error.uploadCorrupt' });
    case 'upload.slide_count': {
      const details = typeof error === 'string' ? undefined : error.details;
      if (details?.actual !== undefined && details.expected !== undefined) {
        const { actual, expected } = details;
        return msg(str`Ihr Foliensatz hat ${actual} Folien, Pecha Kucha braucht ${expected}.`, { id: 'error.uploadSlideCountN' });
      }
      return msg('Der Foliensatz hat nicht die Anzahl Folien, die das Format verlangt.', { id: 'error.uploadSlideCount' });
    }
    case 'upload.missing_file':
      return msg('Bitte wählen Sie eine Datei aus.', { id: 'error.uploadMissing' });
    case 'video.not_found':
      return msg('Dieses Video gibt es nicht mehr.', { id: 'error.videoNotFound' });
    case 'video.none':
      return msg('Gerade läuft kein Video.', { id: 'error.videoNone' });
    case 'breakout.round_not_found':
      return msg('Diese Workshoprunde gibt es nicht mehr. Bitte laden Sie die Seite neu.', { id: 'error.roundNotFound' });
    case 'breakout.workshop_not_found':
      return msg('Diesen Workshop gibt es in dieser Runde nicht mehr.', { id: 'error.workshopNotFound' });
    case 'breakout.full': {
      const waitlist = detail(error, 'waitlist');
      if (waitlist !== undefined) {
        return msg(str`Dieser Workshop ist voll. Auf der Warteliste stehen ${waitlist} Personen.`, { id: 'error.roundFullN' });
      }
      return msg('Dieser Workshop ist voll. Bitte wählen Sie einen anderen oder die Warteliste.', { id: 'error.roundFull' });
    }
    case 'breakout.round_live':
      return msg('Die Workshoprunde läuft gerade. Schließen Sie sie zuerst.', { id: 'error.roundLive' });
    case 'breakout.not_live':
      return msg('Die Workshoprunde läuft gerade nicht.', { id: 'error.roundNotLive' });
    case 'breakout.another_live':
      return msg('Es läuft schon eine andere Workshoprunde. Schließen Sie diese zuerst.', { id: 'error.roundAnotherLive' });
    case 'breakout.closed':
      return msg('Diese Workshoprunde ist schon zu Ende.', { id: 'error.roundClosed' });
    case 'breakout.not_published':
      return msg('Die Workshops dieser Runde sind noch nicht freigegeben.', { id: 'error.roundNotPublished' });
    case 'breakout.wrong_mode':
      return msg('In dieser Runde teilt die Moderation die Workshops zu.', { id: 'error.roundWrongMode' });
    case 'breakout.too_many':
      return msg('Die Veranstaltung hat schon die größtmögliche Zahl an Workshoprunden. Löschen Sie zuerst eine.', {
        id: 'error.roundTooMany',
      });
    case 'breakout.not_in_room':
      return msg('Sie sind gerade in keinem Workshopraum.', { id: 'error.roundNotInRoom' });
    case 'breakout.capacity_below_seated': {
      const seated = detail(error, 'seated');
      if (seated !== undefined) {
        return msg(str`In diesem Workshop sitzen schon ${seated} Personen. Wählen Sie mindestens so viele Plätze.`, {
          id: 'error.capacityTooSmallN',
        });
      }
      return msg('In diesem Workshop sitzen schon mehr Personen. Wählen Sie mehr Plätze.', { id: 'error.capacityTooSmall' });
    }
    case 'results.not_found':
      return msg('Dieses Ergebnis gibt es nicht mehr.', { id: 'error.resultNotFound' });
    case 'results.conflict':
      return msg('Jemand hat diesen Eintrag inzwischen geändert. Ihr Text bleibt erhalten – bitte vergleichen und erneut speichern.', {
        id: 'error.resultConflict',
      });
    case 'results.too_many':
      return msg('Diese Ergebnistafel ist voll. Fassen Sie Einträge zusammen oder entfernen Sie einen.', { id: 'error.resultTooMany' });
    case 'csv.invalid': {
      const line = detail(error, 'line');
      if (line !== undefined) {
        return msg(str`Die CSV-Datei ist in Zeile ${line} nicht lesbar. Bitte prüfen Sie die Spalten Name, Organisation und Workshop.`, {
          id: 'error.csvInvalidN',
        });
      }
      return msg('Die CSV-Datei ist nicht lesbar. Bitte prüfen Sie die Spalten Name, Organisation und Workshop.', {
        id: 'error.csvInvalid',
      });
    }
    case 'lobby.not_found':
      return msg('Diese Lobby gibt es nicht mehr. Bitte laden Sie die Seite neu.', { id: 'error.lobbyNotFound' });
    case 'lobby.table_not_found':
      return msg('Diesen Tisch gibt es in dieser Lobby nicht mehr.', { id: 'error.lobbyTableNotFound' });
    case 'lobby.not_open':
      return msg('Diese Lobby ist gerade nicht geöffnet.', { id: 'error.lobbyNotOpen' });
    case 'lobby.another_open':
      return msg('Es ist schon eine andere Lobby geöffnet. Schließen Sie diese zuerst.', { id: 'error.lobbyAnotherOpen' });
    case 'lobby.table_full':
      return msg('An diesem Tisch ist kein Platz mehr frei. Bitte wählen Sie einen anderen Tisch.', { id: 'error.lobbyTableFull' });
    case 'lobby.table_locked':
      return msg('Dieser Tisch ist geschlossen. Bitte wählen Sie einen anderen Tisch.', { id: 'error.lobbyTableLocked' });
    case 'lobby.full':
      return msg('An keinem anderen Tisch ist gerade ein Platz frei. Bitte versuchen Sie es gleich noch einmal.', {
        id: 'error.lobbyFull',
      });
    case 'lobby.capacity_below_seated': {
      const seated = detail(error, 'seated');
      if (seated !== undefined) {
        return msg(str`An diesem Tisch sitzen schon ${seated} Personen. Wählen Sie mindestens so viele Plätze.`, {
          id: 'error.lobbyCapacityTooSmallN',
        });
      }
      return msg('An diesem Tisch sitzen schon mehr Personen. Wählen Sie mehr Plätze.', { id: 'error.lobbyCapacityTooSmall' });
    }
    case 'lobby.too_many':
      return msg('Die Veranstaltung hat schon die größtmögliche Zahl an Lobbys. Löschen Sie zuerst eine.', {
        id: 'error.lobbyTooMany',
      });
    case 'speeddating.not_found':
      return msg('Dieses Speed-Dating gibt es nicht mehr. Bitte laden Sie die Seite neu.', { id: 'error.speedDatingNotFound' });
    case 'speeddating.started':
      return msg('Dieses Speed-Dating hat schon begonnen. Einstellungen lassen sich nur vorher ändern.', { id: 'error.speedDatingStarted' });
    case 'speeddating.not_started':
      return msg('Dieses Speed-Dating hat noch nicht begonnen.', { id: 'error.speedDatingNotStarted' });
    case 'speeddating.another_running':
      return msg('Es läuft schon ein anderes Speed-Dating. Beenden Sie es zuerst.', { id: 'error.speedDatingAnotherRunning' });
    case 'speeddating.round_begun':
      return msg('Diese Runde hat schon begonnen. Sie können nur spätere Runden aussetzen.', { id: 'error.speedDatingRoundBegun' });
    case 'speeddating.not_partner':
      return msg('Mit dieser Person waren Sie in keiner Runde zusammen.', { id: 'error.speedDatingNotPartner' });
    case 'speeddating.unknown_topic':
      return msg('Dieses Thema steht nicht mehr zur Auswahl. Bitte laden Sie die Seite neu.', { id: 'error.speedDatingUnknownTopic' });
    case 'speeddating.too_many':
      return msg('Die Veranstaltung hat schon die größtmögliche Zahl an Speed-Datings. Löschen Sie zuerst eines.', {
        id: 'error.speedDatingTooMany',
      });
    case 'media.wrong_room':
      return msg('Sie sind inzwischen in einem anderen Raum. Bild und Ton verbinden sich dort neu.', { id: 'error.mediaWrongRoom' });
    case 'media.not_joined':
    case 'media.peer_not_found':
    case 'media.not_found':
      return msg('Die Verbindung für Bild und Ton wurde unterbrochen. Sie wird neu aufgebaut.', { id: 'error.mediaNotJoined' });
    case 'media.not_allowed':
      return msg('Hier senden nur Personen auf der Bühne Bild und Ton. Heben Sie die Hand, um das Wort zu bekommen.', {
        id: 'error.mediaNotAllowed',
      });
    case 'media.limit': {
      const max = detail(error, 'max');
      if (max !== undefined) {
        return msg(
          str`In diesem Raum senden bereits ${max} Personen Bild oder Ton. Ohne Medienserver geht das nur für ${max} Personen gleichzeitig. Bitte warten Sie, bis jemand Kamera oder Mikrofon ausschaltet.`,
          { id: 'error.mediaLimitN' },
        );
      }
      return msg('In diesem Raum senden bereits so viele Personen Bild oder Ton, wie ohne Medienserver möglich ist.', {
        id: 'error.mediaLimit',
      });
    }
    case 'media.unavailable':
      return msg('Bild und Ton sind gerade nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.', { id: 'error.mediaUnavailable' });
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

/** One value from an error's details, if the server sent it. */
function detail(error: ErrorBody | ErrorCode, key: string): string | number | undefined {
  return typeof error === 'string' ? undefined : error.details?.[key];
}
