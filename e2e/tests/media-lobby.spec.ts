/**
 * Audio and video in a lobby (PROTOCOL rules L2, M1, M2), checked from the
 * peer connections' own statistics (getStats) with Chromium's fake camera and
 * microphone, as media.spec.ts does for the plenary and a workshop:
 *
 *  - the lobby's floor is a stage: the host sends to the three people there,
 *    who only receive;
 *  - three people sit down at one table (by clicking "Platz nehmen"): each
 *    receives audio and video from the other two (inbound audio bytes and
 *    decoded frames keep increasing on both links), and the host, alone on
 *    the floor now, has no one to send to;
 *  - one gets up: back on the floor the stage reaches them again, and the two
 *    left at the table still hear and see each other.
 */
import type { Socket } from 'socket.io-client';
import { createEvent, expect, joinAs, test, type Person } from '../fixtures.js';
import { director } from '../director.js';
import { CAMERA_AND_MIC_ON, expectReceiving, linkStats, newMediaPerson, sum } from '../media.js';

test.describe('audio and video in a lobby (mesh)', () => {
  const people: Person[] = [];
  let control: Socket | null = null;
  test.afterEach(async () => {
    control?.disconnect();
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('the floor is a stage; three at a table each receive the other two', async ({ browser, mashupUrl }) => {
    test.setTimeout(180_000);
    const event = await createEvent(mashupUrl, 'Tisch-Medien-Test');
    // Everyone has confirmed camera and microphone on this device before: the test is about what flows.
    const person = async (link: string, name: string, org: string) => {
      const p = await newMediaPerson(browser, name, CAMERA_AND_MIC_ON);
      people.push(p);
      return joinAs(p, link, name, org);
    };
    const host = await person(event.hostLink, 'Hanna Host', 'Ulm');
    const guests = await Promise.all(
      [
        ['Ada', 'Kiel'],
        ['Ben', 'Jena'],
        ['Cem', 'Bamberg'],
      ].map(([name, org]) => person(event.participantLink, name!, org!)),
    );

    // The lobby is set up from the test's own host socket (the host's browser is one of the people here).
    const d = await director(mashupUrl, event);
    control = d.socket;
    const { lobbyId } = (await d.call('lobby:save', {
      title: 'Mittagstische',
      tables: [
        { name: 'Tisch A', capacity: 3 },
        { name: 'Tisch B', capacity: 3 },
      ],
    })) as { lobbyId: string };
    await d.call('lobby:open', { lobbyId });

    // The floor is a stage: each guest has one connection (to the host) and sends nothing.
    for (const g of guests) {
      await expect(g.page.getByTestId('lobby-floor')).toBeVisible();
      await expectReceiving(g.page, 1);
      const s = await linkStats(g.page);
      expect(sum(s, 'outAudioBytes') + sum(s, 'outVideoBytes')).toBe(0);
    }
    await expect.poll(async () => (await linkStats(host.page)).length).toBe(3);

    // Three sit down at Tisch A: everyone there sends, each receives the other two.
    for (const g of guests) {
      await g.page.getByTestId('lobby-table').filter({ hasText: 'Tisch A' }).getByTestId('lobby-table-sit').click();
      await expect(g.page.getByTestId('table-name')).toHaveText('Tisch A');
    }
    for (const g of guests) await expectReceiving(g.page, 2);
    for (const g of guests) await expect(g.page.getByTestId('mic-toggle')).toHaveAttribute('aria-pressed', 'true');
    // The table's grid shows the other two with their pictures.
    await expect(guests[0]!.page.getByTestId('media-grid')).toHaveAttribute('data-mode', 'room');
    await expect(guests[0]!.page.locator('[data-testid="media-tile"][data-video="true"]')).toHaveCount(3);
    // The host, alone on the floor now, has no one to send to.
    await expect.poll(async () => (await linkStats(host.page)).length).toBe(0);

    // Cem gets up: on the floor the host's stage reaches him again; Ada and Ben still have each other.
    const cem = guests[2]!;
    await cem.page.getByTestId('table-leave').click();
    await expect(cem.page.getByTestId('lobby-floor')).toBeVisible();
    await expectReceiving(cem.page, 1);
    for (const g of guests.slice(0, 2)) await expectReceiving(g.page, 1);
  });
});
