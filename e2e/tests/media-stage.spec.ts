/**
 * The Pecha Kucha presenter on the plenary's stage (rule M2: in the plenary
 * hosts, the presenter of the talk now showing and people given the floor
 * send; everyone else receives). A guest's talk comes first, then Paula's;
 * Viktor and Vera watch; mesh plane, Chromium's fake camera and microphone.
 * Both of Paula's moments on and off the stage come from the schedule alone —
 * nobody clicks anything then. Checked as the three notice it — the buttons
 * they have, who is on the stage — and from the peer connections' own
 * statistics (getStats):
 *
 *  - before her talk Paula has "Geräte" only, like every participant, and
 *    nobody holds a link;
 *  - her talk starts by itself after the guest's: "Mikrofon", "Kamera" and
 *    "Teilen" appear (off: a right granted never switches them on); the host
 *    pauses the talk so the test can look at leisure; she turns on microphone
 *    and camera, and both viewers see her picture on the stage beside her
 *    slides and receive her sound and picture;
 *  - the host resumes and her talk runs out by the clock: her buttons go, she
 *    stops sending, she leaves both viewers' stage and their links to her close.
 *
 * The host is a socket from the test (director.ts): the set-up dialog is
 * pechakucha.spec.ts's subject, and a fourth browser would only load the two
 * cores. Slides are 5 s long: the guest's talk takes 10 s, Paula's the rest of
 * her 10 s after the pause.
 */
import type { PechaKuchaSetup } from '@mashup/shared';
import type { Socket } from 'socket.io-client';
import { createEvent, expect, joinAs, test, uploadDeck, type Person } from '../fixtures.js';
import { director, participantId } from '../director.js';
import { NOTHING_ON, expectGrows, expectReceiving, expectStops, linkStats, mediaButtons, newMediaPerson, sum, type RememberedDevices } from '../media.js';

test.describe('the Pecha Kucha stage (mesh)', () => {
  const people: Person[] = [];
  let control: Socket | null = null;
  test.afterEach(async () => {
    control?.disconnect();
    control = null;
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('the Pecha Kucha presenter is on stage only while their talk runs', async ({ browser, mashupUrl }) => {
    // ~15 s on a quiet machine; the bound is for a busy one.
    test.setTimeout(120_000);
    const event = await createEvent(mashupUrl, 'Bühnen-Test');
    const person = async (name: string, org: string, remembered?: RememberedDevices) => {
      const p = await newMediaPerson(browser, name, remembered);
      people.push(p);
      return joinAs(p, event.participantLink, name, org);
    };
    // Paula confirmed "all off" on this device before: "Mikrofon" turns it on directly, without the device check.
    const [paula, viktor, vera] = await Promise.all([
      person('Paula Presenter', 'Ulm', NOTHING_ON),
      person('Viktor Eins', 'Kiel'),
      person('Vera Zwei', 'Jena'),
    ]);
    const viewers = [viktor, vera];
    const p = paula.page;
    /** Paula's camera tile as `viewer` sees it on the stage. */
    const paulaOnStage = (viewer: Person) => viewer.page.locator('[data-testid="media-tile"][data-kind="camera"]').filter({ hasText: 'Paula Presenter' });
    const links = async (x: Person) => (await linkStats(x.page)).length;

    // The host sets up two talks: one by a guest who is not in the event (just a name), then Paula's.
    const d = await director(mashupUrl, event);
    control = d.socket;
    const setup: PechaKuchaSetup = {
      title: 'Städte in Minuten',
      format: { slides: 2, slideMs: 5_000 },
      breakMs: 0,
      talks: [
        { title: 'Digitaler Zwilling', presenterName: 'Gustav Gast', municipality: 'Bamberg' },
        { title: 'Smarte Parkplätze', presenterId: await participantId(d, 'Paula Presenter'), presenterName: 'Paula Presenter', municipality: 'Ulm' },
      ],
    };
    await d.call('pechakucha:setup', setup);

    // Paula uploads her deck under "Ihr Vortrag".
    await expect(p.getByTestId('pk-my-talk')).toContainText('Smarte Parkplätze');
    await uploadDeck(p, { name: 'vortrag.pdf', pages: 2 });
    await expect(p.getByTestId('pk-thumb')).toHaveCount(2, { timeout: 30_000 });

    await test.step('before her talk: "Geräte" only, like every participant in the plenary; nobody holds a link', async () => {
      for (const x of [paula, ...viewers]) await expect(mediaButtons(x)).toHaveText(['Geräte']);
      await expect(p.getByTestId('mic-toggle')).toHaveCount(0);
      await expect(p.getByTestId('camera-toggle')).toHaveCount(0);
      for (const x of [paula, ...viewers]) expect(await links(x), 'no one sends, so no links').toBe(0);
    });

    await test.step('her talk starts by itself after the guest\'s: she gets microphone and camera, and both viewers see and hear her', async () => {
      await d.call('pechakucha:start', {});
      for (const v of viewers) await expect(v.page.getByTestId('pk-talk-title')).toHaveText('Digitaler Zwilling');
      await expect(mediaButtons(paula)).toHaveText(['Geräte']);
      // 10 s later the schedule hands the stage to Paula: no event, no click marks that moment.
      await expect(p.getByTestId('pk-presenter-view')).toBeVisible({ timeout: 30_000 });
      // Held at once (her talk lasts 10 s), so what follows is checked at leisure even on a busy
      // machine; a paused talk keeps its presenter on stage.
      await d.call('pechakucha:pause', {});
      await expect(mediaButtons(paula)).toHaveText(['Mikrofon', 'Kamera', 'Teilen', 'Geräte']);
      // The presenter may send and share a screen on the stage (rule M2); the viewers still only receive.
      await expect(mediaButtons(paula)).toHaveText(['Mikrofon', 'Kamera', 'Teilen', 'Geräte']);
      for (const v of viewers) await expect(mediaButtons(v)).toHaveText(['Geräte']);

      const mic = p.getByTestId('mic-toggle');
      const camera = p.getByTestId('camera-toggle');
      await expect(mic).toHaveAttribute('aria-pressed', 'false');
      await mic.click();
      await expect(mic).toHaveAttribute('aria-pressed', 'true');
      await camera.click();
      await expect(camera).toHaveAttribute('aria-pressed', 'true');
      await expect(paulaOnStage(paula), 'her own picture').toHaveAttribute('data-video', 'true');

      for (const v of viewers) {
        await expect(v.page.getByTestId('pk-slide')).toHaveAttribute('data-talk-index', '1');
        await expect(v.page.getByTestId('pk-presenter')).toHaveText('Paula Presenter · Ulm');
        await expect(paulaOnStage(v)).toHaveAttribute('data-audio', 'true');
        await expect(paulaOnStage(v)).toHaveAttribute('data-video', 'true');
      }
      // Each viewer has one link (to Paula) bringing sound and picture, and sends nothing.
      for (const v of viewers) {
        await expectReceiving(v.page, 1);
        const s = await linkStats(v.page);
        expect(sum(s, 'outAudioBytes') + sum(s, 'outVideoBytes'), 'a viewer only receives').toBe(0);
      }
      await expect.poll(() => links(paula), { message: 'Paula sends to both viewers' }).toBe(2);
      await expectGrows(p, 'outAudioBytes', 'Paula’s outbound audio keeps growing while her talk runs');
    });

    await test.step('resumed, her talk runs out by the clock: her buttons go, she stops sending, she leaves the viewers’ stage', async () => {
      await d.call('pechakucha:resume', {});
      // At most 10 s: the rest of her talk. Nobody acts when it ends.
      await expect(p.getByTestId('mic-toggle')).toHaveCount(0, { timeout: 30_000 });
      await expectStops(p, 'outAudioBytes', 'Paula’s outbound audio stops once her talk is over');
      await expect(p.getByTestId('mic-toggle')).toHaveCount(0);
      await expect(mediaButtons(paula)).toHaveText(['Geräte']);
      // Her own picture goes too: the camera is off, not just no longer sent.
      await expect(paulaOnStage(paula)).toHaveCount(0);
      for (const v of viewers) {
        await expect(paulaOnStage(v)).toHaveCount(0);
        await expect.poll(() => links(v), { message: 'the viewer’s link to Paula closes' }).toBe(0);
      }
      await expect.poll(() => links(paula), { message: 'Paula keeps no link: she sends nothing' }).toBe(0);
    });
  });
});
