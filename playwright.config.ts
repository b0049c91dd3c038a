import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { appUrl, demoUrl, e2ePorts, e2eTrainerEmails, sinkApiUrl } from './e2e/ports';

// Never download a browser: use the one this machine has.
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

const serverEnv = {
  SEED_DEMO: '0',
  AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
  SIGN_IN_LIMIT_PER_IP: '1000',
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: 'npx tsx e2e/smtp-sink/serve.ts',
      url: `${sinkApiUrl}/health`,
      env: { E2E_SMTP_PORT: String(e2ePorts.smtp), E2E_SINK_API_PORT: String(e2ePorts.sinkApi) },
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      timeout: 30_000,
    },
    {
      command: 'npx tsx e2e/app-server.ts',
      url: `${appUrl}/api/health/ready`,
      env: {
        ...serverEnv,
        PORT: String(e2ePorts.app),
        APP_URL: appUrl,
        SMTP_URL: `smtp://127.0.0.1:${e2ePorts.smtp}`,
        TRAINER_EMAILS: e2eTrainerEmails.join(','),
        // As behind one reverse proxy: requests without X-Forwarded-For keep their own address.
        TRUST_PROXY: '1',
      },
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      timeout: 240_000,
      stdout: 'pipe',
    },
    {
      // What a newcomer gets from `npm start`: no SMTP, demo data, generated secret; plus one
      // extra trainer address for the accessibility crawl.
      command: 'rm -rf .e2e/demo && npm start --silent',
      url: `${demoUrl}/api/health/ready`,
      env: { PORT: String(e2ePorts.demo), APP_URL: demoUrl, DATA_DIR: '.e2e/demo', TRAINER_EMAILS: 'crawler@e2e.example' },
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      timeout: 240_000,
    },
  ],
});
