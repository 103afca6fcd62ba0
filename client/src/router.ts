/**
 * Routes of the single-page app. The server falls back to index.html for
 * `/`, `/new` and `/j/*`, so these are the only paths the client owns.
 */
import { JoinCode } from '@mashup/shared';

export type Route =
  | { name: 'landing' }
  | { name: 'new' }
  | { name: 'join'; code: string }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'landing' };
  if (path === '/new') return { name: 'new' };
  const join = /^\/j\/([^/]+)$/.exec(path);
  if (join) {
    const code = JoinCode.safeParse(decodeURIComponent(join[1]!));
    return code.success ? { name: 'join', code: code.data } : { name: 'notFound' };
  }
  return { name: 'notFound' };
}

/** The host secret travels in the fragment (`#host=...`) so it never reaches server logs. */
export function hostKeyFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('host');
  return key && key.length <= 128 ? key : null;
}

/**
 * What someone typed into "join code": a code (any case, with spaces or dashes)
 * or a whole participant link. Returns the normalized code or null.
 */
export function parseJoinInput(input: string): string | null {
  const text = input.trim();
  const fromLink = /\/j\/([A-Za-z0-9]+)/.exec(text);
  const candidate = fromLink ? fromLink[1]! : text.replace(/[\s-]/g, '');
  const code = JoinCode.safeParse(candidate);
  return code.success ? code.data : null;
}
