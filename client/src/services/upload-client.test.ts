import { describe, expect, it } from 'vitest';
import { UploadClient, type UploadPhase, type XhrLike } from './upload-client.js';

/** A scripted XMLHttpRequest: records the request, then plays progress and the reply. */
class FakeXhr {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  upload = { onprogress: null as ((e: ProgressEvent) => void) | null, onload: null as (() => void) | null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  aborted = false;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  reply(status: number, body: unknown) {
    this.upload.onload?.();
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

function client() {
  const xhrs: FakeXhr[] = [];
  const uploads = new UploadClient(() => {
    const x = new FakeXhr();
    xhrs.push(x);
    return x as unknown as XhrLike;
  });
  return { xhrs, uploads };
}

const deck = { id: 'd1', source: 'pdf', slides: [{ url: '/media/x/0.webp', text: 'Eins', width: 1600, height: 900 }], uploadedAt: 1, uploadedBy: 'p' };

describe('UploadClient', () => {
  it('a PDF: multipart field "files", bearer token, progress then "processing", the deck back', async () => {
    const { xhrs, uploads } = client();
    const seen: UploadPhase[] = [];
    const done = uploads.uploadDeck('ABC DEF', 't/1', 'tok', { pdf: new Blob(['%PDF']), name: 'mein.pdf' }, { onProgress: (p) => seen.push(p) });
    const x = xhrs[0]!;
    expect(x.method).toBe('POST');
    expect(x.url).toBe('/api/events/ABC%20DEF/talks/t%2F1/deck');
    expect(x.headers.authorization).toBe('Bearer tok');
    expect((x.body!.getAll('files')[0] as File).name).toBe('mein.pdf');
    x.progress(50, 100);
    x.reply(201, { ok: true, data: { deck } });
    expect(await done).toEqual({ ok: true, data: { deck } });
    expect(seen).toEqual([{ phase: 'sending', fraction: 0 }, { phase: 'sending', fraction: 0.5 }, { phase: 'processing' }]);
  });

  it('images: one "files" entry per slide in order, with one "alt" each', async () => {
    const { xhrs, uploads } = client();
    const done = uploads.uploadDeck('C', 't', 'tok', {
      images: [
        { file: new File(['1'], 'a.png', { type: 'image/png' }), alt: 'Titel' },
        { file: new File(['2'], 'b.png', { type: 'image/png' }), alt: '' },
      ],
    });
    const body = xhrs[0]!.body!;
    expect(body.getAll('files').map((f) => (f as File).name)).toEqual(['a.png', 'b.png']);
    expect(body.getAll('alt')).toEqual(['Titel', '']);
    xhrs[0]!.reply(201, { ok: true, data: { deck } });
    expect((await done).ok).toBe(true);
  });

  it("the server's refusal keeps its code and details (wording: error-messages.ts)", async () => {
    const { xhrs, uploads } = client();
    const done = uploads.uploadDeck('C', 't', 'tok', { pdf: new Blob(['x']) });
    xhrs[0]!.reply(422, { ok: false, error: { code: 'upload.slide_count', message: 'm', details: { actual: 18, expected: 20 } } });
    expect(await done).toEqual({ ok: false, error: { code: 'upload.slide_count', message: 'm', details: { actual: 18, expected: 20 } } });
  });

  it('a bare 413 from a proxy → upload.too_large; a network failure → server.unavailable', async () => {
    const { xhrs, uploads } = client();
    const big = uploads.uploadVideo('C', 'tok', new Blob(['x']), 'Gruß');
    xhrs[0]!.reply(413, '<html>Request Entity Too Large</html>');
    expect(await big).toMatchObject({ ok: false, error: { code: 'upload.too_large' } });
    const lost = uploads.uploadVideo('C', 'tok', new Blob(['x']), 'Gruß');
    xhrs[1]!.onerror?.();
    expect(await lost).toMatchObject({ ok: false, error: { code: 'server.unavailable' } });
  });

  it('a video: title first, then the file; reply as {video} or the bare asset', async () => {
    const { xhrs, uploads } = client();
    const video = { id: 'v1', title: 'Gruß', url: '/media/v1.mp4', mime: 'video/mp4', sizeBytes: 10, uploadedAt: 1 };
    const a = uploads.uploadVideo('C', 'tok', new Blob(['x']), 'Gruß');
    expect([...xhrs[0]!.body!.keys()]).toEqual(['title', 'file']);
    xhrs[0]!.reply(201, { ok: true, data: { video } });
    expect(await a).toEqual({ ok: true, data: { video } });
    const b = uploads.uploadVideo('C', 'tok', new Blob(['x']), 'Gruß');
    xhrs[1]!.reply(201, { ok: true, data: video });
    expect(await b).toEqual({ ok: true, data: { video } });
  });

  it('aborting (the form closed) ends the request', async () => {
    const { xhrs, uploads } = client();
    const ctrl = new AbortController();
    const done = uploads.uploadDeck('C', 't', 'tok', { pdf: new Blob(['x']) }, { signal: ctrl.signal });
    ctrl.abort();
    expect(xhrs[0]!.aborted).toBe(true);
    expect((await done).ok).toBe(false);
  });
});
