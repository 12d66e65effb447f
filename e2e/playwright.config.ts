import { defineConfig } from '@playwright/test';

/**
 * Journeys in Debian's Chromium (Playwright cannot download its own browsers here)
 * against the built relay and real OpenSSH servers, which global-setup.ts starts.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  // Journeys share one relay and its sshd servers, and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  outputDir: '../.tmp/e2e-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1000, height: 640 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.SEASHELL_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
});
