/**
 * The sentences of the audio/video views that depend on state: why the tab
 * does not send (MediaBlock) and what went wrong with a device. Each says what
 * happened and what to do next (shared/UI.md).
 */
import { msg, str } from '@lit/localize';
import type { MediaSource } from '@mashup/shared';
import { captureProblem } from '../../services/media/devices.js';
import type { MediaBlock } from '../../services/media/types.js';

export function blockMessage(block: MediaBlock): string {
  switch (block.kind) {
    case 'notAllowed':
      return msg('Hier senden nur Personen auf der Bühne Bild und Ton. Heben Sie die Hand, um das Wort zu bekommen.', {
        id: 'error.mediaNotAllowed',
      });
    case 'limit':
      return msg(
        str`Ohne Medienserver können in diesem Raum höchstens ${block.max} Personen gleichzeitig Bild oder Ton senden. Sie sehen und hören die anderen weiter; sobald jemand Kamera und Mikrofon ausschaltet, können Sie senden.`,
        { id: 'media.block.limit' },
      );
    case 'device':
      return deviceMessage(block.source, block.name);
  }
}

/** A camera, microphone or screen that could not be started (name: the DOMException's name). */
export function deviceMessage(source: MediaSource, name: string): string {
  const problem = captureProblem(name);
  if (source === 'screen') {
    return problem === 'denied'
      ? msg('Die Bildschirmfreigabe wurde abgebrochen oder von Ihrem Browser nicht erlaubt. Versuchen Sie es erneut mit „Teilen“.', { id: 'media.screen.denied' })
      : msg('Die Bildschirmfreigabe konnte nicht gestartet werden. Versuchen Sie es erneut mit „Teilen“.', { id: 'media.screen.failed' });
  }
  if (problem === 'unsupported') {
    return msg('Dieser Browser erlaubt hier keinen Zugriff auf Kamera und Mikrofon. Öffnen Sie Mashup in einem aktuellen Browser wie Firefox, Chrome, Edge oder Safari.', {
      id: 'media.device.unsupported',
    });
  }
  if (source === 'camera') {
    switch (problem) {
      case 'denied':
        return msg('Ihr Browser hat den Zugriff auf die Kamera verweigert. Erlauben Sie ihn über das Symbol links in der Adressleiste und schalten Sie die Kamera dann erneut ein.', {
          id: 'media.camera.denied',
        });
      case 'missing':
        return msg('Es wurde keine Kamera gefunden. Schließen Sie eine an und wählen Sie sie unter „Geräte“ aus.', { id: 'media.camera.missing' });
      case 'busy':
        return msg('Die Kamera wird gerade von einem anderen Programm verwendet. Beenden Sie es (zum Beispiel eine andere Videokonferenz) und versuchen Sie es erneut.', {
          id: 'media.camera.busy',
        });
      case 'gone':
        return msg('Die gewählte Kamera ist nicht mehr verfügbar. Wählen Sie unter „Geräte“ eine andere.', { id: 'media.camera.gone' });
      default:
        return msg('Die Kamera konnte nicht gestartet werden. Versuchen Sie es erneut oder wählen Sie unter „Geräte“ eine andere.', { id: 'media.camera.failed' });
    }
  }
  switch (problem) {
    case 'denied':
      return msg('Ihr Browser hat den Zugriff auf das Mikrofon verweigert. Erlauben Sie ihn über das Symbol links in der Adressleiste und schalten Sie das Mikrofon dann erneut ein.', {
        id: 'media.mic.denied',
      });
    case 'missing':
      return msg('Es wurde kein Mikrofon gefunden. Schließen Sie eines an (zum Beispiel ein Headset) und wählen Sie es unter „Geräte“ aus.', { id: 'media.mic.missing' });
    case 'busy':
      return msg('Das Mikrofon wird gerade von einem anderen Programm verwendet. Beenden Sie es und versuchen Sie es erneut.', { id: 'media.mic.busy' });
    case 'gone':
      return msg('Das gewählte Mikrofon ist nicht mehr verfügbar. Wählen Sie unter „Geräte“ ein anderes.', { id: 'media.mic.gone' });
    default:
      return msg('Das Mikrofon konnte nicht gestartet werden. Versuchen Sie es erneut oder wählen Sie unter „Geräte“ ein anderes.', { id: 'media.mic.failed' });
  }
}
