/**
 * The media controls as a person uses them, on the mesh plane with Chromium's
 * fake camera, microphone and screen; checked from what the page shows, what
 * the device remembers (localStorage) and the peer connections' own statistics
 * (getStats). media.spec.ts covers who sends to whom across the rooms; this
 * spec covers the person's own controls:
 *
 *  - the device check: off by default, a live preview and a level meter, the
 *    chosen devices remembered on the device and used again after a reload;
 *  - in a workshop room of two: a shared screen reaches the other as a second
 *    video, a pinned tile is large for the one who pinned it only, and "Nur
 *    Audio" stops video both ways while the sound keeps coming;
 *  - "Nur Audio" already remembered when entering a room: the other's sound
 *    arrives, no picture is decoded (the video the other's offer brings is
 *    turned off before answering);
 *  - the floor in the plenary (rule M2) from a host's people list: given
 *    beside a raised hand or under "Aktionen", taken back.
 *
 * Screen sharing needs no extra Chromium flag: with the fake UI and fake
 * devices of chromium.ts, getDisplayMedia returns a fake 1280×720 screen
 * without a picker (checked with Chromium 156).
 */
import type { Locator, Page } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import { createEvent, expect, joinAs, test, type Person } from '../fixtures.js';
import { director, openWorkshopRound } from '../director.js';
import {
  CAMERA_AND_MIC_ON,
  MEDIA_STORAGE_KEY,
  NOTHING_ON,
  expectGrows,
  expectReceiving,
  expectStops,
  expectVideosFlowing,
  linkStats,
  mediaButtons,
  newMediaPerson,
  sum,
  type RememberedDevices,
} from '../media.js';

/** The device choice this device remembers, or null. */
function rememberedChoice(page: Page): Promise<RememberedDevices | null> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as RememberedDevices | null, MEDIA_STORAGE_KEY);
}

/** Picks the last device of a select (not "Standard des Browsers"): resolves its device id. */
async function chooseLast(select: Locator): Promise<string> {
  // The devices are listed once the browser enumerated them (after capture was allowed).
  await expect.poll(() => select.locator('option').count(), { message: 'devices listed' }).toBeGreaterThan(1);
  const values = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const id = values.at(-1)!;
  expect(id, 'a device besides the browser default').not.toBe('');
  await select.selectOption(id);
  return id;
}

/** The device ids of the microphone and camera a tile's picture plays (its <video>'s stream). */
function tileDevices(tile: Locator): Promise<{ mic: string | undefined; camera: string | undefined }> {
  return tile.locator('video').evaluate((v: HTMLVideoElement) => {
    const stream = v.srcObject as MediaStream | null;
    return { mic: stream?.getAudioTracks()[0]?.getSettings().deviceId, camera: stream?.getVideoTracks()[0]?.getSettings().deviceId };
  });
}

/**
 * The readings a level meter shows (aria-valuenow, 0–100), recorded in the page as they change:
 * until it showed `moved.distinct` different ones, one of them at least `moved.loud`, or `ms`
 * passed. Recorded in the page, not polled from the test: the meter changes ten times a second,
 * and on a busy machine one round trip from the test takes longer than that.
 */
function meterReadings(meter: Locator, moved: { distinct: number; loud: number }, ms: number): Promise<number[]> {
  return meter.evaluate(
    (el, { moved, ms }) =>
      new Promise<number[]>((resolve) => {
        const seen: number[] = [];
        const done = () => {
          observer.disconnect();
          clearTimeout(timer);
          resolve(seen);
        };
        const observer = new MutationObserver(() => {
          seen.push(Number(el.getAttribute('aria-valuenow')));
          if (new Set(seen).size >= moved.distinct && Math.max(...seen) >= moved.loud) done();
        });
        observer.observe(el, { attributes: true, attributeFilter: ['aria-valuenow'] });
        const timer = setTimeout(done, ms);
      }),
    { moved, ms },
  );
}

/**
 * The page's sound keeps coming — three samples a second apart, each with more inbound audio
 * bytes than the one before — and not one video frame is decoded in any sample. A window of
 * seconds, not one sample: a video that arrives decodes its first frames within about a second
 * of the sound.
 */
async function expectSoundButNoPicture(page: Page, message: string): Promise<void> {
  let audio = sum(await linkStats(page), 'inAudioBytes');
  let growing = 0;
  const frames: number[] = [];
  await expect
    .poll(
      async () => {
        const links = await linkStats(page);
        const now = sum(links, 'inAudioBytes');
        frames.push(sum(links, 'inVideoFrames'));
        growing = now > audio ? growing + 1 : 0;
        audio = now;
        return growing;
      },
      { timeout: 30_000, intervals: [1_000], message: `${message}: the sound keeps coming` },
    )
    .toBeGreaterThanOrEqual(3);
  expect(frames, `${message}: decoded video frames, one sample a second`).toEqual(frames.map(() => 0));
}

async function openDeviceCheck(page: Page): Promise<Locator> {
  await page.getByTestId('media-devices').click();
  const check = page.getByTestId('device-check');
  await expect(check).toBeVisible();
  return check;
}

test.describe('media controls (mesh)', () => {
  const people: Person[] = [];
  let control: Socket | null = null;
  test.afterEach(async () => {
    control?.disconnect();
    control = null;
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('device check: off by default, live preview and level, the choice is remembered on the device and survives a reload', async ({
    browser,
    mashupUrl,
  }) => {
    // ~15 s on a quiet machine; the bound is for a busy one (2 cores shared with other browsers).
    test.setTimeout(180_000);
    const event = await createEvent(mashupUrl, 'Geräte-Test');
    // Through the host link: in the plenary only the stage sends (rule M2), and a host is on it,
    // so the check offers camera and microphone (a participant there gets the speaker and "Nur Audio").
    const hanna = await newMediaPerson(browser, 'Hanna');
    people.push(hanna);
    await joinAs(hanna, event.hostLink, 'Hanna Host', 'Ulm');
    const { page } = hanna;
    const mic = page.getByTestId('mic-toggle');
    const camera = page.getByTestId('camera-toggle');

    // Off by default (privacy): both toggles off, nothing remembered on the device, no picture of her own.
    await expect(mic).toHaveAttribute('aria-pressed', 'false');
    await expect(camera).toHaveAttribute('aria-pressed', 'false');
    expect(await rememberedChoice(page)).toBeNull();
    await expect(page.getByTestId('media-tile')).toHaveCount(0);

    // "Geräte" opens the check with both switches off: no preview, the meter says the microphone is off.
    let check = await openDeviceCheck(page);
    await expect(check.getByTestId('device-mic')).not.toBeChecked();
    await expect(check.getByTestId('device-camera')).not.toBeChecked();
    await expect(check.getByTestId('device-preview')).toHaveAttribute('data-video', 'false');
    const level = check.getByTestId('device-level');
    await expect(level).toHaveAttribute('aria-valuetext', 'Mikrofon aus');

    // Switched on: the camera preview plays (frames of a real size, time advancing) …
    await check.getByTestId('device-mic').check();
    await check.getByTestId('device-camera').check();
    const preview = check.getByTestId('device-preview').locator('video');
    await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth), { message: 'the preview shows frames' }).toBeGreaterThan(0);
    const playedAt = await preview.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.currentTime), { message: 'the preview plays' }).toBeGreaterThan(playedAt);
    // … and the meter follows the fake microphone's beeps: loud and quiet readings, not one fixed value.
    // (Chromium's fake microphone beeps about twice a second: the bar jumps to 40–90 and falls back to 0.)
    const moved = { distinct: 3, loud: 30 };
    const readings = await meterReadings(level, moved, 15_000);
    expect(new Set(readings).size, `the level meter moves with the microphone: ${readings.join(', ')}`).toBeGreaterThanOrEqual(moved.distinct);
    expect(Math.max(...readings, 0), `a beep reads loud: ${readings.join(', ')}`).toBeGreaterThanOrEqual(moved.loud);

    // Chosen devices (not the browser's defaults), applied: remembered on this device and in use.
    const micId = await chooseLast(check.getByTestId('device-mic-select'));
    const cameraId = await chooseLast(check.getByTestId('device-camera-select'));
    const speakerId = await chooseLast(check.getByTestId('device-speaker-select'));
    await check.getByTestId('device-apply').click();
    await expect(check).toBeHidden();
    const chosen: RememberedDevices = { micOn: true, cameraOn: true, micId, cameraId, speakerId, audioOnly: false };
    expect(await rememberedChoice(page)).toEqual(chosen);
    await expect(mic).toHaveAttribute('aria-pressed', 'true');
    await expect(camera).toHaveAttribute('aria-pressed', 'true');
    const own = page.getByTestId('media-tile');
    await expect(own).toHaveAttribute('data-video', 'true');
    await expect.poll(() => tileDevices(own), { message: 'her own picture comes from the chosen devices' }).toEqual({ mic: micId, camera: cameraId });

    // After a reload the device still knows: on again, with the same devices, and the check shows the choice.
    await page.reload();
    await expect(page.getByTestId('self-name')).toContainText('Hanna Host');
    await expect(mic).toHaveAttribute('aria-pressed', 'true');
    await expect(camera).toHaveAttribute('aria-pressed', 'true');
    await expect(own).toHaveAttribute('data-video', 'true');
    await expect.poll(() => tileDevices(own), { message: 'after the reload, the chosen devices again' }).toEqual({ mic: micId, camera: cameraId });
    check = await openDeviceCheck(page);
    await expect(check.getByTestId('device-mic')).toBeChecked();
    await expect(check.getByTestId('device-camera')).toBeChecked();
    await expect(check.getByTestId('device-mic-select')).toHaveValue(micId);
    await expect(check.getByTestId('device-camera-select')).toHaveValue(cameraId);
    await expect(check.getByTestId('device-speaker-select')).toHaveValue(speakerId);
    await check.getByTestId('device-cancel').click();
    await expect(check).toBeHidden();
    expect(await rememberedChoice(page)).toEqual(chosen);
  });

  test('a workshop of two: a shared screen reaches the other, pinning is the viewer’s own, "Nur Audio" stops video both ways but not the sound', async ({
    browser,
    mashupUrl,
  }) => {
    // ~35 s on a quiet machine; the bound is for a busy one.
    test.setTimeout(240_000);
    const event = await createEvent(mashupUrl, 'Bedienelemente-Test');
    // Both confirmed camera and microphone on this device before: the room starts with both sending.
    const person = async (name: string, org: string) => {
      const p = await newMediaPerson(browser, name, CAMERA_AND_MIC_ON);
      people.push(p);
      return joinAs(p, event.participantLink, name, org);
    };
    const [ada, ben] = await Promise.all([person('Ada Adler', 'Kiel'), person('Ben Berg', 'Jena')]);
    const d = await director(mashupUrl, event);
    control = d.socket;
    await openWorkshopRound(d, { title: 'Bedienrunde', durationMs: 600_000, workshops: [{ title: 'Zweierraum', capacity: 2 }] });
    for (const p of [ada, ben]) await expect(p.page.getByTestId('workshop-room')).toBeVisible();
    for (const p of [ada, ben]) await expectReceiving(p.page, 1);
    /** The camera tile of `name` as `viewer` sees it. */
    const cameraTile = (viewer: Person, name: string) =>
      viewer.page.locator('[data-testid="media-tile"][data-kind="camera"]').filter({ hasText: name });
    const grid = (viewer: Person) => viewer.page.getByTestId('workshop-room').getByTestId('media-grid');

    await test.step('a shared screen reaches the other as a second video, and goes when sharing stops', async () => {
      // In a room of at most six everyone may share (rule M2).
      const share = ada.page.getByTestId('screen-toggle');
      await share.click();
      await expect(share).toHaveAttribute('aria-pressed', 'true');
      const screen = ben.page.locator('[data-testid="media-tile"][data-kind="screen"]');
      await expect(screen).toBeVisible();
      await expect(screen).toContainText('Bildschirm von Ada Adler');
      await expect.poll(() => screen.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), { message: 'the screen tile shows frames' }).toBeGreaterThan(0);
      await expectVideosFlowing(ben.page, 2, 'Ben decodes two videos from Ada: her camera and her screen');

      await share.click();
      await expect(share).toHaveAttribute('aria-pressed', 'false');
      await expect(screen).toHaveCount(0);
      await expectVideosFlowing(ben.page, 1, 'Ben decodes only her camera once she stopped sharing');
    });

    await test.step('a pinned tile is large for the one who pinned it only; unpinning restores the equal grid', async () => {
      // Two pictures share the space equally until one is pinned.
      const benAtAda = ada.page.locator('mashup-media-tile').filter({ hasText: 'Ben Berg' });
      const ownAtAda = ada.page.locator('mashup-media-tile').filter({ hasText: 'Ada Adler' });
      await expect(grid(ada)).toHaveAttribute('data-layout', 'equal');
      const pin = benAtAda.getByTestId('media-pin');
      await expect(pin).toHaveAttribute('aria-pressed', 'false');
      await pin.click();
      await expect(pin).toHaveAttribute('aria-pressed', 'true');
      await expect(benAtAda).toHaveAttribute('large', '');
      await expect(ownAtAda).not.toHaveAttribute('large', '');
      await expect(grid(ada)).toHaveAttribute('data-layout', 'focus');
      const width = async (tile: Locator) => (await tile.boundingBox())?.width ?? 0;
      expect(await width(benAtAda), 'the pinned picture is much wider than the other').toBeGreaterThan(2 * (await width(ownAtAda)));
      // Ben's view is his own: nothing pinned, nothing large.
      await expect(grid(ben)).toHaveAttribute('data-layout', 'equal');
      await expect(ben.page.locator('mashup-media-tile[large]')).toHaveCount(0);
      for (const p of await ben.page.getByTestId('media-pin').all()) await expect(p).toHaveAttribute('aria-pressed', 'false');

      await pin.click();
      await expect(pin).toHaveAttribute('aria-pressed', 'false');
      await expect(ada.page.locator('mashup-media-tile[large]')).toHaveCount(0);
      await expect(grid(ada)).toHaveAttribute('data-layout', 'equal');
    });

    await test.step('"Nur Audio": no video in or out, the sound keeps coming; off again, video returns', async () => {
      const adaCamera = ada.page.getByTestId('camera-toggle');
      let check = await openDeviceCheck(ada.page);
      await check.getByTestId('audio-only-toggle').check();
      // It sends no video either: the camera switch goes off with it.
      await expect(check.getByTestId('device-camera')).not.toBeChecked();
      await check.getByTestId('device-apply').click();
      await expect(check).toBeHidden();
      await expect(adaCamera).toHaveAttribute('aria-pressed', 'false');
      expect((await rememberedChoice(ada.page))?.audioOnly).toBe(true);
      await expectStops(ada.page, 'inVideoFrames', 'Ada decodes no video in audio-only mode');
      await expectStops(ada.page, 'outVideoBytes', 'Ada sends no video in audio-only mode');
      await expectGrows(ada.page, 'inAudioBytes', 'Ada keeps receiving audio in audio-only mode');
      // What both see: Ben's initials instead of his picture at Ada's, and Ada's camera gone at Ben's.
      await expect(cameraTile(ada, 'Ben Berg')).toHaveAttribute('data-video', 'false');
      await expect(cameraTile(ben, 'Ada Adler')).toHaveAttribute('data-video', 'false');

      check = await openDeviceCheck(ada.page);
      await expect(check.getByTestId('audio-only-toggle')).toBeChecked();
      await check.getByTestId('audio-only-toggle').uncheck();
      await check.getByTestId('device-apply').click();
      await expect(check).toBeHidden();
      await expectGrows(ada.page, 'inVideoFrames', 'Ada decodes Ben’s video again');
      await expect(cameraTile(ada, 'Ben Berg')).toHaveAttribute('data-video', 'true');
      // Her camera stays off until she turns it on herself; then Ben sees her again.
      await expect(adaCamera).toHaveAttribute('aria-pressed', 'false');
      await adaCamera.click();
      await expect(adaCamera).toHaveAttribute('aria-pressed', 'true');
      await expectGrows(ada.page, 'outVideoBytes', 'Ada sends video again');
      await expectGrows(ben.page, 'inVideoFrames', 'Ben decodes Ada’s video again');
      await expect(cameraTile(ben, 'Ada Adler')).toHaveAttribute('data-video', 'true');
    });
  });

  test('"Nur Audio" remembered on the device: in a workshop the other’s sound arrives but not one frame of her picture; switched off, the picture comes', async ({
    browser,
    mashupUrl,
  }) => {
    // ~20 s on a quiet machine; the bound is for a busy one.
    test.setTimeout(120_000);
    const event = await createEvent(mashupUrl, 'Nur-Audio-Test');
    // Cem chose "Nur Audio" on this device before (which turned his camera off), microphone on;
    // Dana sends camera and microphone.
    const cem = await newMediaPerson(browser, 'Cem Can', { ...CAMERA_AND_MIC_ON, cameraOn: false, audioOnly: true });
    const dana = await newMediaPerson(browser, 'Dana Dorn', CAMERA_AND_MIC_ON);
    people.push(cem, dana);
    await Promise.all([joinAs(cem, event.participantLink, 'Cem Can', 'Bonn'), joinAs(dana, event.participantLink, 'Dana Dorn', 'Trier')]);
    const d = await director(mashupUrl, event);
    control = d.socket;
    await openWorkshopRound(d, { title: 'Hörrunde', durationMs: 600_000, workshops: [{ title: 'Zweierraum', capacity: 2 }] });
    for (const p of [cem, dana]) await expect(p.page.getByTestId('workshop-room')).toBeVisible();
    await expect(cem.page.getByTestId('mic-toggle')).toHaveAttribute('aria-pressed', 'true');
    await expect(cem.page.getByTestId('camera-toggle')).toHaveAttribute('aria-pressed', 'false');
    await expect(dana.page.getByTestId('camera-toggle')).toHaveAttribute('aria-pressed', 'true');
    // Her camera works: her own tile shows it.
    await expect(dana.page.locator('[data-testid="media-tile"][data-kind="camera"]').filter({ hasText: 'Dana Dorn' })).toHaveAttribute('data-video', 'true');

    // At Cem's: Dana's tile with sound and her initials; over seconds of her sound, no frame of her picture.
    const danaAtCem = cem.page.locator('[data-testid="media-tile"][data-kind="camera"]').filter({ hasText: 'Dana Dorn' });
    await expect(danaAtCem).toHaveAttribute('data-audio', 'true');
    await expect(danaAtCem).toHaveAttribute('data-video', 'false');
    await expect.poll(async () => (await linkStats(cem.page)).length, { message: 'Cem has one link: to Dana' }).toBe(1);
    await expectSoundButNoPicture(cem.page, 'Cem in "Nur Audio" mode');

    // The link could carry her picture all along: "Nur Audio" off, and it comes.
    const check = await openDeviceCheck(cem.page);
    await expect(check.getByTestId('audio-only-toggle')).toBeChecked();
    await check.getByTestId('audio-only-toggle').uncheck();
    await check.getByTestId('device-apply').click();
    await expect(check).toBeHidden();
    await expectGrows(cem.page, 'inVideoFrames', 'Cem decodes Dana’s video once "Nur Audio" is off');
    await expect(danaAtCem).toHaveAttribute('data-video', 'true');
  });

  test('the floor in the plenary: a host gives it beside a raised hand (the hand goes down, the microphone button comes, the others hear), takes it back (button and sound gone), gives it under "Aktionen" without a hand', async ({
    browser,
    mashupUrl,
  }) => {
    // ~25 s on a quiet machine; the bound is for a busy one.
    test.setTimeout(120_000);
    const event = await createEvent(mashupUrl, 'Wortmeldungs-Test');
    const person = async (link: string, name: string, org: string, remembered?: RememberedDevices) => {
      const p = await newMediaPerson(browser, name, remembered);
      people.push(p);
      return joinAs(p, link, name, org);
    };
    // The host sends nothing (nothing remembered: all off): whatever Ben receives comes from Ada.
    const hanna = await person(event.hostLink, 'Hanna Host', 'Ulm');
    const [ada, ben] = await Promise.all([
      person(event.participantLink, 'Ada Adler', 'Kiel', NOTHING_ON),
      person(event.participantLink, 'Ben Berg', 'Jena'),
    ]);
    const row = (name: string) => hanna.page.getByTestId('people-item').filter({ hasText: name });
    const adaOnStage = ben.page.locator('[data-testid="media-tile"][data-kind="camera"]').filter({ hasText: 'Ada Adler' });

    // In the plenary only the stage sends (rule M2): a participant's media controls are "Geräte" alone.
    for (const p of [ada, ben]) {
      await expect(mediaButtons(p)).toHaveText(['Geräte']);
      await expect(p.page.getByTestId('mic-toggle')).toHaveCount(0);
    }
    await hanna.page.getByTestId('tab-people').click();
    await expect(hanna.page.getByTestId('people-item')).toHaveCount(3);

    await test.step('beside a raised hand: giving the floor lowers the hand, Ada gets the microphone and Ben hears her', async () => {
      await ada.page.getByTestId('hand-toggle').click();
      await expect(ada.page.getByTestId('hand-toggle')).toHaveAttribute('aria-pressed', 'true');
      await expect(row('Ada Adler')).toHaveAttribute('data-hand', 'true');
      await expect(row('Ada Adler').getByTestId('person-lower-hand')).toBeVisible();
      const floor = row('Ada Adler').getByTestId('person-floor');
      await expect(floor).toHaveAttribute('aria-pressed', 'false');
      await expect(floor).toContainText('Wort erteilen');
      // Without a raised hand it is not up front (see "Aktionen" below).
      await expect(row('Ben Berg').getByTestId('person-floor')).toHaveCount(0);

      await floor.click();
      await expect(floor).toHaveAttribute('aria-pressed', 'true');
      await expect(floor).toContainText('Wort entziehen');
      await expect(row('Ada Adler').getByTestId('people-floor')).toHaveText('hat das Wort');
      // Giving the floor answers the hand.
      await expect(row('Ada Adler')).toHaveAttribute('data-hand', 'false');
      await expect(ada.page.getByTestId('hand-toggle')).toHaveAttribute('aria-pressed', 'false');
      // Microphone and camera, no screen (on the stage only hosts and the presenter share); Ben's controls unchanged.
      await expect(mediaButtons(ada)).toHaveText(['Mikrofon', 'Kamera', 'Geräte']);
      await expect(mediaButtons(ben)).toHaveText(['Geräte']);

      const mic = ada.page.getByTestId('mic-toggle');
      await expect(mic).toHaveAttribute('aria-pressed', 'false');
      await mic.click();
      await expect(mic).toHaveAttribute('aria-pressed', 'true');
      // Ben sees her on the stage (initials: her camera is off) and receives her sound, sending nothing himself.
      await expect(adaOnStage).toHaveAttribute('data-audio', 'true');
      await expect(adaOnStage).toHaveAttribute('data-video', 'false');
      await expect.poll(async () => (await linkStats(ben.page)).length, { message: 'Ben has one link: to Ada' }).toBe(1);
      await expectGrows(ben.page, 'inAudioBytes', 'Ben receives Ada’s sound');
      const benLinks = await linkStats(ben.page);
      expect(sum(benLinks, 'outAudioBytes') + sum(benLinks, 'outVideoBytes'), 'Ben only receives').toBe(0);
    });

    await test.step('taken back: her microphone button goes, she leaves Ben’s stage and his link to her closes', async () => {
      await row('Ada Adler').getByTestId('person-floor').click();
      await expect(row('Ada Adler').getByTestId('people-floor')).toHaveCount(0);
      await expect(ada.page.getByTestId('mic-toggle')).toHaveCount(0);
      await expect(mediaButtons(ada)).toHaveText(['Geräte']);
      await expect(adaOnStage).toHaveCount(0);
      await expect.poll(async () => (await linkStats(ben.page)).length, { message: 'Ben’s link to Ada closes' }).toBe(0);
      await expect.poll(async () => (await linkStats(ada.page)).length, { message: 'Ada keeps no link: she sends nothing' }).toBe(0);
      // Without hand or floor the button is back under "Aktionen", offering the floor again.
      await expect(row('Ada Adler').getByTestId('person-floor')).toHaveCount(0);
      await row('Ada Adler').getByTestId('person-actions').click();
      await expect(row('Ada Adler').getByTestId('person-floor')).toHaveAttribute('aria-pressed', 'false');
      await expect(row('Ada Adler').getByTestId('person-floor')).toContainText('Wort erteilen');
    });

    await test.step('given again: her microphone does not switch itself on, although her device remembers it on', async () => {
      expect((await rememberedChoice(ada.page))?.micOn, 'the device remembers her last choice').toBe(true);
      await row('Ada Adler').getByTestId('person-floor').click();
      await expect(row('Ada Adler').getByTestId('people-floor')).toHaveText('hat das Wort');
      await expect(ada.page.getByTestId('mic-toggle')).toHaveAttribute('aria-pressed', 'false');
      // Checked once more after the next step's grant to Ben, which comes later through the same server.
    });

    await test.step('without a raised hand: under "Aktionen"', async () => {
      const floor = row('Ben Berg').getByTestId('person-floor');
      await expect(floor).toHaveCount(0);
      await row('Ben Berg').getByTestId('person-actions').click();
      await expect(floor).toHaveAttribute('aria-pressed', 'false');
      await floor.click();
      await expect(row('Ben Berg').getByTestId('people-floor')).toHaveText('hat das Wort');
      await expect(floor).toHaveAttribute('aria-pressed', 'true');
      await expect(mediaButtons(ben)).toHaveText(['Mikrofon', 'Kamera', 'Geräte']);
      // Nobody sends: Ada's microphone stayed off (privacy), so nobody holds a link.
      await expect(ada.page.getByTestId('mic-toggle')).toHaveAttribute('aria-pressed', 'false');
      expect((await linkStats(ada.page)).length + (await linkStats(ben.page)).length).toBe(0);
    });
  });
});
