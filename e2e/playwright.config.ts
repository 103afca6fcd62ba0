import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';

/** Playwright cannot download its browsers on our machines: Debian's Chromium when present, else Playwright's own. */
const executablePath = chromiumPath;

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
  // The audio/video spec (four browsers encoding and decoding camera video) runs last and alone
  // too: beside it the video-greeting spec once measured a late joiner 0.64 s off (limit 0.5).
  projects: [
    { name: 'main', testIgnore: /(pechakucha|media)\.spec\.ts/ },
    { name: 'timing', testMatch: /pechakucha\.spec\.ts/, dependencies: ['main'] },
    { name: 'media', testMatch: /media\.spec\.ts/, dependencies: ['timing'] },
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
