/**
 * A participant's network drops and comes back: the reconnect banner shows
 * while the content stays, and after the outage the client catches up with
 * what it missed, as the same person (no second people entry).
 */
import { createEvent, expect, personJoins, test, type Person } from '../fixtures.js';

test.describe('resilience', () => {
  const people: Person[] = [];
  test.afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('network drop → banner, chat stays visible; back online → banner gone, missed message arrives, one people entry', async ({
    browser,
    mashupUrl,
  }) => {
    const event = await createEvent(mashupUrl, 'E2E Verbindung');
    const alex = await personJoins(browser, event.participantLink, 'Alex Beispiel', 'Ulm');
    const bea = await personJoins(browser, event.participantLink, 'Bea Muster', 'Kiel');
    people.push(alex, bea);
    for (const p of [alex, bea]) await expect(p.page.getByTestId('presence-count')).toHaveText('2');

    await bea.page.getByTestId('chat-input').fill('Vor dem Ausfall');
    await bea.page.getByTestId('chat-send').click();
    const before = alex.page.getByTestId('chat-message').filter({ hasText: 'Vor dem Ausfall' });
    await expect(before).toHaveCount(1);

    await alex.context.setOffline(true);
    await expect(alex.page.getByTestId('connection-banner')).toBeVisible();
    // "Content stays visible": the chat Alex already had is still on screen.
    await expect(before).toBeVisible();
    // Bea sees Alex go offline; only then is her next message one Alex surely missed.
    await expect(bea.page.getByTestId('presence-count')).toHaveText('1');

    await bea.page.getByTestId('chat-input').fill('Während des Ausfalls');
    await bea.page.getByTestId('chat-send').click();
    await expect(bea.page.getByTestId('chat-message').filter({ hasText: 'Während des Ausfalls' })).toHaveCount(1);
    await expect(alex.page.getByTestId('chat-message').filter({ hasText: 'Während des Ausfalls' })).toHaveCount(0);

    await alex.context.setOffline(false);
    await expect(alex.page.getByTestId('connection-banner')).toHaveCount(0);
    await expect(alex.page.getByTestId('chat-message').filter({ hasText: 'Während des Ausfalls' })).toHaveCount(1);
    await expect(before).toHaveCount(1);

    // Same person again, not a second entry, for both sides.
    for (const p of [alex, bea]) {
      await expect(p.page.getByTestId('presence-count')).toHaveText('2');
      await expect(p.page.getByTestId('people-item')).toHaveCount(2);
      await expect(p.page.getByTestId('people-item').filter({ hasText: 'Alex Beispiel' })).toHaveCount(1);
    }
  });
});
