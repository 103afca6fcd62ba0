import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The server's port in development; `npm run dev -w client` proxies API and socket calls to it.
const serverOrigin = process.env.MASHUP_SERVER ?? 'http://localhost:8080';

export default defineConfig({
  root,
  resolve: {
    // @mashup/shared resolves to its TypeScript sources, so the client never waits for a shared build.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': serverOrigin,
      '/healthz': serverOrigin,
      '/socket.io': { target: serverOrigin, ws: true },
    },
  },
});
