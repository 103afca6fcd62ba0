/** Serves the built client, with the single-page app's routes falling back to index.html. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ERROR_CODES, fail } from '@mashup/shared';

export const defaultClientDir = () => fileURLToPath(new URL('../../../client/dist', import.meta.url));

export async function registerClient(app: FastifyInstance, clientDir: string): Promise<void> {
  const built = existsSync(`${clientDir}/index.html`);
  if (built) {
    // wildcard: files are looked up per request, so a rebuilt client is served without a restart.
    await app.register(fastifyStatic, { root: clientDir, wildcard: true, index: 'index.html' });
  } else {
    app.log.warn({ clientDir }, 'client is not built (run `npm run build`); only the API is served');
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isPage = req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/socket.io');
    if (built && isPage && (path === '/' || path === '/new' || path.startsWith('/j/'))) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(fail(ERROR_CODES.notFound, `Nothing at ${req.method} ${path}.`));
  });
}
