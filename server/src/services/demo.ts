/**
 * The demo event that `npm start` prepares, so a newcomer can click through at
 * once. Its code is fixed and its host key derived from the session secret, so
 * with Redis the same links keep working across restarts.
 */
import { createHmac } from 'node:crypto';
import type { EventService } from './events.js';
import { linksFor } from './events.js';

export const DEMO_CODE = 'MPSC26';

export async function ensureDemoEvent(events: EventService, secret: string, baseUrl: string, now: Date) {
  const hostKey = createHmac('sha256', secret).update('demo-host-key').digest('base64url').slice(0, 24);
  const existing = await events.find(DEMO_CODE);
  if (!existing) {
    const day = now.toISOString().slice(0, 10);
    await events.create(
      {
        title: 'MPSC Mashup Demo',
        description:
          'Eine Demo-Veranstaltung der Modellprojekte Smart Cities: Plenum mit Chat, Reaktionen, Handmeldungen, Durchsagen und gemeinsamem Countdown.',
        startsAt: `${day}T08:45:00+01:00`,
        endsAt: `${day}T20:00:00+01:00`,
        language: 'de',
      },
      { code: DEMO_CODE, hostKey },
    ).catch(async (err: unknown) => {
      // Several processes starting together race to create it: losing that race is fine.
      if (!(await events.find(DEMO_CODE))) throw err;
    });
  }
  return linksFor(baseUrl, DEMO_CODE, hostKey);
}
