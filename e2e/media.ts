/**
 * Helpers for the audio/video specs: a person whose peer connections are
 * recorded (peer-connections.ts) and whose device choice may already be
 * remembered, and what those peer connections say about the media that flows
 * (getStats: bytes and decoded frames, as the browser counts them).
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, newPerson, type Person } from './fixtures.js';
import { RECORD_PEER_CONNECTIONS } from './peer-connections.js';
import type { DevicePreferences } from '../client/src/services/media/types.js';

/** Where the device check remembers its choice on the device (client/src/services/storage.ts). */
export const MEDIA_STORAGE_KEY = 'mashup.media';

/** What the page stores there: the client's own type, so a new preference cannot be missed here. */
export type RememberedDevices = DevicePreferences;

/** Camera and microphone confirmed on this device before, default devices. */
export const CAMERA_AND_MIC_ON: RememberedDevices = { micOn: true, cameraOn: true, micId: null, cameraId: null, speakerId: null, audioOnly: false };

/** Microphone and camera off, confirmed on this device before: "Mikrofon" then turns it on directly, without the device check. */
export const NOTHING_ON: RememberedDevices = { ...CAMERA_AND_MIC_ON, micOn: false, cameraOn: false };

/**
 * A person (own browser context) whose peer connections the test can read.
 * With `remembered`, every page load finds that device choice in storage, as if
 * the device check had been confirmed on this device before. `contextOptions`
 * go to the browser context (e.g. `bypassCSP` for a page axe runs in). What the
 * media session could not do (negotiation failures) goes to the test log as `[label] …`.
 */
export async function newMediaPerson(
  browser: Browser,
  label: string,
  remembered?: RememberedDevices,
  contextOptions: Parameters<typeof newPerson>[1] = {},
): Promise<Person> {
  const person = await newPerson(browser, contextOptions);
  await person.context.addInitScript(RECORD_PEER_CONNECTIONS);
  if (remembered) {
    await person.context.addInitScript(([key, value]) => localStorage.setItem(key, value), [MEDIA_STORAGE_KEY, JSON.stringify(remembered)] as const);
  }
  person.page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().startsWith('media')) console.log(`[${label}] ${m.text()}`);
  });
  return person;
}

/**
 * The buttons of a person's media controls, in order: "Mikrofon", "Kamera", "Teilen" where
 * the room lets them send (rule M2), "Geräte" always.
 */
export function mediaButtons(person: Person): Locator {
  return person.page.getByRole('group', { name: 'Bild und Ton' }).getByRole('button');
}

export interface LinkStats {
  inAudioBytes: number;
  inVideoFrames: number;
  outAudioBytes: number;
  outVideoBytes: number;
  /** Decoded frames per inbound video (a camera, a shared screen), by the stats report's id. */
  inVideos: Record<string, number>;
}

type Counter = Exclude<keyof LinkStats, 'inVideos'>;

/** Per open peer connection (in creation order): what came in and what went out. */
export function linkStats(page: Page): Promise<LinkStats[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.filter((pc) => pc.signalingState !== 'closed');
    return Promise.all(
      pcs.map(async (pc) => {
        const s: LinkStats = { inAudioBytes: 0, inVideoFrames: 0, outAudioBytes: 0, outVideoBytes: 0, inVideos: {} };
        (await pc.getStats()).forEach((r: Record<string, unknown>) => {
          if (r['type'] === 'inbound-rtp' && r['kind'] === 'audio') s.inAudioBytes += Number(r['bytesReceived'] ?? 0);
          if (r['type'] === 'inbound-rtp' && r['kind'] === 'video') {
            s.inVideoFrames += Number(r['framesDecoded'] ?? 0);
            s.inVideos[String(r['id'])] = Number(r['framesDecoded'] ?? 0);
          }
          if (r['type'] === 'outbound-rtp' && r['kind'] === 'audio') s.outAudioBytes += Number(r['bytesSent'] ?? 0);
          if (r['type'] === 'outbound-rtp' && r['kind'] === 'video') s.outVideoBytes += Number(r['bytesSent'] ?? 0);
        });
        return s;
      }),
    );
  });
}

export const sum = (links: LinkStats[], key: Counter) => links.reduce((n, l) => n + l[key], 0);

/** `links` open peer connections, each receiving audio and video that keep coming. */
export async function expectReceiving(page: Page, links: number): Promise<void> {
  await expect.poll(async () => (await linkStats(page)).length, { timeout: 20_000 }).toBe(links);
  const first = await linkStats(page);
  let now: LinkStats[] = [];
  await expect
    .poll(
      async () => {
        now = await linkStats(page);
        return now.length === links && now.every((l, i) => l.inAudioBytes > first[i]!.inAudioBytes && l.inVideoFrames > first[i]!.inVideoFrames);
      },
      { timeout: 30_000, message: 'inbound audio bytes and decoded video frames keep increasing on every link' },
    )
    .toBe(true)
    .catch(async (err: Error) => {
      // Say what was seen: which link stalled, and in which negotiation state.
      const states = await page.evaluate(() =>
        (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.map((pc) => `${pc.connectionState}/${pc.signalingState}`),
      );
      throw new Error(`${err.message}\nfirst ${JSON.stringify(first)}\nlast ${JSON.stringify(now)}\nconnections ${states.join(', ')}`);
    });
}

/** The page's counter `key`, summed over its open peer connections, keeps growing past its value now. */
export async function expectGrows(page: Page, key: Counter, message: string): Promise<void> {
  const first = sum(await linkStats(page), key);
  await expect.poll(async () => sum(await linkStats(page), key), { timeout: 20_000, message }).toBeGreaterThan(first);
}

/**
 * The page's counter `key`, summed over its open peer connections, stops growing:
 * two samples a second apart show no increase (media at 24 fps or 50 audio
 * packets a second never pauses that long while it flows).
 */
export async function expectStops(page: Page, key: Counter, message: string): Promise<void> {
  let last = sum(await linkStats(page), key);
  await expect
    .poll(
      async () => {
        const now = sum(await linkStats(page), key);
        const still = now <= last;
        last = now;
        return still;
      },
      { timeout: 20_000, intervals: [1_000], message },
    )
    .toBe(true);
}

/** How many inbound videos (cameras and screens, over all links) decode new frames from one sample to the next, a second apart. */
export async function expectVideosFlowing(page: Page, count: number, message: string): Promise<void> {
  const frames = (links: LinkStats[]) =>
    new Map(links.flatMap((l, i) => Object.entries(l.inVideos).map(([id, n]) => [`${i}/${id}`, n] as const)));
  let last = frames(await linkStats(page));
  await expect
    .poll(
      async () => {
        const now = frames(await linkStats(page));
        const flowing = [...now].filter(([id, n]) => n > (last.get(id) ?? 0)).length;
        last = now;
        return flowing;
      },
      { timeout: 20_000, intervals: [1_000], message },
    )
    .toBe(count);
}
