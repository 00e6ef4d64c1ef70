import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_FLAGS, CHROME_PATH } from '../scripts/chromium.mjs';

// The suite runs against the production build served by the API on its own port and a fresh
// embedded database, so it never touches a developer's data. Workers inherit the env var.
const port = Number(process.env.HMS_E2E_PORT ?? 8181);
process.env.HMS_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'hms-e2e-'));
const baseURL = `http://127.0.0.1:${port}`;
// The test mailbox (mail-catcher.mjs): SMTP for the API, HTTP for the tests (helpers.ts readMail).
const smtpPort = port + 1000;
const mailboxPort = port + 2000;
process.env.HMS_E2E_MAILBOX ??= `http://127.0.0.1:${mailboxPort}`;

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROME_PATH,
      args: [...CHROME_FLAGS, '--disable-quic'],
    },
  },
  webServer: [
    {
      command: `node mail-catcher.mjs ${smtpPort} ${mailboxPort}`,
      url: `http://127.0.0.1:${mailboxPort}/`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
    {
      command: 'node --import tsx ../apps/api/src/main.ts',
      url: `${baseURL}/api/ready`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        HMS_DATA_DIR: process.env.HMS_E2E_DATA_DIR,
        HMS_LOG_LEVEL: 'warn',
        HMS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        HMS_PUBLIC_URL: baseURL,
        // Test receivers are local (a closed port: deliveries fail and are logged, which is what the log tests read);
        // the SSRF guard refuses loopback unless the operator lists the host.
        HMS_WEBHOOK_ALLOWED_HOSTS: 'localhost',
      },
    },
  ],
});
