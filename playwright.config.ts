import { defineConfig } from '@playwright/test';

// Browser tests run against the production build served by `vite preview`, so workers, the service worker
// and IndexedDB behave as they do for users. Debian's Chromium is used: Playwright cannot download browsers here.
const port = Number(process.env.E2E_PORT ?? 4174);
// E2E_DIST serves another build directory (e.g. a private build while dist/ is being rebuilt).
const outDir = process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : '';

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1440, height: 900 },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort${outDir}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
