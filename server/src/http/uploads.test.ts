/**
 * Deck and video uploads against a real server: multipart requests as a
 * browser sends them (fetch + FormData), slides fetched back from /media.
 * Every refusal is checked for what a person would notice: the code, and that
 * nothing was stored (no files under DATA_DIR, the block unchanged).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_PRESETS, type Ack, type Deck, type PechaKuchaBlock, type VideoAsset } from '@mashup/shared';
import { createEvent, join as joinEvent, joinAndConnect, type TestClient, type TestServer, startServer } from '../test-support/harness.js';
import {
  elfBytes,
  fileTree,
  jpegWithExif,
  mp4Bytes,
  mzBytes,
  pdfBytes,
  pngBytes,
  pngHeaderOnly,
  webmBytes,
} from '../uploads/test-support/files.js';

// Small limits, so "too large" needs kilobytes, not 50 MB.
const LIMITS = { pdfMaxBytes: 300_000, imageMaxBytes: 60_000, deckMaxBytes: 600_000, videoMaxBytes: 200_000 };

let server: TestServer;
let dataDir: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mashup-uploads-'));
  server = await startServer({ env: { DATA_DIR: dataDir, CREATE_RATE_PER_MINUTE: '1000' }, uploads: { limits: LIMITS } });
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await server?.close();
});

interface Room {
  code: string;
  eventId: string;
  host: TestClient;
  presenter: TestClient;
  other: TestClient;
  talkIds: string[];
}

/** An event with a Pecha Kucha block of two talks: the first presented by `presenter`. */
async function room(format: { slides: number; slideMs: number } = FORMAT_PRESETS.pechakucha): Promise<Room> {
  const { code, hostKey, event } = await createEvent(server.url);
  const host = await joinAndConnect(server.url, code, { name: 'Hanna Host', hostKey });
  const presenter = await joinAndConnect(server.url, code, { name: 'Pia Presenter', org: 'Ulm' });
  const other = await joinAndConnect(server.url, code, { name: 'Otto', org: 'Kiel' });
  clients.push(host, presenter, other);
  const ack = await host.request('pechakucha:setup', {
    title: 'Pecha Kucha',
    format,
    breakMs: 15_000,
    talks: [
      { title: 'Offene Daten', presenterId: presenter.participantId, presenterName: 'Pia Presenter', municipality: 'Ulm' },
      { title: 'Mobilität', presenterName: 'Team Kiel', municipality: 'Kiel' },
    ],
  });
  expect(ack.ok).toBe(true);
  const block = await block$(event.id);
  return { code, eventId: event.id, host, presenter, other, talkIds: block!.talks.map((t) => t.id) };
}

const block$ = async (eventId: string) => (await server.store.loadState(eventId)).docs.pechakucha;

interface Upload {
  bytes: Uint8Array;
  name: string;
  type?: string;
}

async function post<T>(path: string, token: string | null, form: FormData | string): Promise<{ status: number; body: Ack<T> }> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(typeof form === 'string' ? { 'content-type': 'application/json' } : {}),
    },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Ack<T> };
}

function deckForm(files: Upload[], alts: string[] = []): FormData {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
  for (const a of alts) form.append('alt', a);
  return form;
}

const uploadDeck = (r: Room, token: string | null, files: Upload[], alts?: string[], talkId = r.talkIds[0]!) =>
  post<{ deck: Deck }>(`/api/events/${r.code}/talks/${talkId}/deck`, token, deckForm(files, alts));

const pdf = async (pages: number): Promise<Upload> => ({ bytes: await pdfBytes(pages), name: 'folien.pdf', type: 'application/pdf' });
const images = async (n: number): Promise<Upload[]> =>
  Promise.all(Array.from({ length: n }, async (_, i) => ({ bytes: await pngBytes(320, 180, `hsl(${i * 17}, 50%, 50%)`), name: `${i + 1}.png`, type: 'image/png' })));

/** Refused with `code` and `status`; nothing on disk for the event, staging empty, the block as before. */
async function expectRefused(r: Room, attempt: Promise<{ status: number; body: Ack<unknown> }>, status: number, code: string) {
  const before = await server.store.loadState(r.eventId);
  const { status: got, body } = await attempt;
  expect(body.ok ? 'ok' : body.error.code).toBe(code);
  expect(got).toBe(status);
  const after = await server.store.loadState(r.eventId);
  expect(after.docs.pechakucha).toEqual(before.docs.pechakucha);
  expect(after.docs.videos).toEqual(before.docs.videos);
  // Files only: an empty `decks/` folder may stay behind (removing it could race with another upload's commit).
  expect((await fileTree(join(dataDir, 'events', r.eventId))).filter((p) => !p.endsWith('/'))).toEqual([]);
  expect(await fileTree(join(dataDir, 'staging'))).toEqual([]);
  return body.ok ? null : body.error;
}

describe('POST /api/events/:code/talks/:talkId/deck', () => {
  it('a 20-page PDF is accepted: every slide is served as WebP from /media, with its text, and the block is patched for everyone', async () => {
    const r = await room();
    const patched = r.other.next('state:patch', ({ patch }) => patch.type === 'pechakucha' && patch.block?.talks[0]?.deck != null);
    const { status, body } = await uploadDeck(r, r.host.token, [await pdf(20)]);
    expect(status).toBe(201);
    if (!body.ok) throw new Error(body.error.message);
    const { deck } = body.data;
    expect(deck.source).toBe('pdf');
    expect(deck.slides).toHaveLength(20);
    expect(deck.uploadedBy).toBe(r.host.participantId);
    deck.slides.forEach((s, i) => {
      expect(s.text).toBe(`Folie ${i + 1}: Offene Daten in Ulm`);
      // 960 × 540 pt pages fill the 1920 × 1080 slide box.
      expect([s.width, s.height]).toEqual([1920, 1080]);
    });
    for (const s of deck.slides) {
      const res = await fetch(`${server.url}${s.url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const head = Buffer.from(await res.arrayBuffer()).subarray(0, 12).toString('latin1');
      expect(head.startsWith('RIFF') && head.endsWith('WEBP')).toBe(true);
    }
    const { patch } = await patched;
    expect(patch.type === 'pechakucha' && patch.block?.talks[0]?.deck).toEqual(deck);
    expect((await block$(r.eventId))!.talks[0]!.deck).toEqual(deck);
    expect(await fileTree(join(dataDir, 'staging'))).toEqual([]);
  });

  it('20 PNG and JPEG images are accepted in order with their alt texts; EXIF is gone from the stored slides', async () => {
    const r = await room();
    const files = await images(20);
    files[4] = { bytes: await jpegWithExif('GPS 47.3986N 9.9918E Kamera-Seriennummer 4711'), name: '5.jpg', type: 'image/jpeg' };
    // Big images are fitted into 1920 × 1080, keeping their aspect ratio.
    files[7] = { bytes: await pngBytes(3000, 3000, '#4d7a3a'), name: '8.png', type: 'image/png' };
    const alts = files.map((_, i) => `Bild ${i + 1}: Marktplatz`);
    const { status, body } = await uploadDeck(r, r.presenter.token, files, alts.slice(0, 19));
    expect(status).toBe(201);
    if (!body.ok) throw new Error(body.error.message);
    const { deck } = body.data;
    expect(deck.source).toBe('images');
    expect(deck.slides.map((s) => s.text)).toEqual([...alts.slice(0, 19), '']);
    expect([deck.slides[0]!.width, deck.slides[0]!.height]).toEqual([320, 180]);
    expect([deck.slides[7]!.width, deck.slides[7]!.height]).toEqual([1080, 1080]);
    const jpegSlide = Buffer.from(await (await fetch(`${server.url}${deck.slides[4]!.url}`)).arrayBuffer());
    expect(jpegSlide.includes('Kamera-Seriennummer')).toBe(false);
    expect(jpegSlide.includes('EXIF')).toBe(false);
  });

  it('a new upload replaces the deck and removes the old deck\'s files', async () => {
    const r = await room();
    const first = await uploadDeck(r, r.presenter.token, [await pdf(20)]);
    const second = await uploadDeck(r, r.presenter.token, await images(20));
    if (!first.body.ok || !second.body.ok) throw new Error('upload failed');
    const decks = await fileTree(join(dataDir, 'events', r.eventId, 'decks'));
    expect(decks.filter((p) => p.endsWith('/') && !p.slice(0, -1).includes('/'))).toEqual([`${second.body.data.deck.id}/`]);
    expect((await fetch(`${server.url}${first.body.data.deck.slides[0]!.url}`)).status).toBe(404);
  });

  it('the talk\'s presenter may upload; another participant → auth.forbidden, nothing stored', async () => {
    const r = await room();
    await expectRefused(r, uploadDeck(r, r.other.token, [await pdf(20)]), 403, 'auth.forbidden');
    // The second talk has no presenter account: only hosts may upload for it.
    await expectRefused(r, uploadDeck(r, r.presenter.token, [await pdf(20)], [], r.talkIds[1]), 403, 'auth.forbidden');
    expect((await uploadDeck(r, r.host.token, [await pdf(20)], [], r.talkIds[1])).status).toBe(201);
  });

  it('a renamed executable (ELF or MZ as deck.pdf, application/pdf) → upload.unsupported_type', async () => {
    const r = await room();
    const e1 = await expectRefused(r, uploadDeck(r, r.host.token, [{ bytes: elfBytes(), name: 'deck.pdf', type: 'application/pdf' }]), 415, 'upload.unsupported_type');
    expect(e1?.message).toMatch(/unknown type/);
    await expectRefused(r, uploadDeck(r, r.host.token, [{ bytes: mzBytes(), name: 'folie.png', type: 'image/png' }]), 415, 'upload.unsupported_type');
    // One good image among executables changes nothing.
    const mixed = [...(await images(19)), { bytes: mzBytes(), name: '20.png', type: 'image/png' }];
    await expectRefused(r, uploadDeck(r, r.host.token, mixed), 415, 'upload.unsupported_type');
  });

  it('a video, or a PDF together with images, is not a deck → upload.unsupported_type', async () => {
    const r = await room();
    await expectRefused(r, uploadDeck(r, r.host.token, [{ bytes: mp4Bytes(), name: 'x.pdf' }]), 415, 'upload.unsupported_type');
    await expectRefused(r, uploadDeck(r, r.host.token, [await pdf(20), ...(await images(1))]), 415, 'upload.unsupported_type');
  });

  it('18 or 21 pages → upload.slide_count with {actual, expected}, checked before rendering', async () => {
    const r = await room();
    const e18 = await expectRefused(r, uploadDeck(r, r.host.token, [await pdf(18)]), 422, 'upload.slide_count');
    expect(e18).toMatchObject({ message: 'The deck has 18 slides; the format needs 20.', details: { actual: 18, expected: 20 } });
    const e21 = await expectRefused(r, uploadDeck(r, r.host.token, [await pdf(21)]), 422, 'upload.slide_count');
    expect(e21?.details).toEqual({ actual: 21, expected: 20 });
    const i19 = await expectRefused(r, uploadDeck(r, r.host.token, await images(19)), 422, 'upload.slide_count');
    expect(i19?.details).toEqual({ actual: 19, expected: 20 });
  });

  it('the format decides the count: an Ignite-like 5-slide format takes 5 images', async () => {
    const r = await room({ slides: 5, slideMs: 15_000 });
    expect((await uploadDeck(r, r.host.token, await images(5))).status).toBe(201);
    const e = await expectRefusedElsewhere(r, uploadDeck(r, r.host.token, [await pdf(20)], [], r.talkIds[1]));
    expect(e).toMatchObject({ code: 'upload.slide_count', details: { actual: 20, expected: 5 } });
  });

  it('oversized files → 413 upload.too_large: a PDF over pdfMaxBytes, an image over imageMaxBytes, too many files, the total', async () => {
    const r = await room();
    const big = Buffer.concat([Buffer.from(await pdfBytes(20)), Buffer.alloc(LIMITS.pdfMaxBytes, 0x20)]);
    await expectRefused(r, uploadDeck(r, r.host.token, [{ bytes: big, name: 'big.pdf' }]), 413, 'upload.too_large');
    const files = await images(20);
    files[3] = { bytes: Buffer.concat([await pngBytes(), Buffer.alloc(LIMITS.imageMaxBytes)]), name: '4.png' };
    await expectRefused(r, uploadDeck(r, r.host.token, files), 413, 'upload.too_large');
    await expectRefused(r, uploadDeck(r, r.host.token, await images(61)), 413, 'upload.too_large');
    const heavy = await Promise.all(Array.from({ length: 20 }, async () => ({ bytes: Buffer.concat([await pngBytes(), Buffer.alloc(LIMITS.imageMaxBytes - 2000)]), name: 'x.png' })));
    const e = await expectRefused(r, uploadDeck(r, r.host.token, heavy), 413, 'upload.too_large');
    expect(e?.message).toMatch(/together/);
  });

  it('an image claiming 60,000 × 60,000 pixels is refused before it is decoded → upload.too_large', async () => {
    const r = await room();
    const files = await images(20);
    files[0] = { bytes: pngHeaderOnly(60_000, 60_000), name: '1.png' };
    await expectRefused(r, uploadDeck(r, r.host.token, files), 413, 'upload.too_large');
  });

  it('a corrupted PDF → upload.corrupt: a valid header with garbage, and a real PDF cut short', async () => {
    const r = await room();
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))]);
    await expectRefused(r, uploadDeck(r, r.host.token, [{ bytes: garbage, name: 'kaputt.pdf' }]), 422, 'upload.corrupt');
    const real = await pdfBytes(20);
    const cut = real.subarray(0, Math.floor(real.length * 0.6));
    await expectRefused(r, uploadDeck(r, r.host.token, [{ bytes: cut, name: 'halb.pdf' }]), 422, 'upload.corrupt');
  });

  it('an image that does not decode → upload.corrupt', async () => {
    const r = await room();
    const files = await images(20);
    files[2] = { bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 0x33)]), name: '3.jpg' };
    await expectRefused(r, uploadDeck(r, r.host.token, files), 422, 'upload.corrupt');
  });

  it('no file → upload.missing_file; not multipart → payload.invalid; alt texts without images → payload.invalid', async () => {
    const r = await room();
    const onlyAlt = new FormData();
    onlyAlt.append('alt', 'Folie 1');
    await expectRefused(r, post(`/api/events/${r.code}/talks/${r.talkIds[0]}/deck`, r.host.token, onlyAlt), 422, 'upload.missing_file');
    await expectRefused(r, post(`/api/events/${r.code}/talks/${r.talkIds[0]}/deck`, r.host.token, '{}'), 400, 'payload.invalid');
    await expectRefused(r, uploadDeck(r, r.host.token, await images(20), Array.from({ length: 21 }, () => 'x')), 400, 'payload.invalid');
    const raw = (contentType: string, body: string) =>
      fetch(`${server.url}/api/events/${r.code}/talks/${r.talkIds[0]}/deck`, {
        method: 'POST',
        headers: { authorization: `Bearer ${r.host.token}`, 'content-type': contentType },
        body,
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as Ack<unknown> }));
    const cutShort = '--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n%PDF-1.7 and then nothing';
    await expectRefused(r, raw('multipart/form-data; boundary=xyz', cutShort), 400, 'payload.invalid');
    await expectRefused(r, raw('multipart/form-data', cutShort), 400, 'payload.invalid');
  });

  it('unknown talk → pechakucha.talk_not_found; an event without a block → pechakucha.none; unknown event → event.not_found', async () => {
    const r = await room();
    await expectRefused(r, uploadDeck(r, r.host.token, [await pdf(20)], [], 'no-such-talk'), 404, 'pechakucha.talk_not_found');
    const bare = await createEvent(server.url);
    const host = await joinEvent(server.url, bare.code, { name: 'H', hostKey: bare.hostKey });
    if (!host.ok) throw new Error('join failed');
    const none = await post(`/api/events/${bare.code}/talks/x/deck`, host.data.token, deckForm([await pdf(20)]));
    expect(none.body.ok || none.body.error.code).toBe('pechakucha.none');
    const unknown = await post(`/api/events/ZZZZZZ/talks/x/deck`, host.data.token, deckForm([await pdf(20)]));
    expect(unknown.body.ok || unknown.body.error.code).toBe('event.not_found');
  });

  it('no token → auth.missing; a forged token or one of another event → auth.invalid; a removed presenter → auth.removed', async () => {
    const r = await room();
    const file = [await pdf(20)];
    await expectRefused(r, uploadDeck(r, null, file), 401, 'auth.missing');
    const [payload, mac] = r.presenter.token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ v: 1, e: r.eventId, p: r.host.participantId })).toString('base64url')}.${mac}`;
    await expectRefused(r, uploadDeck(r, forged, file), 401, 'auth.invalid');
    await expectRefused(r, uploadDeck(r, `${payload}.AAAA`, file), 401, 'auth.invalid');
    const elsewhere = await room();
    await expectRefused(r, uploadDeck(r, elsewhere.host.token, file), 401, 'auth.invalid');
    expect((await r.host.request('participant:remove', { participantId: r.presenter.participantId })).ok).toBe(true);
    await expectRefused(r, uploadDeck(r, r.presenter.token, file), 403, 'auth.removed');
  });

  it('a talk that is being given cannot change its deck → pechakucha.running, the rendered files are removed again', async () => {
    const r = await room();
    expect((await r.host.request('pechakucha:start', {})).ok).toBe(true);
    await expectRefused(r, uploadDeck(r, r.host.token, [await pdf(20)]), 409, 'pechakucha.running');
  });
});

/** Like expectRefused, for a room that already holds an accepted deck: only the staging folder must be empty. */
async function expectRefusedElsewhere(r: Room, attempt: Promise<{ status: number; body: Ack<unknown> }>) {
  const before = await block$(r.eventId);
  const { body } = await attempt;
  expect(await block$(r.eventId)).toEqual(before);
  expect(await fileTree(join(dataDir, 'staging'))).toEqual([]);
  return body.ok ? null : body.error;
}

describe('POST /api/events/:code/videos', () => {
  const uploadVideo = (r: Room, token: string, bytes: Uint8Array, title: string | null, name = 'gruss.mp4') => {
    const form = new FormData();
    if (title !== null) form.append('title', title);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'video/mp4' }), name);
    return post<{ video: VideoAsset }>(`/api/events/${r.code}/videos`, token, form);
  };

  it('an MP4 is accepted, listed for everyone and served with Range requests (206)', async () => {
    const r = await room();
    const patched = r.other.next('state:patch', ({ patch }) => patch.type === 'videos');
    const bytes = mp4Bytes(50_000);
    const { status, body } = await uploadVideo(r, r.host.token, bytes, 'Grußwort der Ministerin');
    expect(status).toBe(201);
    if (!body.ok) throw new Error(body.error.message);
    const { video } = body.data;
    expect(video).toMatchObject({ title: 'Grußwort der Ministerin', mime: 'video/mp4', sizeBytes: 50_000 });
    const { patch } = await patched;
    expect(patch).toEqual({ type: 'videos', videos: [video] });
    const res = await fetch(`${server.url}${video.url}`, { headers: { range: 'bytes=100-199' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('content-range')).toBe('bytes 100-199/50000');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(100, 200));
    const onDisk = await readFile(join(dataDir, video.url.replace('/media/', '')));
    expect(onDisk.equals(bytes)).toBe(true);
  });

  it('a WebM is accepted; without a title the file name stands in', async () => {
    const r = await room();
    const { body } = await uploadVideo(r, r.host.token, webmBytes(), null, 'Bürgermeister Grüße.webm');
    if (!body.ok) throw new Error(body.error.message);
    expect(body.data.video).toMatchObject({ title: 'Bürgermeister Grüße', mime: 'video/webm' });
    expect(body.data.video.url).toMatch(/\/video\.webm$/);
  });

  it('an executable → upload.unsupported_type; over videoMaxBytes → upload.too_large; nothing stored', async () => {
    const r = await room();
    await expectRefused(r, uploadVideo(r, r.host.token, elfBytes(), 'Gruß'), 415, 'upload.unsupported_type');
    await expectRefused(r, uploadVideo(r, r.host.token, await pdfBytes(1), 'Gruß'), 415, 'upload.unsupported_type');
    await expectRefused(r, uploadVideo(r, r.host.token, mp4Bytes(LIMITS.videoMaxBytes + 1), 'Gruß'), 413, 'upload.too_large');
  });

  it('only hosts upload videos → auth.forbidden', async () => {
    const r = await room();
    await expectRefused(r, uploadVideo(r, r.presenter.token, mp4Bytes(), 'Gruß'), 403, 'auth.forbidden');
  });
});

describe('/media', () => {
  it('serves nothing outside DATA_DIR/events: no staging, no parent folders', async () => {
    await writeFile(join(dataDir, 'secret.txt'), 'not for the web');
    await mkdir(join(dataDir, 'staging', 'upload-x'), { recursive: true });
    await writeFile(join(dataDir, 'staging', 'upload-x', 'in-1'), 'half an upload');
    const paths = [
      '/media/secret.txt',
      '/media/staging/upload-x/in-1',
      '/media/events/../secret.txt',
      '/media/events/%2e%2e/secret.txt',
      '/media/events/..%2fsecret.txt',
      '/media/events/%2e%2e/staging/upload-x/in-1',
      '/media/events/',
    ];
    for (const path of paths) {
      const res = await fetch(`${server.url}${path}`);
      // 404, or 400 where the path is malformed: never the file.
      expect([400, 404], path).toContain(res.status);
      expect(await res.text()).not.toMatch(/not for the web|half an upload/);
    }
    await rm(join(dataDir, 'staging', 'upload-x'), { recursive: true });
  });
});
