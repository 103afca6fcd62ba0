/**
 * Composition root: builds the services once, hands them to <mashup-app>.
 * The only place that touches globals (localStorage, fetch, the socket
 * factory); everything below receives what it needs.
 */
// First: zod must be in jitless mode before any shared schema is created (see shared/src/jitless.ts).
import '@mashup/shared/jitless';
import './styles/global.css';
import { LocaleService } from './i18n/localization.js';
import { ApiClient } from './services/api-client.js';
import { systemClock } from './services/clock.js';
import { EventSession } from './services/event-session.js';
import { SocketClient } from './services/socket-client.js';
import { MediaSession } from './services/media/media-session.js';
import { UploadClient } from './services/upload-client.js';
import { DeviceStore, deviceStorage } from './services/storage.js';
import type { AppServices } from './context.js';
import './components/app/mashup-app.js';

async function start(): Promise<void> {
  const store = new DeviceStore(deviceStorage());
  const i18n = new LocaleService(store);
  await i18n.restore();
  const services: AppServices = {
    api: new ApiClient(),
    uploads: new UploadClient(),
    store,
    i18n,
    openSession: (token) => new EventSession({ transport: SocketClient.forToken(token), clock: systemClock }),
    // navigator.mediaDevices is missing on insecure origins: the session then offers no capture.
    openMedia: (session) => new MediaSession({ session, store, capture: navigator.mediaDevices }),
  };
  const app = document.createElement('mashup-app');
  app.services = services;
  document.getElementById('boot')?.remove();
  document.body.append(app);
}

void start();
