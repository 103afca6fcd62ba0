/**
 * A workshop round as the people in it see it: the host prepares two
 * workshops of two seats each in choose mode, four participants choose (the
 * third finds the first workshop "voll"), the host opens the round and
 * everyone is in their room at once, both rooms count down the same time, a
 * broadcast reaches both rooms, a reload lands in the same workshop, a call
 * for help reaches the host in the banner below the top bar (visit, done),
 * results written in a room show on the plenary's results wall once the
 * round has closed, where the host pins and edits them, and everyone is back
 * in the plenary.
 *
 * The closing warning is the real 60 seconds (rule B5): nothing is faked, so
 * this spec takes a little over a minute.
 */
import type { Page } from '@playwright/test';
import { countdownSeconds, createEvent, expect, personJoins, test, type Person } from '../fixtures.js';

const choice = (page: Page, title: string) => page.getByTestId('workshop-choice').filter({ hasText: title });

test.describe('workshop rounds', () => {
  const people: Person[] = [];
  test.afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('choose, open, broadcast, reload, results, close', async ({ browser, mashupUrl }) => {
    test.setTimeout(180_000);
    const event = await createEvent(mashupUrl, 'Workshoprunden-Test');
    const host = await personJoins(browser, event.hostLink, 'Hanna Host', 'Ulm');
    people.push(host);
    const [ada, ben, cem, dora] = await Promise.all(
      [
        ['Ada', 'Kiel'],
        ['Ben', 'Jena'],
        ['Cem', 'Bamberg'],
        ['Dora', 'Solingen'],
      ].map(([name, org]) => personJoins(browser, event.participantLink, name!, org!)),
    );
    people.push(ada!, ben!, cem!, dora!);

    // The host reaches the round panel from the jump links above the host area, by keyboard, also on a phone.
    const h = host.page;
    const viewport = h.viewportSize();
    await h.setViewportSize({ width: 390, height: 844 });
    const roundsLink = h.getByTestId('host-nav-link').filter({ hasText: 'Workshoprunden' });
    await expect(h.getByTestId('round-new')).not.toBeInViewport();
    await roundsLink.focus();
    await h.keyboard.press('Enter');
    await expect(h.getByTestId('round-new')).toBeInViewport();
    expect(await h.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    if (viewport) await h.setViewportSize(viewport);
    // On a wide screen only the main view scrolls: the top bar stays in view.
    await roundsLink.click();
    await expect(h.getByTestId('round-new')).toBeInViewport();
    await expect(h.getByTestId('room-name')).toBeInViewport();

    // The host prepares the round: two workshops, two seats each, participants choose.
    await h.getByTestId('round-new').click();
    const dialog = h.getByTestId('round-dialog');
    await dialog.getByTestId('round-title').fill('Workshoprunde 1');
    await dialog.getByTestId('round-minutes').fill('10');
    await dialog.getByTestId('round-mode').selectOption('choose');
    const rows = dialog.getByTestId('round-workshop');
    if ((await rows.count()) < 1) await dialog.getByTestId('round-workshop-add').click();
    await rows.nth(0).getByTestId('round-workshop-title').fill('Datenplattformen');
    await rows.nth(0).getByTestId('round-workshop-capacity').fill('2');
    if ((await rows.count()) < 2) await dialog.getByTestId('round-workshop-add').click();
    await rows.nth(1).getByTestId('round-workshop-title').fill('Digitaler Zwilling');
    await rows.nth(1).getByTestId('round-workshop-capacity').fill('2');
    await dialog.getByTestId('round-save').click();
    await expect(dialog).toBeHidden();
    const round = h.getByTestId('round-item').filter({ hasText: 'Workshoprunde 1' });
    await round.getByTestId('round-publish').click();

    // Ada and Ben take both seats of the first workshop; Cem sees it full and takes the second.
    for (const p of [ada!, ben!]) {
      await choice(p.page, 'Datenplattformen').getByTestId('workshop-choose').click();
      await expect(choice(p.page, 'Datenplattformen').getByTestId('choice-status')).toContainText('Sie haben einen Platz');
    }
    const full = choice(cem!.page, 'Datenplattformen');
    await expect(full).toHaveAttribute('data-full', 'true');
    await expect(full.getByTestId('workshop-full')).toContainText(/voll/i);
    await choice(cem!.page, 'Digitaler Zwilling').getByTestId('workshop-choose').click();
    await choice(dora!.page, 'Digitaler Zwilling').getByTestId('workshop-choose').click();
    await expect(choice(dora!.page, 'Digitaler Zwilling').getByTestId('choice-status')).toContainText('Sie haben einen Platz');

    // Opening moves everyone into their rooms at once.
    await round.getByTestId('round-open').click();
    // "Öffnen" gives way to the round's controls, and keyboard focus goes with it.
    await expect(round.getByTestId('round-extend-plus')).toBeFocused();
    for (const [p, title] of [
      [ada!, 'Datenplattformen'],
      [ben!, 'Datenplattformen'],
      [cem!, 'Digitaler Zwilling'],
      [dora!, 'Digitaler Zwilling'],
    ] as const) {
      await expect(p.page.getByTestId('workshop-room')).toBeVisible();
      await expect(p.page.getByTestId('workshop-title')).toContainText(title);
    }
    await expect(ada!.page.getByTestId('workshop-member')).toHaveCount(2);

    // Both rooms count down the same round: read side by side, at most a second apart.
    const [a, c] = await Promise.all(
      [ada!, cem!].map((p) => p.page.getByTestId('round-remaining').textContent()),
    );
    expect(Math.abs(countdownSeconds(a) - countdownSeconds(c))).toBeLessThanOrEqual(1);
    expect(countdownSeconds(a)).toBeGreaterThan(9 * 60);

    // A broadcast from the host reaches both rooms.
    await h.getByTestId('broadcast-input').fill('Noch fünf Minuten, bitte Ergebnisse festhalten.');
    await h.getByTestId('broadcast-send').click();
    for (const p of [ada!, cem!]) {
      await expect(p.page.getByTestId('announcement-text')).toContainText('Noch fünf Minuten');
    }

    // Chat stays in the room: Cem does not see what Ada writes.
    await ada!.page.getByTestId('chat-input').fill('Hallo aus den Datenplattformen');
    await ada!.page.getByTestId('chat-send').click();
    await expect(ben!.page.getByTestId('chat-message-text').filter({ hasText: 'Hallo aus den Datenplattformen' })).toBeVisible();

    // Results written in the room (the side panel's Ergebnisse tab).
    for (const p of [ada!, ben!]) await p.page.getByTestId('tab-results').click();
    const board = ada!.page.getByTestId('results-board');
    await board.locator('[data-testid="result-input"][data-section="insights"]').fill('Offene Daten brauchen eine Governance');
    await board.locator('[data-testid="result-add"][data-section="insights"]').click();
    await expect(ben!.page.getByTestId('result-text').filter({ hasText: 'Governance' })).toBeVisible();
    await expect(cem!.page.getByTestId('chat-message-text').filter({ hasText: 'Hallo aus den Datenplattformen' })).toHaveCount(0);

    // A reload lands in the same workshop.
    await dora!.page.reload();
    await expect(dora!.page.getByTestId('workshop-room')).toBeVisible();
    await expect(dora!.page.getByTestId('workshop-title')).toContainText('Digitaler Zwilling');

    // Cem calls for help: the host sees it below the top bar, drops into the room from there and marks it done.
    await cem!.page.getByTestId('help-button').click();
    const banner = h.getByTestId('help-banner');
    await expect(banner).toContainText('Digitaler Zwilling');
    await expect(h.getByTestId('help-banner-said')).toHaveText('Cem ruft Hilfe in „Digitaler Zwilling“.');
    await banner.getByTestId('help-banner-visit').click();
    await expect(h.getByTestId('workshop-title')).toContainText('Digitaler Zwilling');
    await expect(banner.getByTestId('help-banner-visit')).toHaveCount(0);
    await banner.getByTestId('help-banner-done').click();
    await expect(banner).toBeHidden();

    // Closing: a warning in every room, then everyone is back in the plenary.
    await round.getByTestId('round-close').click();
    await h.getByTestId('round-confirm').click();
    for (const p of [ada!, cem!]) await expect(p.page.getByTestId('closing-warning')).toBeVisible();
    for (const p of [ada!, ben!, cem!, dora!]) {
      await expect(p.page.getByTestId('workshop-room')).toBeHidden({ timeout: 75_000 });
      await expect(p.page.getByTestId('room-name')).toContainText('Plenum');
    }

    // The results wall in the plenary shows the workshop's results.
    const card = cem!.page.getByTestId('results-card').filter({ hasText: 'Datenplattformen' });
    await expect(card.getByTestId('results-card-item')).toContainText('Governance');

    // After the round the host pins and edits on the wall; Cem, read-only, sees both.
    const hostCard = h.getByTestId('results-card').filter({ hasText: 'Datenplattformen' });
    await hostCard.getByTestId('result-pin').click();
    await expect(card.getByTestId('results-card-item')).toHaveAttribute('data-pinned', 'true');
    await hostCard.getByTestId('result-edit').click();
    await hostCard.getByTestId('result-edit-input').fill('Offene Daten brauchen eine klare Governance');
    await hostCard.getByTestId('result-edit-save').click();
    await expect(card.getByTestId('results-card-item')).toContainText('eine klare Governance');
    await expect(card.getByTestId('result-edit')).toHaveCount(0);
  });
});
