/**
 * The shared countdown as everyone sees it, the language switch, using the
 * plenary with the keyboard only, and the plenary on a phone-sized screen.
 */
import {
  countdownSeconds,
  createEvent,
  expect,
  joinAs,
  newPerson,
  personJoins,
  tabTo,
  test,
  type Person,
} from '../fixtures.js';

test.describe('countdown, language, keyboard, phone', () => {
  const people: Person[] = [];
  test.afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('countdown: runs out for everyone; paused shows one unchanging value; +1 minute for everyone; a late joiner sees the same time', async ({
    browser,
    mashupUrl,
  }) => {
    const event = await createEvent(mashupUrl, 'E2E Countdown');
    const host = await personJoins(browser, event.hostLink, 'Hanna Host', 'Jena');
    // The participants' pages get Playwright's clock (flowing in real time), so the test
    // can move their wall clock instead of waiting to see that a paused value holds.
    const withClock = async () => {
      const person = await newPerson(browser);
      await person.page.clock.install();
      return person;
    };
    const alex = await joinAs(await withClock(), event.participantLink, 'Alex Beispiel', 'Ulm');
    const bea = await joinAs(await withClock(), event.participantLink, 'Bea Muster', 'Kiel');
    people.push(host, alex, bea);
    const remaining = (p: Person) => p.page.getByTestId('countdown-remaining');
    const both = [alex, bea];

    // 0.05 minutes = 3 s: both reach 00:00 and say so, visibly and to screen readers.
    await host.page.getByTestId('host-countdown-label').fill('Kurz');
    await host.page.getByTestId('host-countdown-minutes').fill('0.05');
    await host.page.getByTestId('host-countdown-start').click();
    for (const p of both) {
      await expect(p.page.getByTestId('countdown-label')).toHaveText('Kurz');
      await expect(remaining(p)).toHaveText('00:00');
      await expect(p.page.getByTestId('countdown')).toHaveAttribute('data-state', 'over');
      await expect(p.page.getByTestId('countdown-state')).toHaveText('Zeit abgelaufen');
      await expect(p.page.getByTestId('countdown-announcement')).toHaveText('Die Zeit ist abgelaufen: Kurz');
    }

    // 10 minutes, then paused: both show the very same value.
    await host.page.getByTestId('host-countdown-label').fill('Workshopphase');
    await host.page.getByTestId('host-countdown-minutes').fill('10');
    await host.page.getByTestId('host-countdown-start').click();
    for (const p of both) {
      await expect(p.page.getByTestId('countdown')).toHaveAttribute('data-state', 'running');
      await expect(remaining(p)).toHaveText(/^(10:00|09:[0-5]\d)$/);
    }
    await host.page.getByTestId('host-countdown-pause').click();
    for (const p of both) {
      await expect(p.page.getByTestId('countdown')).toHaveAttribute('data-state', 'paused');
      await expect(p.page.getByTestId('countdown-state')).toHaveText('Pausiert');
    }
    const paused = (await remaining(alex).textContent())!;
    expect(paused).toMatch(/^(10:00|09:[0-5]\d)$/);
    await expect(remaining(bea)).toHaveText(paused);

    // Five minutes pass on the participants' clocks: a paused value does not move …
    for (const p of both) await p.page.clock.setSystemTime(Date.now() + 5 * 60_000);
    for (const p of both) {
      await expect(p.page.getByTestId('countdown')).toHaveAttribute('data-state', 'paused');
      await expect(remaining(p)).toHaveText(paused);
    }
    // … also when redrawn: +1 minute while paused is exactly 60 s more for both.
    await host.page.getByTestId('host-countdown-extend').click();
    const extended = `${String(Math.floor((countdownSeconds(paused) + 60) / 60)).padStart(2, '0')}:${paused.slice(-2)}`;
    for (const p of both) await expect(remaining(p)).toHaveText(extended);
    for (const p of both) await p.page.clock.setSystemTime(Date.now());

    // A late joiner gets the same paused value.
    const carol = await personJoins(browser, event.participantLink, 'Carol Spät', 'Gera');
    people.push(carol);
    for (const p of [alex, bea, carol]) await expect(remaining(p)).toHaveText(extended);

    // Resumed: everyone runs again, below the paused value, within a second of each other.
    await host.page.getByTestId('host-countdown-resume').click();
    // In parallel: each needs up to a second to show the first lower value.
    await Promise.all(
      [alex, bea, carol].map(async (p) => {
        await expect(p.page.getByTestId('countdown')).toHaveAttribute('data-state', 'running');
        await expect(p.page.getByTestId('countdown-state')).toHaveCount(0);
        await expect
          .poll(async () => countdownSeconds(await remaining(p).textContent()), { intervals: [100] })
          .toBeLessThan(countdownSeconds(extended));
      }),
    );
    const [a, b, c] = await Promise.all([alex, bea, carol].map((p) => remaining(p).textContent()));
    expect(Math.abs(countdownSeconds(a) - countdownSeconds(c))).toBeLessThanOrEqual(1);
    expect(Math.abs(countdownSeconds(a) - countdownSeconds(b))).toBeLessThanOrEqual(1);

    // +1 minute while running: about 60 s more for everyone.
    const before = countdownSeconds(await remaining(alex).textContent());
    await host.page.getByTestId('host-countdown-extend').click();
    for (const p of both) {
      await expect
        .poll(async () => countdownSeconds(await remaining(p).textContent()), { intervals: [100] })
        .toBeGreaterThanOrEqual(before + 55);
      // Alex's reading is the reference; another display may be a second ahead of it.
      expect(countdownSeconds(await remaining(p).textContent())).toBeLessThanOrEqual(before + 61);
    }
  });

  test('language: the toggle switches visible strings to English, survives a reload, and switches back to German', async ({
    browser,
    mashupUrl,
  }) => {
    const event = await createEvent(mashupUrl, 'E2E Sprache');
    const alex = await personJoins(browser, event.participantLink, 'Alex Beispiel', 'Ulm');
    people.push(alex);
    const { page } = alex;
    const toggle = page.getByTestId('lang-toggle');
    // ("Chat" is the same word in both languages, so the People tab and the hand button show the switch.)
    const german = async () => {
      await expect(page.getByTestId('tab-people')).toContainText('Personen');
      await expect(page.getByTestId('hand-toggle')).toHaveText('Hand heben');
      await expect(page.getByTestId('chat-empty')).toHaveText('Noch keine Nachrichten');
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(toggle).toHaveText('English');
    };
    const english = async () => {
      await expect(page.getByTestId('tab-people')).toContainText('People');
      await expect(page.getByTestId('hand-toggle')).toHaveText('Raise hand');
      await expect(page.getByTestId('chat-empty')).toHaveText('No messages yet');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(toggle).toHaveText('Deutsch');
    };

    await german();
    await toggle.click();
    await english();

    await page.reload();
    await expect(page.getByTestId('self-name')).toHaveText('Alex Beispiel');
    await english();

    await toggle.click();
    await german();
  });

  test('keyboard only: join, chat with Enter, switch tabs with arrow keys, raise and lower the hand; focus is visible', async ({
    browser,
    mashupUrl,
  }) => {
    const event = await createEvent(mashupUrl, 'E2E Tastatur');
    const alex = await newPerson(browser);
    people.push(alex);
    const { page } = alex;
    await page.goto(event.participantLink);
    await expect(page.getByTestId('join-name')).toBeVisible();

    await tabTo(page, page.getByTestId('join-name'));
    await page.keyboard.type('Alex Beispiel');
    await tabTo(page, page.getByTestId('join-org'));
    await page.keyboard.type('Ulm');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('self-name')).toHaveText('Alex Beispiel');

    // Chat: Enter sends.
    const input = page.getByTestId('chat-input');
    await tabTo(page, input, { maxPresses: 40 });
    await page.keyboard.type('Nur mit der Tastatur');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('chat-message').filter({ hasText: 'Nur mit der Tastatur' })).toHaveCount(1);
    await expect(input).toHaveValue('');

    // Tabs: the selected tab is the one in the tab order; arrows move between tabs.
    const chatTab = page.getByTestId('tab-chat');
    const peopleTab = page.getByTestId('tab-people');
    await tabTo(page, chatTab, { backwards: true });
    await page.keyboard.press('ArrowRight');
    await expect(peopleTab).toBeFocused();
    await expect(peopleTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('people-panel')).toBeVisible();
    await expect(page.getByTestId('chat-panel')).toBeHidden();
    await page.keyboard.press('ArrowLeft');
    await expect(chatTab).toBeFocused();
    await expect(chatTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('chat-panel')).toBeVisible();

    // Hand: Space raises, Enter lowers, on the focused button.
    const hand = page.getByTestId('hand-toggle');
    await tabTo(page, hand, { maxPresses: 40 });
    const ring = await hand.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), boxShadow: s.boxShadow };
    });
    expect(
      (ring.outlineStyle !== 'none' && ring.outlineWidth > 0) || ring.boxShadow !== 'none',
      `focus ring on the hand button: ${JSON.stringify(ring)}`,
    ).toBe(true);
    await page.keyboard.press('Space');
    await expect(hand).toHaveAttribute('aria-pressed', 'true');
    await expect(hand).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(hand).toHaveAttribute('aria-pressed', 'false');
  });

  test('phone 390×844: join and chat work, the control bar is on screen, no horizontal scrolling', async ({ browser, mashupUrl }) => {
    const event = await createEvent(mashupUrl, 'E2E Telefon');
    const bea = await personJoins(browser, event.participantLink, 'Bea Muster', 'Kiel');
    const phone = await newPerson(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    people.push(bea, phone);
    const { page } = phone;
    const scrollWidth = () => page.evaluate(() => document.scrollingElement!.scrollWidth);

    await page.goto(event.participantLink);
    await page.getByTestId('join-name').fill('Alex Beispiel');
    await page.getByTestId('join-org').fill('Landkreis Wunsiedel im Fichtelgebirge');
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await page.getByTestId('join-submit').click();
    await expect(page.getByTestId('self-name')).toHaveText('Alex Beispiel');
    await expect(page.getByTestId('presence-count')).toHaveText('2');

    for (const id of ['hand-toggle', 'reaction-applause', 'reaction-plusone', 'leave']) {
      await expect(page.getByTestId(id)).toBeInViewport();
    }
    expect(await scrollWidth()).toBeLessThanOrEqual(390);

    await page.getByTestId('chat-input').fill('Grüße vom Telefon');
    await page.getByTestId('chat-send').click();
    await expect(bea.page.getByTestId('chat-message').filter({ hasText: 'Grüße vom Telefon' })).toHaveCount(1);
    await bea.page.getByTestId('chat-input').fill('Angekommen, danke!');
    await bea.page.getByTestId('chat-send').click();
    await expect(page.getByTestId('chat-message').filter({ hasText: 'Angekommen, danke!' })).toBeVisible();

    // Still on screen after scrolling down to the chat: the bar stays at the bottom.
    await expect(page.getByTestId('hand-toggle')).toBeInViewport();
    await expect(page.getByTestId('leave')).toBeInViewport();
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
  });
});
