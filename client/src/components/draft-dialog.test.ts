import { describe, expect, it } from 'vitest';
import type { Ack } from '@mashup/shared';
import type { LitElement, ReactiveController } from 'lit';
import { DraftDialog } from './draft-dialog.js';

interface Draft {
  title: string;
}

/** The few parts of a Lit element the controller uses, with a <dialog> and one field marked invalid. */
class Host {
  open = false;
  readonly controllers: ReactiveController[] = [];
  readonly events: string[] = [];
  readonly dialog = { open: false, closed: 0, showModal: () => (this.dialog.open = true), close: () => ((this.dialog.open = false), this.dialog.closed++) };
  readonly field = { focused: false, focus: () => (this.field.focused = true) };
  readonly renderRoot = {
    querySelector: (selector: string) => (selector === 'dialog' ? this.dialog : selector === '[aria-invalid="true"]' ? this.field : null),
  };
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  requestUpdate() {}
  get updateComplete() {
    return Promise.resolve(true);
  }
  dispatchEvent(e: Event) {
    this.events.push(e.type);
    return true;
  }
  /** One Lit update: hostUpdate before rendering, hostUpdated after. */
  update() {
    for (const c of this.controllers) c.hostUpdate?.();
    for (const c of this.controllers) c.hostUpdated?.();
  }
}

function setup() {
  const host = new Host();
  const sent: Array<{ input: string; reply: (ack: Ack<unknown>) => void }> = [];
  let opened = 0;
  const dialog = new DraftDialog(host as unknown as LitElement & { open: boolean }, {
    fresh: (): Draft => ({ title: `Runde ${++opened}` }),
    check: (d: Draft) => (d.title.trim() ? { ok: true as const, input: d.title.trim() } : { ok: false as const, problems: ['title' as const] }),
    problemsMessage: () => 'Bitte prüfen Sie die markierten Felder.',
    send: (input: string) => new Promise<Ack<unknown>>((reply) => sent.push({ input, reply })),
    closeEvent: 'test-dialog-close',
  });
  const open = () => {
    host.open = true;
    host.update();
  };
  const cancel = () => {
    dialog.close();
    host.open = false; // what the panel does on the close event
    host.update();
  };
  return { host, dialog, sent, open, cancel };
}

const submit = () => new Event('submit', { cancelable: true });

describe('DraftDialog', () => {
  it('opening shows the modal dialog with a fresh draft each time, without the last error', async () => {
    const { host, dialog, open, cancel } = setup();
    expect(dialog.draft).toBeNull();
    open();
    expect(host.dialog.open).toBe(true);
    expect(dialog.draft).toEqual({ title: 'Runde 1' });
    dialog.set({ title: ' ' });
    await dialog.save(submit());
    expect(dialog.error).not.toBe('');
    cancel();
    open();
    expect(dialog.draft).toEqual({ title: 'Runde 2' });
    expect(dialog.error).toBe('');
    expect(dialog.problems).toEqual([]);
  });

  it('a draft with problems is not sent: the error line says so and focus goes to the field marked invalid', async () => {
    const { host, dialog, sent, open } = setup();
    open();
    dialog.set({ title: '' });
    await dialog.save(submit());
    expect(sent).toHaveLength(0);
    expect(dialog.problems).toEqual(['title']);
    expect(dialog.error).toBe('Bitte prüfen Sie die markierten Felder.');
    expect(host.field.focused).toBe(true);
    expect(host.dialog.open).toBe(true);
  });

  it('saving sends once however often it is pressed, and closes the dialog on success', async () => {
    const { host, dialog, sent, open } = setup();
    open();
    const saving = dialog.save(submit());
    await dialog.save(submit());
    expect(sent.map((s) => s.input)).toEqual(['Runde 1']);
    expect(dialog.busy).toBe(true);
    sent[0]!.reply({ ok: true, data: {} });
    await saving;
    expect(dialog.busy).toBe(false);
    expect(host.dialog.closed).toBe(1);
  });

  it('a refusal keeps the dialog open and says why', async () => {
    const { host, dialog, sent, open } = setup();
    open();
    const saving = dialog.save(submit());
    sent[0]!.reply({ ok: false, error: { code: 'auth.forbidden', message: 'Only hosts may do this.' } });
    await saving;
    expect(dialog.busy).toBe(false);
    expect(dialog.error).not.toBe('');
    expect(host.dialog.closed).toBe(0);
  });

  it('a reply to a draft that was cancelled, arriving after the dialog opened again, leaves the new draft alone', async () => {
    const { host, dialog, sent, open, cancel } = setup();
    open();
    const saving = dialog.save(submit());
    cancel();
    expect(host.dialog.closed).toBe(1);
    open();
    expect(dialog.busy).toBe(false);
    sent[0]!.reply({ ok: false, error: { code: 'server.internal', message: 'x' } });
    await saving;
    expect(dialog.error).toBe('');
    expect(host.dialog.open).toBe(true);
    expect(host.dialog.closed).toBe(1);
  });
});
