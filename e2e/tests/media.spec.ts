/**
 * Audio and video on the mesh plane, checked the way a person's browser would
 * notice: from the peer connections' own statistics (getStats), with
 * Chromium's fake camera and microphone. Every RTCPeerConnection a page makes
 * is recorded by an init script (the app is not changed for the test).
 *
 *  - the plenary: a host on stage sends to three participants who only receive;
 *  - a workshop room: the three each receive audio and video from the other two;
 *  - back in the plenary after the round: the stage reaches all three again;
 *  - muting stops the outgoing audio; leaving closes every peer connection.
 *
 * The round's closing warning is the real 60 s (rule B5), so this spec takes
 * a little over a minute.
 */
import type { Socket } from 'socket.io-client';
import { createEvent, expect, joinAs, test, type Person } from '../fixtures.js';
import { director, openWorkshopRound } from '../director.js';
import { CAMERA_AND_MIC_ON, expectGrows, expectReceiving, expectStops, linkStats, newMediaPerson, sum } from '../media.js';

test.describe('audio and video (mesh)', () => {
  const people: Person[] = [];
  let control: Socket | null = null;
  test.afterEach(async () => {
    control?.disconnect();
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('stage to three viewers, a workshop of three, back to the plenary, mute, leave', async ({ browser, mashupUrl }) => {
    test.setTimeout(240_000);
    const event = await createEvent(mashupUrl, 'Medien-Test');
    // Everyone has confirmed camera and microphone on this device before (the device check's
    // choice is remembered): the test is about what flows, not about the dialog.
    const person = async (link: string, name: string, org: string) => {
      const p = await newMediaPerson(browser, name, CAMERA_AND_MIC_ON);
      people.push(p);
      return joinAs(p, link, name, org);
    };
    const host = await person(event.hostLink, 'Hanna Host', 'Ulm');
    const viewers = await Promise.all(
      [
        ['Ada', 'Kiel'],
        ['Ben', 'Jena'],
        ['Cem', 'Bamberg'],
      ].map(([name, org]) => person(event.participantLink, name!, org!)),
    );

    // Plenary: only the host is on stage. Each viewer has one connection (to the host) and sends nothing.
    for (const v of viewers) {
      await expectReceiving(v.page, 1);
      const s = await linkStats(v.page);
      expect(sum(s, 'outAudioBytes') + sum(s, 'outVideoBytes')).toBe(0);
    }
    // The host sends to all three and receives from none of them.
    await expect.poll(async () => (await linkStats(host.page)).length).toBe(3);
    expect(sum(await linkStats(host.page), 'inAudioBytes')).toBe(0);
    await expect(host.page.getByTestId('media-tile').first()).toBeVisible();

    // A workshop room with the three: everyone sends, everyone receives from the other two.
    const d = await director(mashupUrl, event);
    control = d.socket;
    const roundId = await openWorkshopRound(d, { title: 'Medienrunde', durationMs: 60_000, workshops: [{ title: 'Videoraum', capacity: 3 }] });
    for (const v of viewers) await expect(v.page.getByTestId('workshop-room')).toBeVisible();
    for (const v of viewers) await expectReceiving(v.page, 2);
    // The host, alone in the plenary now, has no one to send to.
    await expect.poll(async () => (await linkStats(host.page)).length).toBe(0);

    // The round closes: 60 s of warning, then everyone is back in the plenary and the stage reaches them again.
    await d.call('breakout:close', { roundId });
    for (const v of viewers) await expect(v.page.getByTestId('workshop-room')).toBeHidden({ timeout: 90_000 });
    for (const v of viewers) await expectReceiving(v.page, 1);
    await expect.poll(async () => (await linkStats(host.page)).length).toBe(3);

    // Muting stops the host's outgoing audio (video keeps going).
    await host.page.getByTestId('mic-toggle').click();
    await expect(host.page.getByTestId('mic-toggle')).toHaveAttribute('aria-pressed', 'false');
    await expectStops(host.page, 'outAudioBytes', 'outbound audio bytes stop increasing once muted');
    await expectGrows(host.page, 'outVideoBytes', 'outbound video bytes keep increasing while muted');

    // Leaving closes the viewer's peer connection, and the host's to that viewer.
    const ada = viewers[0]!;
    await ada.page.getByTestId('leave').click();
    await expect.poll(async () => (await linkStats(ada.page)).length).toBe(0);
    await expect.poll(async () => (await linkStats(host.page)).length).toBe(2);
  });
});
