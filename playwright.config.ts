import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's headless shell (package chromium-headless-shell: the same Chromium without the
// browser's own UI) when it is installed, ~18 % less e2e time here; else the full browser,
// headless. CHROMIUM_PATH overrides both.
const chromiumPath =
  process.env.CHROMIUM_PATH ??
  ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'].find((file) => fs.existsSync(file));

/**
 * Specs that run beside the others, on a second worker: the spike scenario mostly waits on the
 * clock, and single sign-on starts servers and a database of its own.
 */
const BESIDE = ['**/metrics-spike.spec.ts', '**/sso.spec.ts'];
/** Specs that kill the shared server (fixtures.ts restartServer): nothing else may run meanwhile. */
const RESTARTS = ['**/live-war-room.spec.ts', '**/wall.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // The specs share one server, and most of them keep the machine's two cores busy: they run one
  // at a time (the `main` project). Those that neither use nor disturb it much run beside them on
  // a second worker (the spike scenario spends a minute waiting: 30 s calm, then a 30 s sustain
  // window); the specs that kill and restart the server run last, alone, once both are done.
  workers: 2,
  projects: [
    { name: 'beside', testMatch: BESIDE, workers: 1 },
    { name: 'main', testIgnore: [...BESIDE, ...RESTARTS], workers: 1 },
    { name: 'restarts', testMatch: RESTARTS, workers: 1, dependencies: ['beside', 'main'] },
  ],
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: 'test-results/e2e',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    // A failed test keeps its trace (actions, network, console) and a screenshot, and its error
    // context holds the page's accessibility tree; the trace's own DOM snapshots and screencast
    // were taken for every action of every test and cost ~15 % of the e2e run.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
