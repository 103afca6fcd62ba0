/**
 * Creating an event in the browser, as an organiser does: start page → form →
 * links and code → join with the host link; a participant finds the event by
 * typing its code on the start page. Plus the form's and the code field's
 * refusals.
 */
import { expect, newPerson, test, type Person } from '../fixtures.js';

test.describe('create event', () => {
  const people: Person[] = [];
  test.afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('start page → create form → links and code; host link joins as host; the code on the start page leads to the join form', async ({
    browser,
    mashupUrl,
  }) => {
    const host = await newPerson(browser);
    people.push(host);
    const { page } = host;

    await page.goto(mashupUrl);
    await page.getByTestId('create-event-link').click();
    await expect(page).toHaveURL(/\/new$/);

    await page.getByTestId('create-title').fill('Vernetzungstag Digitale Kommune');
    await page.getByTestId('create-description').fill('Ein Tag für Austausch zwischen Kommunen.');
    await page.getByTestId('create-starts').fill('2026-11-23T09:00');
    await page.getByTestId('create-ends').fill('2026-11-23T17:00');
    // English, so that what the language field does is visible to the participant below.
    await page.getByTestId('create-language').selectOption('en');
    await page.getByTestId('create-submit').click();

    const code = page.getByTestId('event-code');
    await expect(code).toHaveText(/^[A-HJKMNP-Z2-9]{6}$/);
    const joinCode = (await code.textContent())!.trim();
    await expect(page.getByTestId('participant-link')).toHaveValue(new RegExp(`/j/${joinCode}$`));
    await expect(page.getByTestId('host-link')).toHaveValue(new RegExp(`/j/${joinCode}#host=.+`));

    // The organiser joins through the host link in the same browser.
    await page.getByTestId('open-host-link').click();
    await expect(page.getByTestId('join-as-host')).toBeVisible();
    await expect(page.getByTestId('event-title')).toHaveText('Vernetzungstag Digitale Kommune');
    await page.getByTestId('join-name').fill('Hanna Host');
    await page.getByTestId('join-org').fill('Jena');
    await page.getByTestId('join-submit').click();
    await expect(page.getByTestId('self-name')).toHaveText('Hanna Host');
    // The event's language is English and this person chose none, so the host role reads "Host" (German: "Moderation").
    await expect(page.getByTestId('self-role')).toHaveText('Host');
    await expect(page.getByTestId('host-menu')).toBeVisible();
    // On a 1280 px laptop a host's whole control bar is one row: "Leave" sits level with the microphone.
    expect(page.viewportSize()?.width).toBe(1280);
    const top = async (id: string) => Math.round((await page.getByTestId(id).boundingBox())?.y ?? -1);
    await expect.poll(async () => (await top('leave')) - (await top('mic-toggle'))).toBe(0);
    expect(await top('host-menu-toggle')).toBe(await top('mic-toggle'));
    await expect(page.getByTestId('people-item').filter({ has: page.getByTestId('self-marker') })).toHaveAttribute('data-role', 'host');
    // The secret left the address bar once it had done its job.
    await expect(page).toHaveURL(new RegExp(`/j/${joinCode}$`));

    // A participant in their own browser types the code on the start page.
    const alex = await newPerson(browser);
    people.push(alex);
    await alex.page.goto(mashupUrl);
    await alex.page.getByTestId('join-code-input').fill(joinCode);
    await alex.page.getByTestId('join-code-submit').click();
    await expect(alex.page).toHaveURL(new RegExp(`/j/${joinCode}$`));
    await expect(alex.page.getByTestId('event-title')).toHaveText('Vernetzungstag Digitale Kommune');
    await expect(alex.page.getByText('Ein Tag für Austausch zwischen Kommunen.')).toBeVisible();
    await expect(alex.page.getByText(/November 23, 2026, 9:00\sAM – 5:00\sPM/)).toBeVisible();
    await expect(alex.page.getByTestId('join-submit')).toHaveText('Join');
    await expect(alex.page.getByTestId('join-name')).toBeVisible();
    await expect(alex.page.getByTestId('join-as-host')).toHaveCount(0);
  });

  test('create form: an end before the start is refused with a visible message, nothing is created', async ({ browser, mashupUrl }) => {
    const host = await newPerson(browser);
    people.push(host);
    const { page } = host;
    await page.goto(`${mashupUrl}/new`);
    await page.getByTestId('create-title').fill('Falsch herum');
    await page.getByTestId('create-starts').fill('2026-11-23T17:00');
    await page.getByTestId('create-ends').fill('2026-11-23T09:00');
    await page.getByTestId('create-submit').click();

    await expect(page.getByText('Das Ende muss nach dem Beginn liegen.')).toBeVisible();
    await expect(page.getByTestId('create-ends')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('create-ends')).toBeFocused();
    await expect(page.getByTestId('event-code')).toHaveCount(0);
    await expect(page).toHaveURL(/\/new$/);

    // Correcting the end clears the message. (Not submitted again: the test server allows
    // 10 event creations per minute per address, and the whole suite shares that budget.)
    await page.getByTestId('create-ends').fill('2026-11-23T18:00');
    await expect(page.getByText('Das Ende muss nach dem Beginn liegen.')).toHaveCount(0);
    await expect(page.getByTestId('create-ends')).toHaveAttribute('aria-invalid', 'false');
  });

  test('start page: a malformed code is refused in place; a well-formed unknown code shows "Veranstaltung nicht gefunden"', async ({
    browser,
    mashupUrl,
  }) => {
    const alex = await newPerson(browser);
    people.push(alex);
    const { page } = alex;
    await page.goto(mashupUrl);

    await page.getByTestId('join-code-input').fill('abc');
    await page.getByTestId('join-code-submit').click();
    await expect(page.getByTestId('join-code-error')).toBeVisible();
    await expect(page).toHaveURL(`${mashupUrl}/`);

    // Well-formed but never issued (31^6 possible codes; this test does not create it).
    await page.getByTestId('join-code-input').fill('ZZZZZ9');
    await page.getByTestId('join-code-submit').click();
    await expect(page).toHaveURL(/\/j\/ZZZZZ9$/);
    const notFound = page.getByTestId('event-not-found');
    await expect(notFound).toBeVisible();
    await expect(notFound).toContainText('Veranstaltung nicht gefunden');
    await expect(page.getByTestId('join-name')).toHaveCount(0);
  });
});
