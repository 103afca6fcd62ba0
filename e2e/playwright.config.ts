import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';

/** Playwright cannot download its browsers on our machines: Debian's Chromium when present, else Playwright's own. */
const executablePath = chromiumPath;

/** The specs that run after all others, alone (see `projects`). */
const TIMING_SPECS = /pechakucha\.spec\.ts$/;
/** media.spec.ts, media-controls.spec.ts …: every file named media*.spec.ts. */
const MEDIA_SPECS = /[\\/]media[\w-]*\.spec\.ts$/;

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  // Two cores: one worker per core; each test opens several browser contexts.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '.artifacts/report' }]],
  outputDir: '.artifacts/results',
  // The Pecha Kucha spec measures switch moments across pages (≤ 100 ms apart): it runs
  // after everything else, alone, so a busy second worker (five browsers in the
  // workshop-round spec) cannot stall one of its pages on our 2-core machines.
  // The audio/video specs (media*.spec.ts: browsers encoding and decoding camera video) run last
  // and alone too: beside them the video-greeting spec once measured a late joiner 0.64 s off (limit 0.5).
  // One at a time among themselves as well: side by side, six or seven camera browsers saturate both
  // cores (bench:media) and the stage spec's 10 s talk leaves little room; serially they take about as long.
  projects: [
    { name: 'main', testIgnore: [TIMING_SPECS, MEDIA_SPECS] },
    { name: 'timing', testMatch: TIMING_SPECS, dependencies: ['main'] },
    { name: 'media', testMatch: MEDIA_SPECS, dependencies: ['timing'], workers: 1 },
  ],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
});
