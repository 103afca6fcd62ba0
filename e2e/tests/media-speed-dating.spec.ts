/**
 * Speed dating as the people in it see it (issue 6), on the mesh plane with
 * Chromium's fake camera and microphone:
 *
 *  - a host sets up a session in the browser (2 rounds of 25 s, 5 s break,
 *    two topics, two conversation starters) and starts it; four participants
 *    from two municipalities wait in the plenary, one chooses a topic;
 *  - round 1: everyone sees a partner card (a person from the other
 *    municipality, and the card is mutual; the topic shows on the chooser's
 *    card), the round's starter, the top bar says "Runde 1 von 2",
 *    and audio and video flow within each pair (getStats: inbound audio bytes
 *    and decoded video frames keep increasing on the one link of the pair);
 *  - the break: the session's floor counts down to the next round;
 *  - round 2: everyone has a different partner than in round 1, and media
 *    flows again after the switch;
 *  - after the end, "Kontakte": one pair marks each other (mutual), one person
 *    marks a partner who does not mark back. Only the mutual two get
 *    "Kontakte herunterladen (vCard)"; the downloaded `.vcf` holds the
 *    partner's name and the e-mail address they shared.
 *
 * Every moment is the session's own schedule (rule S2); the spec waits on
 * what the pages show, with timeouts sized to that schedule.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { createEvent, expect, joinAs, seriousA11yViolations, test, type Person } from '../fixtures.js';
import { CAMERA_AND_MIC_ON, expectReceiving, newMediaPerson } from '../media.js';

const ROUND_S = 25;
const BREAK_S = 5;
/** The lead (5 s) or a break, plus a round: the longest wait for the next room. */
const NEXT_ROOM_MS = (ROUND_S + BREAK_S + 10) * 1000;

interface Dater {
  person: Person;
  name: string;
  org: string;
}

/** The name on the one partner card a page shows now (a pair of two: one card). */
async function partnerOf(page: Page, round: number): Promise<string> {
  await expect(page.getByTestId('dating-pair')).toHaveAttribute('data-round', String(round), { timeout: NEXT_ROOM_MS });
  await expect(page.getByTestId('partner-card')).toHaveCount(1);
  return (await page.getByTestId('partner-name').textContent())!.trim();
}

test.describe('speed dating (mesh)', () => {
  const people: Person[] = [];
  test.afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('two rounds of pairs with media, new partners in round 2, mutual contacts as a vCard', async ({ browser, mashupUrl }) => {
    test.setTimeout(240_000);
    const event = await createEvent(mashupUrl, 'Speed-Dating-Test');
    const host = await newMediaPerson(browser, 'Hanna');
    people.push(host);
    await joinAs(host, event.hostLink, 'Hanna Host', 'Ulm');
    const daters: Dater[] = await Promise.all(
      [
        ['Ada Albers', 'Kiel'],
        ['Ben Berger', 'Kiel'],
        ['Cem Celik', 'Jena'],
        ['Dora Dahl', 'Jena'],
      ].map(async ([name, org], i) => {
        // Camera and microphone confirmed on this device before: the spec is about the pairs, not the dialog.
        // Ben's page runs axe, injected as an inline script, which our CSP (rightly) forbids: bypassCSP there.
        const person = await newMediaPerson(browser, name!, CAMERA_AND_MIC_ON, { bypassCSP: i === 1 });
        people.push(person);
        await joinAs(person, event.participantLink, name!, org!);
        return { person, name: name!, org: org! };
      }),
    );
    const byName = new Map(daters.map((d) => [d.name, d]));

    // The host prepares the session in the set-up dialog.
    const hp = host.page;
    await hp.getByTestId('host-nav-link').and(hp.locator('[data-target="host-area-dating"]')).click();
    await hp.getByTestId('dating-new').click();
    const dialog = hp.getByTestId('dating-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('dating-title').fill('Abend-Dating');
    await dialog.getByTestId('dating-round-minutes').fill('0');
    await dialog.getByTestId('dating-round-seconds').fill(String(ROUND_S));
    await dialog.getByTestId('dating-rounds').fill('2');
    await dialog.getByTestId('dating-break').fill(String(BREAK_S));
    await dialog.getByTestId('dating-topics-input').fill('AEG Datenplattformen\nAEG Klimaresilienz');
    await dialog.getByTestId('dating-starters-input').fill('Woran arbeiten Sie gerade?\nWas hat Sie zuletzt überrascht?');
    await dialog.getByTestId('dating-save').click();
    await expect(dialog).toBeHidden();
    const item = hp.getByTestId('dating-host-item');
    await expect(item).toHaveAttribute('data-phase', 'prepared');
    // The four participants take part; the host runs the session and is not paired.
    await expect(item.getByTestId('dating-host-people')).toContainText('4');
    for (const d of daters) await expect(d.person.page.getByTestId('dating-panel')).toHaveAttribute('data-state', 'prepared');
    // Ada chooses a topic before the start; her partners will see it on her card.
    const adaPage = daters[0]!.person.page;
    await adaPage.getByRole('checkbox', { name: 'AEG Klimaresilienz' }).check();
    await expect(adaPage.getByTestId('dating-options-status')).toHaveText('Themen gespeichert.');

    await item.getByTestId('dating-start').click();
    await expect(hp.getByTestId('dating-host-status')).toContainText('Runde 1');
    await expect(item.getByTestId('dating-stop'), 'focus stays among the controls, not on the page').toBeFocused();

    // Round 1: a partner card, the other municipality, pairs agree; the round's starter and the top bar.
    // All four at once: the round's 25 s are the budget for everything below, media included.
    const round1 = new Map(await Promise.all(daters.map(async (d) => [d.name, await partnerOf(d.person.page, 1)] as const)));
    for (const d of daters) {
      const partner = byName.get(round1.get(d.name)!);
      expect(partner, `${d.name}'s partner is one of the four`).toBeDefined();
      expect(round1.get(partner!.name), 'the partner sees the same pair').toBe(d.name);
      expect(partner!.org, 'pairs come from different municipalities').not.toBe(d.org);
      const page = d.person.page;
      await expect(page.getByTestId('partner-org')).toHaveText(partner!.org);
      if (partner!.name === 'Ada Albers') await expect(page.getByTestId('partner-topics')).toHaveText('AEG Klimaresilienz');
      await expect(page.getByTestId('dating-starter')).toContainText('Woran arbeiten Sie gerade?');
      await expect(page.getByTestId('room-name')).toContainText('Runde 1 von 2');
      await expect(page.getByTestId('dating-remaining')).toHaveText(/^00:[0-2]\d$/);
    }
    // A 25-second round is inside the 30-second warning from its start: colour and words say so.
    await expect(daters[0]!.person.page.getByTestId('dating-countdown')).toHaveAttribute('data-state', 'warning');
    await expect(daters[0]!.person.page.getByTestId('dating-warning')).toBeVisible();
    // Audio and video flow within each pair: one link each, both kinds increasing.
    await Promise.all(daters.map((d) => expectReceiving(d.person.page, 1)));
    // The hosts' overview: two pairs, no trio, no rule given way.
    const row1 = hp.getByTestId('dating-host-round').first();
    await expect(row1).toHaveAttribute('data-pairs', '2');
    await expect(row1).toHaveAttribute('data-trios', '0');
    await expect(row1).toContainText('keine');

    // The break: on the session's floor, counting down to round 2.
    const ada = daters[0]!.person.page;
    await expect(ada.getByTestId('dating-floor')).toHaveAttribute('data-state', 'break', { timeout: NEXT_ROOM_MS });
    await expect(ada.getByTestId('dating-countdown')).toHaveAttribute('data-state', 'break');

    // Round 2: everyone has a new partner, and media flows again after the switch.
    const round2 = new Map(await Promise.all(daters.map(async (d) => [d.name, await partnerOf(d.person.page, 2)] as const)));
    for (const d of daters) {
      expect(round2.get(d.name), `${d.name} meets someone new in round 2`).not.toBe(round1.get(d.name));
      expect(round2.get(round2.get(d.name)!)).toBe(d.name);
      await expect(d.person.page.getByTestId('dating-starter')).toContainText('Was hat Sie zuletzt überrascht?');
    }
    await Promise.all(daters.map((d) => expectReceiving(d.person.page, 1)));
    expect(await seriousA11yViolations(daters[1]!.person.page), 'the pair view passes axe').toEqual([]);

    // After the end: "Kontakte" lists both people one met.
    for (const d of daters) {
      const page = d.person.page;
      await expect(page.getByTestId('dating-contacts')).toBeVisible({ timeout: NEXT_ROOM_MS });
      await expect(page.getByTestId('dating-contact')).toHaveCount(2);
      await expect(page.getByTestId('dating-vcard')).toHaveCount(0);
    }

    // P and Q (round 2's first pair) mark each other; R marks S, who does not mark back.
    const p = daters[0]!;
    const q = byName.get(round2.get(p.name)!)!;
    const [r, s] = daters.filter((d) => d !== p && d !== q) as [Dater, Dater];
    const mark = (from: Dater, to: Dater) => from.person.page.getByTestId('dating-contact').filter({ hasText: to.name }).getByTestId('dating-mark');

    // Q shares an e-mail address first, so the vCard has something besides the name.
    await q.person.page.getByTestId('dating-email').fill('q.kontakt@example.org');
    await q.person.page.getByTestId('dating-contact-save').click();
    await expect(q.person.page.getByTestId('dating-contacts-status')).toHaveText('Kontaktdaten gespeichert.');

    await mark(p, q).check();
    await expect(p.person.page.getByTestId('dating-contacts-status')).toContainText(`${q.name} markiert.`);
    await expect(p.person.page.getByTestId('dating-contact').filter({ hasText: q.name }).getByTestId('dating-mutual')).toContainText('sobald');
    await mark(q, p).check();
    await mark(r, s).check();

    // Q's list is fetched after Q's own mark: mutual at once. P is told by the server (no click, no reload).
    await expect(q.person.page.getByTestId('dating-contact').filter({ hasText: p.name })).toHaveAttribute('data-mutual', 'true');
    await expect(q.person.page.getByTestId('dating-vcard')).toBeVisible();
    const pRow = p.person.page.getByTestId('dating-contact').filter({ hasText: q.name });
    await expect(pRow).toHaveAttribute('data-mutual', 'true');
    await expect(pRow.getByTestId('dating-mutual')).toContainText('Gegenseitig');
    await expect(pRow.getByTestId('dating-contact-details')).toContainText('q.kontakt@example.org');

    // R marked S, S did not mark back: neither gets the download, R reads why.
    await expect(r.person.page.getByTestId('dating-contact').filter({ hasText: s.name })).toHaveAttribute('data-mutual', 'false');
    await expect(r.person.page.getByTestId('dating-contact').filter({ hasText: s.name }).getByTestId('dating-mutual')).toContainText('sobald');
    await r.person.page.getByTestId('dating-contacts-refresh').click();
    await s.person.page.getByTestId('dating-contacts-refresh').click();
    await expect(r.person.page.getByTestId('dating-mutual-count')).toHaveText('Noch keine gegenseitigen Kontakte.');
    await expect(s.person.page.getByTestId('dating-mutual-count')).toHaveText('Noch keine gegenseitigen Kontakte.');
    await expect(r.person.page.getByTestId('dating-vcard')).toHaveCount(0);
    await expect(s.person.page.getByTestId('dating-vcard')).toHaveCount(0);

    expect(await seriousA11yViolations(daters[1]!.person.page), 'the contacts view passes axe').toEqual([]);

    // P downloads the vCard: a .vcf with Q's card (name and the shared address), nobody else's.
    const [download] = await Promise.all([p.person.page.waitForEvent('download'), p.person.page.getByTestId('dating-vcard').click()]);
    expect(download.suggestedFilename()).toBe('Abend-Dating-Kontakte.vcf');
    const vcf = await readFile((await download.path())!, 'utf8');
    expect(vcf).toContain('BEGIN:VCARD');
    expect(vcf).toContain(`FN:${q.name}`);
    expect(vcf).toContain('q.kontakt@example.org');
    expect(vcf).not.toContain(r.name);
    expect(vcf).not.toContain(s.name);
    // And Q's holds P.
    const [qDownload] = await Promise.all([q.person.page.waitForEvent('download'), q.person.page.getByTestId('dating-vcard').click()]);
    expect(await readFile((await qDownload.path())!, 'utf8')).toContain(`FN:${p.name}`);
  });
});
