/**
 * Moderation as the host and participants see it: the hand queue in the
 * people panel, lowering hands, reactions, making someone co-host and
 * removing someone — each person in their own browser context.
 */
import { createEvent, expect, personJoins, test, type Person } from '../fixtures.js';

test.describe('moderation', () => {
  const people: Person[] = [];
  test.afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('hands: raised hands first in the order raised; host lowers one, then all; each participant\'s hand button follows', async ({
    browser,
    mashupUrl,
  }) => {
    const event = await createEvent(mashupUrl, 'E2E Handzeichen');
    const host = await personJoins(browser, event.hostLink, 'Hanna Host', 'Jena');
    const alex = await personJoins(browser, event.participantLink, 'Alex Beispiel', 'Ulm');
    const bea = await personJoins(browser, event.participantLink, 'Bea Muster', 'Kiel');
    people.push(host, alex, bea);
    await expect(host.page.getByTestId('presence-count')).toHaveText('3');
    await host.page.getByTestId('tab-people').click();
    const names = host.page.getByTestId('people-name');
    const row = (name: string) => host.page.getByTestId('people-item').filter({ hasText: name });
    const hand = (p: Person) => p.page.getByTestId('hand-toggle');

    // Bea first, then Alex: the queue order must not be the alphabetical one.
    await hand(bea).click();
    await expect(hand(bea)).toHaveAttribute('aria-pressed', 'true');
    await expect(hand(bea)).toHaveText('Hand senken');
    await expect(row('Bea Muster')).toHaveAttribute('data-hand', 'true');
    await expect(names).toHaveText(['Bea Muster', 'Alex Beispiel', 'Hanna Host']);

    await hand(alex).click();
    await expect(hand(alex)).toHaveAttribute('aria-pressed', 'true');
    await expect(names).toHaveText(['Bea Muster', 'Alex Beispiel', 'Hanna Host']);
    await expect(row('Bea Muster').getByTestId('people-hand')).toContainText('Platz 1');
    await expect(row('Alex Beispiel').getByTestId('people-hand')).toContainText('Platz 2');
    await expect(host.page.getByTestId('tab-people')).toContainText('2 Hände gehoben');

    // The host lowers Bea's hand: Alex moves up, Bea's button is "Hand heben" again.
    await row('Bea Muster').getByTestId('person-lower-hand').click();
    await expect(hand(bea)).toHaveAttribute('aria-pressed', 'false');
    await expect(hand(bea)).toHaveText('Hand heben');
    await expect(hand(alex)).toHaveAttribute('aria-pressed', 'true');
    await expect(row('Bea Muster')).toHaveAttribute('data-hand', 'false');
    await expect(row('Alex Beispiel').getByTestId('people-hand')).toContainText('Platz 1');
    await expect(names).toHaveText(['Alex Beispiel', 'Bea Muster', 'Hanna Host']);

    // Bea raises again (now behind Alex), then the host lowers all.
    await hand(bea).click();
    await expect(row('Bea Muster').getByTestId('people-hand')).toContainText('Platz 2');
    await host.page.getByTestId('hands-lower-all').click();
    for (const p of [alex, bea]) {
      await expect(hand(p)).toHaveAttribute('aria-pressed', 'false');
      await expect(hand(p)).toHaveText('Hand heben');
    }
    await expect(host.page.getByTestId('people-hand')).toHaveCount(0);
    await expect(host.page.getByTestId('hands-lower-all')).toHaveCount(0);
  });

  test('reaction reaches others; co-host can post an announcement; a removed person stays out, also after reload', async ({
    browser,
    mashupUrl,
  }) => {
    const event = await createEvent(mashupUrl, 'E2E Moderation');
    const host = await personJoins(browser, event.hostLink, 'Hanna Host', 'Jena');
    const alex = await personJoins(browser, event.participantLink, 'Alex Beispiel', 'Ulm');
    const bea = await personJoins(browser, event.participantLink, 'Bea Muster', 'Kiel');
    people.push(host, alex, bea);
    for (const p of [host, alex, bea]) await expect(p.page.getByTestId('presence-count')).toHaveText('3');

    // Reactions: Alex applauds, Bea sees the bubble.
    await alex.page.getByTestId('reaction-applause').click();
    await expect(bea.page.locator('[data-testid="reaction-bubble"][data-kind="applause"]').first()).toBeVisible();

    // Participants see no host controls.
    await expect(alex.page.getByTestId('host-menu')).toHaveCount(0);
    await expect(alex.page.getByTestId('host-menu-toggle')).toHaveCount(0);

    // The host makes Alex co-host.
    await host.page.getByTestId('tab-people').click();
    const hostRow = (name: string) => host.page.getByTestId('people-item').filter({ hasText: name });
    await hostRow('Alex Beispiel').getByTestId('person-actions').click();
    await hostRow('Alex Beispiel').getByTestId('person-toggle-host').click();
    await expect(hostRow('Alex Beispiel')).toHaveAttribute('data-role', 'host');
    await expect(alex.page.getByTestId('self-role')).toHaveText('Moderation');
    await expect(alex.page.getByTestId('host-menu')).toBeVisible();

    await alex.page.getByTestId('host-announcement-input').fill('Gleich beginnt die Workshoprunde.');
    await alex.page.getByTestId('host-announcement-send').click();
    for (const p of [host, bea]) {
      await expect(p.page.getByTestId('announcement-text')).toHaveText('Gleich beginnt die Workshoprunde.');
    }

    // Bea's device holds her token; remember it to try it again after the removal.
    const tokenKey = `mashup.token.${event.code}`;
    const beaToken = await bea.page.evaluate((k) => localStorage.getItem(k), tokenKey);
    expect(beaToken).toBeTruthy();

    // The host removes Bea, after confirming.
    await hostRow('Bea Muster').getByTestId('person-actions').click();
    await hostRow('Bea Muster').getByTestId('person-remove').click();
    await expect(host.page.getByTestId('remove-dialog')).toBeVisible();
    await expect(host.page.getByTestId('remove-dialog')).toContainText('Bea Muster entfernen?');
    await host.page.getByTestId('remove-confirm').click();
    await expect(host.page.getByTestId('remove-dialog')).toBeHidden();

    await expect(bea.page.getByTestId('removed-screen')).toBeVisible();
    await expect(bea.page.getByTestId('self-name')).toHaveCount(0);
    for (const p of [host, alex]) {
      await expect(p.page.getByTestId('presence-count')).toHaveText('2');
      await expect(p.page.getByTestId('people-item').filter({ hasText: 'Bea Muster' })).toHaveCount(0);
    }

    // A reload keeps Bea out: her device still holds the refused token (rule A2).
    await bea.page.reload();
    await expect(bea.page.getByTestId('removed-screen')).toBeVisible();
    await expect(bea.page.getByTestId('self-name')).toHaveCount(0);

    // Even joining through the form again from this device is refused.
    await bea.page.goto(event.participantLink.replace(/#.*$/, ''));
    await expect(bea.page.getByTestId('removed-screen')).toBeVisible();
    await expect(bea.page.getByTestId('self-name')).toHaveCount(0);
    expect(await bea.page.evaluate((k) => localStorage.getItem(k), tokenKey)).toBe(beaToken);
    await expect(host.page.getByTestId('presence-count')).toHaveText('2');
  });
});
