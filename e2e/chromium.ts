/**
 * How Chromium is started for the e2e specs and bench:media: Debian's build
 * (Playwright cannot download its own here; CHROMIUM_PATH overrides), and the
 * flags both need.
 */
import { existsSync } from 'node:fs';

export const chromiumPath: string | undefined =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Our machines have no internet: without these Chromium keeps trying to reach Google's hosts.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Real camera and microphone tracks from a test pattern and a tone, without a permission prompt.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];
