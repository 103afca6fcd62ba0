/**
 * Audio and video on the mesh plane, checked the way a person's browser would
 * notice: from the peer connections' own statistics (getStats), with
 * Chromium's fake camera and microphone. Every RTCPeerConnection a page makes
 * is recorded by an init script (the app is not changed for the test).
 *
 *  - the plenary: a host on stage sends to three participants who only receive;
 *  - a workshop room: the three each receive audio and video from the other two;
 *  - back in the plenary after the round: the stage reaches all three again;
 *  - muting stops the outgoing audio; leaving closes every peer connection.
 *
 * The round's closing warning is the real 60 s (rule B5), so this spec takes
 * a little over a minute.
 */
import { io, type Socket } from 'socket.io-client';
import type { Page } from '@playwright/test';
import { PROTOCOL_VERSION } from '@mashup/shared';
import { createEvent, expect, joinAs, newPerson, test, type Person } from '../fixtures.js';
import { RECORD_PEER_CONNECTIONS } from '../peer-connections.js';

interface LinkStats {
  inAudioBytes: number;
  inVideoFrames: number;
  outAudioBytes: number;
  outVideoBytes: number;
}

/** Per open peer connection (in creation order): what came in and what went out. */
function linkStats(page: Page): Promise<LinkStats[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.filter((pc) => pc.signalingState !== 'closed');
    return Promise.all(
      pcs.map(async (pc) => {
        const s: LinkStats = { inAudioBytes: 0, inVideoFrames: 0, outAudioBytes: 0, outVideoBytes: 0 };
        (await pc.getStats()).forEach((r: Record<string, unknown>) => {
          if (r['type'] === 'inbound-rtp' && r['kind'] === 'audio') s.inAudioBytes += Number(r['bytesReceived'] ?? 0);
          if (r['type'] === 'inbound-rtp' && r['kind'] === 'video') s.inVideoFrames += Number(r['framesDecoded'] ?? 0);
          if (r['type'] === 'outbound-rtp' && r['kind'] === 'audio') s.outAudioBytes += Number(r['bytesSent'] ?? 0);
          if (r['type'] === 'outbound-rtp' && r['kind'] === 'video') s.outVideoBytes += Number(r['bytesSent'] ?? 0);
        });
        return s;
      }),
    );
  });
}

/** `links` open peer connections, each receiving audio and video that keep coming. */
async function expectReceiving(page: Page, links: number): Promise<void> {
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

const sum = (links: LinkStats[], key: keyof LinkStats) => links.reduce((n, l) => n + l[key], 0);

/** A host's connection from the test itself, for the round (the browsers are the people in it). */
async function director(baseUrl: string, code: string, hostKey: string): Promise<{ socket: Socket; call: (name: string, payload: unknown) => Promise<unknown> }> {
  const res = await fetch(`${baseUrl}/api/events/${code}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Regie', org: 'Mashup', hostKey }),
  });
  const { data } = (await res.json()) as { data: { token: string } };
  const socket = io(baseUrl, { auth: { token: data.token, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('state:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  const call = (name: string, payload: unknown) =>
    new Promise<unknown>((resolve, reject) =>
      socket.emit(name, payload, (ack: { ok: boolean; data?: unknown; error?: { code: string } }) =>
        ack.ok ? resolve(ack.data) : reject(new Error(`${name}: ${ack.error?.code}`)),
      ),
    );
  return { socket, call };
}

test.describe('audio and video (mesh)', () => {
  const people: Person[] = [];
  let control: Socket | null = null;
  test.afterEach(async () => {
    control?.disconnect();
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('stage to three viewers, a workshop of three, back to the plenary, mute, leave', async ({ browser, mashupUrl }) => {
    test.setTimeout(240_000);
    const event = await createEvent(mashupUrl, 'Medien-Test');
    const hostKey = new URL(event.hostLink).hash.replace('#host=', '');
    // Everyone has confirmed camera and microphone on this device before (the device check's
    // choice is remembered): the test is about what flows, not about the dialog.
    const person = async (link: string, name: string, org: string) => {
      const p = await newPerson(browser);
      await p.context.addInitScript(RECORD_PEER_CONNECTIONS);
      await p.context.addInitScript(() =>
        localStorage.setItem(
          'mashup.media',
          JSON.stringify({ micOn: true, cameraOn: true, micId: null, cameraId: null, speakerId: null, audioOnly: false }),
        ),
      );
      people.push(p);
      // What the media session could not do (negotiation failures) goes to the test log.
      p.page.on('console', (m) => {
        if (m.type() === 'warning' && m.text().startsWith('media')) console.log(`[${name}] ${m.text()}`);
      });
      return joinAs(p, link, name, org);
    };
    const host = await person(event.hostLink, 'Hanna Host', 'Ulm');
    const viewers = await Promise.all(
      [
        ['Ada', 'Kiel'],
        ['Ben', 'Jena'],
        ['Cem', 'Bamberg'],
      ].map(([name, org]) => person(event.participantLink, name!, org!)),
    );

    // Plenary: only the host is on stage. Each viewer has one connection (to the host) and sends nothing.
    for (const v of viewers) {
      await expectReceiving(v.page, 1);
      const s = await linkStats(v.page);
      expect(sum(s, 'outAudioBytes') + sum(s, 'outVideoBytes')).toBe(0);
    }
    // The host sends to all three and receives from none of them.
    await expect.poll(async () => (await linkStats(host.page)).length).toBe(3);
    expect(sum(await linkStats(host.page), 'inAudioBytes')).toBe(0);
    await expect(host.page.getByTestId('media-tile').first()).toBeVisible();

    // A workshop room with the three: everyone sends, everyone receives from the other two.
    const d = await director(mashupUrl, event.code, hostKey);
    control = d.socket;
    const { roundId } = (await d.call('breakout:save', {
      title: 'Medienrunde',
      durationMs: 60_000,
      mode: 'balanced',
      workshops: [{ title: 'Videoraum', capacity: 3 }],
    })) as { roundId: string };
    await d.call('breakout:assign', { roundId, strategy: 'balanced' });
    await d.call('breakout:open', { roundId });
    for (const v of viewers) await expect(v.page.getByTestId('workshop-room')).toBeVisible();
    for (const v of viewers) await expectReceiving(v.page, 2);
    // The host, alone in the plenary now, has no one to send to.
    await expect.poll(async () => (await linkStats(host.page)).length).toBe(0);

    // The round closes: 60 s of warning, then everyone is back in the plenary and the stage reaches them again.
    await d.call('breakout:close', { roundId });
    for (const v of viewers) await expect(v.page.getByTestId('workshop-room')).toBeHidden({ timeout: 90_000 });
    for (const v of viewers) await expectReceiving(v.page, 1);
    await expect.poll(async () => (await linkStats(host.page)).length).toBe(3);

    // Muting stops the host's outgoing audio (video keeps going).
    await host.page.getByTestId('mic-toggle').click();
    await expect(host.page.getByTestId('mic-toggle')).toHaveAttribute('aria-pressed', 'false');
    let last = sum(await linkStats(host.page), 'outAudioBytes');
    await expect
      .poll(
        async () => {
          const s = await linkStats(host.page);
          const audio = sum(s, 'outAudioBytes');
          const still = audio === last;
          last = audio;
          return still;
        },
        { timeout: 20_000, intervals: [1_000], message: 'outbound audio bytes stop increasing once muted' },
      )
      .toBe(true);
    const video = sum(await linkStats(host.page), 'outVideoBytes');
    await expect.poll(async () => sum(await linkStats(host.page), 'outVideoBytes')).toBeGreaterThan(video);

    // Leaving closes the viewer's peer connection, and the host's to that viewer.
    const ada = viewers[0]!;
    await ada.page.getByTestId('leave').click();
    await expect.poll(async () => (await linkStats(ada.page)).length).toBe(0);
    await expect.poll(async () => (await linkStats(host.page)).length).toBe(2);
  });
});
