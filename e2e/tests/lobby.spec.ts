/**
 * A lunch lobby as the people in it see it (PROTOCOL section 12): the host
 * prepares a lobby with two tables of three seats through the host menu and
 * opens it, and everyone is on the lobby's floor. Two participants sit down at
 * "Tisch A", a third sees them there (names, municipalities) and joins; the
 * fourth finds the table "voll" without a button, in the cards and in the
 * list view, and sits down at "Tisch B" by keyboard. One switches tables with
 * the compact switch at the table, one gets up; the host locks a table and
 * unlocks it; "Überraschen Sie mich" seats the one who got up. The host shuffles: everyone,
 * the host too, ends up at a table and no table is over capacity. A reload
 * lands at the same table. The host closes the lobby and everyone is back in
 * the plenary.
 */
import type { Page } from '@playwright/test';
import { createEvent, expect, joinAs, newPerson, personJoins, seriousA11yViolations, tabTo, test, type Person } from '../fixtures.js';

const card = (page: Page, name: string) => page.getByTestId('lobby-table').filter({ has: page.getByTestId('lobby-table-name').getByText(name, { exact: true }) });
const row = (page: Page, name: string) => page.getByTestId('lobby-list-row').filter({ has: page.getByTestId('lobby-table-name').getByText(name, { exact: true }) });

test.describe('lobby with tables', () => {
  const people: Person[] = [];
  test.afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('create, open, sit, full, list view, switch, leave, lock, surprise, shuffle, close', async ({ browser, mashupUrl }) => {
    // About 40 s alone; five browsers on a busy 2-core machine take up to three times that.
    test.setTimeout(180_000);
    const event = await createEvent(mashupUrl, 'Lobby-Test');
    const host = await personJoins(browser, event.hostLink, 'Hanna Host', 'Ulm');
    people.push(host);
    const [ada, ben, cem, dora] = await Promise.all([
      personJoins(browser, event.participantLink, 'Ada', 'Kiel'),
      personJoins(browser, event.participantLink, 'Ben', 'Jena'),
      personJoins(browser, event.participantLink, 'Cem', 'Bamberg'),
      // bypassCSP: axe is injected as an inline script, which our CSP (rightly) forbids.
      newPerson(browser, { bypassCSP: true }).then((p) => joinAs(p, event.participantLink, 'Dora', 'Solingen')),
    ]);
    people.push(ada!, ben!, cem!, dora!);
    const guests = [ada!, ben!, cem!, dora!];
    const everyone = [host, ...guests];

    // The host reaches the lobby panel from the jump links and prepares a lobby: two tables of three.
    const h = host.page;
    await h.getByTestId('host-nav-link').filter({ hasText: 'Lobbys und Tische' }).click();
    await h.getByTestId('lobby-new').click();
    const dialog = h.getByTestId('lobby-dialog');
    await dialog.getByTestId('lobby-title-input').fill('Mittagstische');
    await dialog.getByTestId('lobby-kind').selectOption('social-eating');
    const rows = dialog.getByTestId('lobby-table-row');
    while ((await rows.count()) > 2) await rows.last().getByTestId('lobby-table-row-remove').click();
    await expect(rows).toHaveCount(2);
    for (const [i, name] of ['Tisch A', 'Tisch B'].entries()) {
      await rows.nth(i).getByTestId('lobby-table-name-input').fill(name);
      await rows.nth(i).getByTestId('lobby-table-capacity-input').fill('3');
    }
    await rows.nth(0).getByTestId('lobby-table-topic-input').fill('Datenplattformen');
    await dialog.getByTestId('lobby-save').click();
    await expect(dialog).toBeHidden();
    const item = h.getByTestId('lobby-item').filter({ hasText: 'Mittagstische' });
    await expect(item).toHaveAttribute('data-phase', 'prepared');

    // Nobody is in the lobby before it opens.
    await expect(ada!.page.getByTestId('lobby-floor')).toHaveCount(0);
    await item.getByTestId('lobby-open').click();
    await expect(item).toHaveAttribute('data-phase', 'open');
    await expect(item.getByTestId('lobby-shuffle'), 'focus stays among the controls, not on the page').toBeFocused();
    for (const p of everyone) {
      await expect(p.page.getByTestId('lobby-floor')).toBeVisible();
      await expect(p.page.getByTestId('room-name')).toContainText('Mittagstische');
      await expect(p.page.getByTestId('lobby-table')).toHaveCount(2);
    }
    await expect(card(ada!.page, 'Tisch A').getByTestId('lobby-table-topic')).toContainText('Datenplattformen');
    await expect(card(ada!.page, 'Tisch A').getByTestId('lobby-table-free')).toHaveText('3 von 3 Plätzen frei');

    // Ada and Ben sit down at Tisch A: each is in the table's room, the top bar says lobby · table.
    for (const p of [ada!, ben!]) {
      await card(p.page, 'Tisch A').getByTestId('lobby-table-sit').click();
      await expect(p.page.getByTestId('table-room')).toBeVisible();
      await expect(p.page.getByTestId('table-name')).toHaveText('Tisch A');
      await expect(p.page.getByTestId('room-name')).toContainText('Mittagstische · Tisch A');
    }

    // Cem, still on the floor, sees them sitting there with their municipalities, and one seat left.
    const cemsA = card(cem!.page, 'Tisch A');
    await expect(cemsA.getByTestId('lobby-table-person')).toHaveText([/Ada\s*· Kiel/, /Ben\s*· Jena/]);
    await expect(cemsA.getByTestId('lobby-table-free')).toHaveText('1 von 3 Plätzen frei');
    await expect(cemsA).toHaveAttribute('data-full', 'false');
    await cemsA.getByTestId('lobby-table-sit').click();
    await expect(cem!.page.getByTestId('table-room')).toBeVisible();
    // Ada sees Cem arrive at her table, live.
    await expect(ada!.page.getByTestId('table-member')).toHaveCount(3);
    await expect(ada!.page.getByTestId('table-member').filter({ hasText: 'Cem' })).toContainText('Bamberg');

    // Dora finds Tisch A full: "voll" in words, no button to sit down there.
    const dorasA = card(dora!.page, 'Tisch A');
    await expect(dorasA).toHaveAttribute('data-full', 'true');
    await expect(dorasA.getByTestId('lobby-table-full')).toHaveText('voll');
    await expect(dorasA.getByTestId('lobby-table-free')).toHaveText('0 von 3 Plätzen frei');
    await expect(dorasA.getByTestId('lobby-table-sit')).toHaveCount(0);
    await expect(card(dora!.page, 'Tisch B').getByTestId('lobby-table-sit')).toHaveText(/Platz nehmen/);

    // The list view, by keyboard: the same states in a table; Dora takes a seat at Tisch B.
    const d = dora!.page;
    expect(await seriousA11yViolations(d)).toEqual([]);
    await d.getByTestId('lobby-layout-list').focus();
    await d.keyboard.press('Enter');
    await expect(d.getByTestId('lobby-layout-list')).toHaveAttribute('aria-pressed', 'true');
    await expect(d.getByTestId('lobby-list')).toBeVisible();
    await expect(d.getByTestId('lobby-table')).toHaveCount(0);
    await expect(row(d, 'Tisch A').getByTestId('lobby-table-full')).toHaveText('voll');
    await expect(row(d, 'Tisch A').getByTestId('lobby-table-sit')).toHaveCount(0);
    await expect(row(d, 'Tisch A').getByTestId('lobby-table-person')).toHaveCount(3);
    expect(await seriousA11yViolations(d)).toEqual([]);
    const sitB = row(d, 'Tisch B').getByTestId('lobby-table-sit');
    await expect(sitB).toHaveAccessibleName('Platz nehmen: Tisch B');
    await tabTo(d, sitB);
    await d.keyboard.press('Enter');
    await expect(d.getByTestId('table-name')).toHaveText('Tisch B');
    // Arriving by keyboard, focus lands on the table's name, not on the page.
    await expect(d.getByTestId('table-name')).toBeFocused();
    expect(await seriousA11yViolations(d)).toEqual([]);

    // Ben switches to Tisch B with the compact switch at his table; Ada and Cem see him go.
    const switchTo = ben!.page.getByTestId('table-switch-select');
    // Only tables with a free seat are offered: Tisch B (Dora sits there).
    await expect(switchTo.locator('option')).toHaveText([/^\s*Tisch B \(2 von 3 Plätzen frei\)\s*$/]);
    await switchTo.selectOption({ index: 0 });
    await ben!.page.getByTestId('table-switch').click();
    await expect(ben!.page.getByTestId('table-name')).toHaveText('Tisch B');
    await expect(ben!.page.getByTestId('room-name')).toContainText('Mittagstische · Tisch B');
    await expect(ada!.page.getByTestId('table-member')).toHaveCount(2);
    await expect(d.getByTestId('table-member')).toHaveCount(2);
    // Tisch A has a seat again: the host on the floor sees it offered.
    await expect(card(h, 'Tisch A').getByTestId('lobby-table-free')).toHaveText('1 von 3 Plätzen frei');
    await expect(card(h, 'Tisch A').getByTestId('lobby-table-sit')).toBeVisible();

    // Ada gets up: back on the floor, her old table shows only Cem.
    await ada!.page.getByTestId('table-leave').click();
    await expect(ada!.page.getByTestId('lobby-floor')).toBeVisible();
    await expect(card(ada!.page, 'Tisch A').getByTestId('lobby-table-person')).toHaveText([/Cem/]);

    // The host locks Tisch B: "gesperrt" in words, nobody new can sit down there (rule L4); unlocking offers it again.
    const lockB = item.getByTestId('lobby-host-table').filter({ hasText: 'Tisch B' }).getByTestId('lobby-lock');
    await lockB.click();
    await expect(lockB).toHaveAttribute('aria-pressed', 'true');
    await expect(card(ada!.page, 'Tisch B')).toHaveAttribute('data-locked', 'true');
    await expect(card(ada!.page, 'Tisch B').getByTestId('lobby-table-locked')).toHaveText('gesperrt');
    await expect(card(ada!.page, 'Tisch B').getByTestId('lobby-table-sit')).toHaveCount(0);
    // Who sits there stays.
    await expect(d.getByTestId('table-name')).toHaveText('Tisch B');
    await lockB.click();
    await expect(lockB).toHaveAttribute('aria-pressed', 'false');
    await expect(card(ada!.page, 'Tisch B').getByTestId('lobby-table-sit')).toBeVisible();

    // "Überraschen Sie mich": nobody here has met anyone yet, so the table with the most free seats — Tisch A (rule L6).
    await ada!.page.getByTestId('lobby-surprise').click();
    await expect(ada!.page.getByTestId('table-name')).toHaveText('Tisch A');
    await expect(ada!.page.getByTestId('table-status')).toHaveText('Überraschung: Sie sitzen jetzt an „Tisch A“.');

    // The host shuffles everyone present (the host too): all five at a table, none over its three seats.
    await item.getByTestId('lobby-shuffle').click();
    await h.getByTestId('lobby-confirm').click();
    await expect(h.getByTestId('lobby-host-status')).toHaveText('5 an Tische gesetzt, 0 ohne Platz');
    for (const p of everyone) await expect(p.page.getByTestId('table-room')).toBeVisible();
    // Which table gets the third person is random: one table full, the other with two, in either order.
    const occupancy = item.getByTestId('lobby-host-occupancy');
    await expect(occupancy).toHaveCount(2);
    await expect(occupancy.filter({ hasText: '3 / 3' })).toHaveCount(1);
    await expect(occupancy.filter({ hasText: '2 / 3' })).toHaveCount(1);
    // Everyone sees two or three at their table: a second member, and no fourth.
    for (const p of everyone) {
      const members = p.page.getByTestId('table-member');
      await expect(members.nth(1)).toBeVisible();
      await expect(members.nth(3)).toHaveCount(0);
    }

    // A reload lands at the same table (the seat is kept while disconnected, rule L3).
    const adasTable = await ada!.page.getByTestId('table-name').textContent();
    await ada!.page.reload();
    await expect(ada!.page.getByTestId('table-name')).toHaveText(adasTable!);

    // Closing: everyone is back in the plenary at once.
    await item.getByTestId('lobby-close').click();
    await h.getByTestId('lobby-confirm').click();
    for (const p of everyone) {
      await expect(p.page.getByTestId('table-room')).toHaveCount(0);
      await expect(p.page.getByTestId('lobby-floor')).toHaveCount(0);
      await expect(p.page.getByTestId('room-name')).toContainText('Plenum');
      await expect(p.page.getByTestId('stage')).toBeVisible();
    }
    await expect(item).toHaveAttribute('data-phase', 'closed');
  });
});
