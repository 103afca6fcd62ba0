/**
 * The plenary as people use it: a host and two participants, each in their own
 * browser context, join through links and see the same live state.
 */
import { createEvent, expect, newPerson, personJoins, seriousA11yViolations, test, type Person } from '../fixtures.js';

const seconds = (mmss: string) => {
  const parts = mmss.trim().split(':').map(Number);
  return parts.reduce((acc, n) => acc * 60 + n, 0);
};

test.describe('plenary', () => {
  const people: Person[] = [];
  test.afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('host and two participants: presence, chat both ways, announcement, shared countdown, reload keeps identity', async ({
    browser,
    mashupUrl,
  }) => {
    const event = await createEvent(mashupUrl, 'E2E Plenum');
    const host = await personJoins(browser, event.hostLink, 'Hanna Host', 'Jena');
    const alex = await personJoins(browser, event.participantLink, 'Alex Beispiel', 'Ulm');
    const bea = await personJoins(browser, event.participantLink, 'Bea Muster', 'Kiel');
    people.push(host, alex, bea);

    // Presence: everyone sees three connected people.
    for (const p of [host, alex, bea]) await expect(p.page.getByTestId('presence-count')).toHaveText('3');

    // Chat both ways, as text (no HTML injection).
    await alex.page.getByTestId('chat-input').fill('Hallo aus Ulm <b>fett</b>');
    await alex.page.getByTestId('chat-send').click();
    for (const p of [bea, host]) {
      await expect(p.page.getByTestId('chat-message').filter({ hasText: 'Hallo aus Ulm <b>fett</b>' })).toHaveCount(1);
      await expect(p.page.locator('[data-testid="chat-message"] b')).toHaveCount(0);
    }
    await bea.page.getByTestId('chat-input').fill('Grüße aus Kiel');
    await bea.page.getByTestId('chat-input').press('Enter');
    await expect(alex.page.getByTestId('chat-message').filter({ hasText: 'Grüße aus Kiel' })).toHaveCount(1);

    // A host announcement reaches both participants.
    await host.page.getByTestId('host-announcement-input').fill('In 10 Minuten geht es im Plenum weiter.');
    await host.page.getByTestId('host-announcement-send').click();
    for (const p of [alex, bea]) {
      await expect(p.page.getByTestId('announcement-banner')).toContainText('In 10 Minuten geht es im Plenum weiter.');
    }

    // A shared countdown shows the same remaining time for both (±1 s).
    await host.page.getByTestId('host-countdown-label').fill('Kaffeepause');
    await host.page.getByTestId('host-countdown-minutes').fill('10');
    await host.page.getByTestId('host-countdown-start').click();
    for (const p of [alex, bea]) {
      await expect(p.page.getByTestId('countdown-label')).toContainText('Kaffeepause');
      await expect(p.page.getByTestId('countdown-remaining')).toHaveText(/^(10:00|09:[0-5]\d)$/);
    }
    const [a, b] = await Promise.all([
      alex.page.getByTestId('countdown-remaining').textContent(),
      bea.page.getByTestId('countdown-remaining').textContent(),
    ]);
    expect(Math.abs(seconds(a ?? '') - seconds(b ?? ''))).toBeLessThanOrEqual(1);

    // Reload: same identity, no duplicate entry.
    await alex.page.reload();
    await expect(alex.page.getByTestId('self-name')).toContainText('Alex Beispiel');
    for (const p of [host, alex, bea]) await expect(p.page.getByTestId('presence-count')).toHaveText('3');
    await expect(host.page.getByTestId('people-item').filter({ hasText: 'Alex Beispiel' })).toHaveCount(1);
    await expect(alex.page.getByTestId('chat-message').filter({ hasText: 'Grüße aus Kiel' })).toHaveCount(1);

    // Nothing but our own server was contacted, and no console errors (CSP violations included).
    const origin = new URL(mashupUrl).host;
    for (const p of [host, alex, bea]) {
      expect(p.requests.filter((u) => new URL(u).host !== origin)).toEqual([]);
      expect(p.consoleErrors).toEqual([]);
    }
  });

  test('accessibility: the join page and the plenary have no serious or critical axe violations', async ({
    browser,
    mashupUrl,
  }) => {
    const event = await createEvent(mashupUrl, 'E2E Barrierefreiheit');
    // bypassCSP: axe is injected as an inline script, which our CSP (rightly) forbids.
    const person = await newPerson(browser, { bypassCSP: true });
    people.push(person);
    const { page } = person;
    await page.goto(event.participantLink);
    await expect(page.getByTestId('join-name')).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('join-name').fill('Alex Beispiel');
    await page.getByTestId('join-org').fill('Ulm');
    await page.getByTestId('join-submit').click();
    await expect(page.getByTestId('self-name')).toContainText('Alex Beispiel');
    await expect(page.getByTestId('presence-count')).toHaveText('1');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
