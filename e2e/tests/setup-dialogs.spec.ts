/**
 * The four set-up dialogs a host uses (workshop round, lobby, Pecha Kucha,
 * speed dating) behave alike (client DraftDialog): saving a form with a
 * mistake keeps the dialog open, says so in an alert and puts the keyboard
 * focus on the field to fix; "Abbrechen" and Escape close it without saving;
 * opening it again starts afresh, with neither the cancelled input nor the
 * old error. Saving that succeeds is part of each feature's own spec
 * (breakouts, lobby, pechakucha, media-speed-dating).
 */
import type { Page } from '@playwright/test';
import { createEvent, expect, personJoins, test, type Person } from '../fixtures.js';

interface SetupDialog {
  name: string;
  /** The host area holding the dialog's button (its jump link's target). */
  area: string;
  opener: string;
  dialog: string;
  /** The field the mistake is made in, and its value when the dialog opens. */
  field: string;
  fresh: string;
  /** A value the form refuses. */
  wrong: string;
  error: string;
  cancel: string;
  save: string;
}

const DIALOGS: SetupDialog[] = [
  { name: 'Workshoprunde', area: 'host-area-rounds', opener: 'round-new', dialog: 'round-dialog', field: 'round-title', fresh: 'Workshoprunde', wrong: '', error: 'round-error', cancel: 'round-cancel', save: 'round-save' },
  { name: 'Lobby', area: 'host-area-lobbies', opener: 'lobby-new', dialog: 'lobby-dialog', field: 'lobby-title-input', fresh: 'Social Eating', wrong: '', error: 'lobby-dialog-error', cancel: 'lobby-cancel', save: 'lobby-save' },
  { name: 'Pecha Kucha', area: 'host-area-pk', opener: 'pk-setup-open', dialog: 'pk-setup-dialog', field: 'pk-break-seconds', fresh: '15', wrong: '-5', error: 'pk-setup-error', cancel: 'pk-setup-cancel', save: 'pk-setup-save' },
  { name: 'Speed-Dating', area: 'host-area-dating', opener: 'dating-new', dialog: 'dating-dialog', field: 'dating-title', fresh: 'Speed-Dating', wrong: '', error: 'dating-dialog-error', cancel: 'dating-cancel', save: 'dating-save' },
];

async function openDialog(page: Page, d: SetupDialog) {
  await page.getByTestId('host-nav-link').and(page.locator(`[data-target="${d.area}"]`)).click();
  await page.getByTestId(d.opener).click();
  const dialog = page.getByTestId(d.dialog);
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('set-up dialogs', () => {
  let host: Person | undefined;
  test.afterEach(async () => {
    await host?.context.close();
  });

  for (const d of DIALOGS) {
    test(`${d.name}: a mistake keeps the dialog open with an alert and focus on the field; cancelling and reopening start afresh`, async ({ browser, mashupUrl }) => {
      const event = await createEvent(mashupUrl, `Dialog-Test ${d.name}`);
      host = await personJoins(browser, event.hostLink, 'Hanna Host', 'Ulm');
      const h = host.page;

      let dialog = await openDialog(h, d);
      const field = dialog.getByTestId(d.field);
      await expect(field).toHaveValue(d.fresh);
      await field.fill(d.wrong);
      await dialog.getByTestId(d.save).click();
      await expect(dialog.getByTestId(d.error)).toBeVisible();
      await expect(dialog.getByRole('alert')).toHaveCount(1);
      await expect(dialog, 'the dialog stays open with the mistake').toBeVisible();
      await expect(field).toHaveValue(d.wrong);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field, 'focus goes to the field to fix').toBeFocused();

      await dialog.getByTestId(d.cancel).click();
      await expect(dialog).toBeHidden();

      // Opened again: the cancelled input and the error are gone. Escape closes it too.
      dialog = await openDialog(h, d);
      await expect(dialog.getByTestId(d.field)).toHaveValue(d.fresh);
      await expect(dialog.getByTestId(d.field)).toHaveAttribute('aria-invalid', 'false');
      await expect(dialog.getByTestId(d.error)).toHaveCount(0);
      await h.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    });
  }
});
