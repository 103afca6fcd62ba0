/**
 * Test helpers: the server URL from global setup, one browser context per
 * person, events created through the real HTTP API, and an axe check.
 */
import { createRequire } from 'node:module';
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

export { expect };

export const test = base.extend<{ mashupUrl: string }>({
  mashupUrl: async ({}, use) => {
    const url = process.env.MASHUP_URL;
    if (!url) throw new Error('MASHUP_URL is not set: run through playwright.config.ts (global setup)');
    await use(url);
  },
});

export interface CreatedEvent {
  code: string;
  hostLink: string;
  participantLink: string;
}

export async function createEvent(baseUrl: string, title: string): Promise<CreatedEvent> {
  const res = await fetch(`${baseUrl}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, startsAt: '2026-11-23T09:00:00+01:00', endsAt: '2026-11-23T17:00:00+01:00' }),
  });
  const body = (await res.json()) as { ok: boolean; data: { event: { code: string }; hostLink: string; participantLink: string } };
  if (!body.ok) throw new Error(`create event failed: ${JSON.stringify(body)}`);
  return { code: body.data.event.code, hostLink: body.data.hostLink, participantLink: body.data.participantLink };
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested (documents, scripts, fetches, WebSockets). */
  requests: string[];
  /** Console errors, including CSP violations. */
  consoleErrors: string[];
}

export async function newPerson(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<Person> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (ws) => requests.push(ws.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return { context, page, requests, consoleErrors };
}

/** A person: own browser context (own storage), opens a link and joins with name and organisation. */
export async function personJoins(browser: Browser, link: string, name: string, org: string): Promise<Person> {
  return joinAs(await newPerson(browser), link, name, org);
}

/** personJoins for a person already set up (own viewport, fake clock …): opens the link and joins. */
export async function joinAs(person: Person, link: string, name: string, org: string): Promise<Person> {
  const { page } = person;
  await page.goto(link);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-org').fill(org);
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('self-name')).toContainText(name);
  return person;
}

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

/**
 * Runs axe-core in the page; returns the serious and critical violations (ids and targets).
 * It first waits for running fades to end: axe measures text contrast with the opacity of the
 * moment, so a room-transition screen caught fading in counted as "color-contrast" (seen in
 * lobby.spec). Endless animations (none today) are not waited for.
 */
export async function seriousA11yViolations(page: Page): Promise<Array<{ id: string; impact: string; targets: string[] }>> {
  await page.waitForFunction(() => {
    // document.getAnimations() leaves out shadow trees, where every component's styles live.
    const running: Animation[] = [];
    const visit = (root: Document | ShadowRoot) => {
      running.push(...root.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity));
      root.querySelectorAll('*').forEach((el) => el.shadowRoot && visit(el.shadowRoot));
    };
    visit(document);
    return running.length === 0;
  });
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * Keyboard-only navigation: presses Tab (Shift+Tab when `backwards`) until
 * `target` has focus, and returns how many presses it took. Fails after
 * `maxPresses`, so a control that cannot be reached by keyboard fails the test.
 * The exact tab order is the page's business; reachability is what a person needs.
 */
export async function tabTo(page: Page, target: Locator, { maxPresses = 30, backwards = false } = {}): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el.matches(':focus'))) return presses;
  }
  throw new Error(`not reached with ${maxPresses} × ${backwards ? 'Shift+Tab' : 'Tab'}: ${target}`);
}

/** `mm:ss` or `h:mm:ss` as shown by the countdown → seconds. */
export function countdownSeconds(text: string | null | undefined): number {
  return (text ?? '').trim().split(':').map(Number).reduce((acc, n) => acc * 60 + n, 0);
}

/** A PDF with `pages` pages (16:9, a big page number and a line of text each), built with pdf-lib. */
export async function pdfWithPages(pages: number): Promise<Buffer> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([960, 540]);
    page.drawRectangle({ x: 0, y: 0, width: 960, height: 540, color: rgb(0.9, 0.94, 0.98) });
    page.drawText(String(i), { x: 60, y: 260, size: 180, font, color: rgb(0.1, 0.3, 0.5) });
    page.drawText(`E2E-Folie ${i} von ${pages}`, { x: 60, y: 120, size: 36, font, color: rgb(0.1, 0.1, 0.1) });
  }
  return Buffer.from(await doc.save());
}

/**
 * A presenter uploads a deck of `pages` generated pages from "Ihr Vortrag" (the
 * upload form of their talk). Resolves once the upload is sent; what the page
 * answers (the preview, a refusal) is the caller's to check.
 */
export async function uploadDeck(page: Page, file: { name: string; pages: number }): Promise<void> {
  await page.getByTestId('pk-upload-input').setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: await pdfWithPages(file.pages) });
  await page.getByTestId('pk-upload-submit').click();
}

/** One change of the Pecha Kucha slide a page shows: `key` = "talk:slide" or "none"; `t` = Date.now() in the page. */
export interface SlideSwitch {
  key: string;
  t: number;
  alt: string | null;
}

/**
 * Records, in the page, the moment every `data-slide-index` / `data-talk-index`
 * change of the Pecha Kucha stage happens (a MutationObserver on the stage's
 * shadow root, so the moment is the DOM change itself, not a poll). Install
 * before the page opens the event; read with `slideSwitches(page)`.
 */
export async function recordSlideSwitches(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: Array<{ key: string; t: number; alt: string | null }> = [];
    (window as unknown as { __pkSwitches: typeof log }).__pkSwitches = log;
    const find = (root: Document | ShadowRoot): Element | null => {
      const hit = root.querySelector('mashup-pk-stage');
      if (hit) return hit;
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) {
          const inner = find(el.shadowRoot);
          if (inner) return inner;
        }
      }
      return null;
    };
    let stage: Element | null = null;
    let observer: MutationObserver | null = null;
    const note = () => {
      const slide = stage?.shadowRoot?.querySelector('[data-testid="pk-slide"]');
      const key = slide ? `${slide.getAttribute('data-talk-index')}:${slide.getAttribute('data-slide-index')}` : 'none';
      if (log.at(-1)?.key !== key) log.push({ key, t: Date.now(), alt: slide?.getAttribute('alt') ?? null });
    };
    // Finding the stage polls (it appears when a block is set up); observing it does not.
    setInterval(() => {
      if (stage?.isConnected) return;
      observer?.disconnect();
      stage = find(document);
      if (!stage?.shadowRoot) return;
      observer = new MutationObserver(note);
      observer.observe(stage.shadowRoot, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-slide-index', 'data-talk-index'] });
      note();
    }, 50);
  });
}

export async function slideSwitches(page: Page): Promise<SlideSwitch[]> {
  return page.evaluate(() => (window as unknown as { __pkSwitches?: SlideSwitch[] }).__pkSwitches ?? []);
}

/**
 * A short WebM video, recorded in the page from a canvas (MediaRecorder; no
 * ffmpeg on our machines): a counter that changes every 100 ms.
 */
export async function recordWebm(page: Page, seconds: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (ms) => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    const ctx = canvas.getContext('2d')!;
    const stream = canvas.captureStream(25);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((r) => (recorder.onstop = r));
    const start = performance.now();
    const draw = () => {
      const t = performance.now() - start;
      ctx.fillStyle = '#15307f';
      ctx.fillRect(0, 0, 320, 180);
      ctx.fillStyle = '#fff';
      ctx.font = 'bold 64px sans-serif';
      ctx.fillText((t / 1000).toFixed(1), 90, 115);
    };
    draw();
    recorder.start(250);
    const timer = setInterval(draw, 40);
    await new Promise((r) => setTimeout(r, ms));
    clearInterval(timer);
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, seconds * 1000);
  return Buffer.from(base64, 'base64');
}
