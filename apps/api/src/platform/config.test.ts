import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, defaultRemotes, parseConfig, REPO_ROOT } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('applies the documented defaults for the embedded setup', () => {
    const c = parseConfig({});
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.seedDemo).toBe(true);
    expect(c.dataDir).toBe(path.join(REPO_ROOT, '.hms-data'));
    expect(c.staticRoot).toBe(path.join(REPO_ROOT, 'apps'));
    expect(c.remotes).toEqual(defaultRemotes);
    expect(c.sessionTtlHours).toBe(12);
    expect(c.sessionIdleMinutes).toBe(30);
    expect(c.timezone).toBe('America/New_York');
    expect(c.secureCookies).toBe(false);
    expect(c.logLevel).toBe('info');
  });

  it('does not seed demo users by default with DATABASE_URL, unless HMS_SEED_DEMO=1', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://u:p@localhost/hms' }).seedDemo).toBe(false);
    expect(
      parseConfig({ DATABASE_URL: 'postgres://u:p@localhost/hms', HMS_SEED_DEMO: '1' }).seedDemo,
    ).toBe(true);
  });

  it('parses overrides', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const c = parseConfig({
      PORT: '9000',
      HMS_ENCRYPTION_KEY: key,
      HMS_REMOTES: JSON.stringify({
        intake: 'https://cdn.example.gov/i/remoteEntry.js',
        approvals: '/a.js',
        finance: '/f.js',
        admin: '/ad.js',
      }),
      HMS_SECURE_COOKIES: '1',
      HMS_TIMEZONE: 'America/Chicago',
    });
    expect(c.port).toBe(9000);
    expect(c.encryptionKey?.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(c.remotes.intake).toBe('https://cdn.example.gov/i/remoteEntry.js');
    expect(c.secureCookies).toBe(true);
    expect(c.timezone).toBe('America/Chicago');
  });

  it('names every bad variable, says what is wrong and gives an example', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      HMS_ENCRYPTION_KEY: 'c2hvcnQ=',
      HMS_TIMEZONE: 'Mars/Olympus',
      HMS_SEED_DEMO: 'yes',
      HMS_REMOTES: '{"intake":"ftp://x"}',
      HMS_LOG_LEVEL: 'loud',
      HMS_SMTP_URL: 'mail.example.gov',
    });
    const text = problems.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'HMS_ENCRYPTION_KEY',
      'HMS_TIMEZONE',
      'HMS_SEED_DEMO',
      'HMS_REMOTES',
      'HMS_LOG_LEVEL',
      'HMS_SMTP_URL',
    ]) {
      expect(
        problems.some((p) => p.startsWith(`${name} `)),
        `${name} missing in:\n${text}`,
      ).toBe(true);
    }
    expect(text).toContain('PORT must be a whole number from 1 to 65535 (example: PORT=8080)');
    expect(text).toContain(
      'HMS_TIMEZONE must be an IANA time zone name (example: HMS_TIMEZONE=America/New_York)',
    );
    expect(text).toMatch(/HMS_REMOTES key "approvals"/);
    expect(text).toContain('openssl rand -base64 32');
  });

  it('the entry point prints one message without a stack trace and exits 1', () => {
    let out = '';
    let status = 0;
    try {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', path.join(REPO_ROOT, 'apps/api/src/cli.ts'), 'migrate'],
        {
          env: { ...process.env, PORT: '0x', HMS_TIMEZONE: 'Nowhere/Land' },
          stdio: ['ignore', 'pipe', 'pipe'],
          cwd: path.join(REPO_ROOT, 'apps/api'),
        },
      );
    } catch (err) {
      const e = err as { status: number; stderr: Buffer };
      status = e.status;
      out = e.stderr.toString();
    }
    expect(status).toBe(1);
    expect(out).toContain('HMS cannot start: Invalid configuration:');
    expect(out).toContain('PORT must be a whole number');
    expect(out).toContain('HMS_TIMEZONE must be an IANA time zone name');
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('reads trusted proxies, webhook hosts allowed for development and the public URL, refusing bad entries', () => {
    const c = parseConfig({
      HMS_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1,::1,loopback',
      HMS_WEBHOOK_ALLOWED_HOSTS: 'LocalHost,127.0.0.1,[::1]',
      HMS_PUBLIC_URL: 'https://benefits.example.gov/',
    });
    expect(c.trustedProxies).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'loopback']);
    expect(c.webhookAllowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(c.publicUrl).toBe('https://benefits.example.gov');
    const d = parseConfig({});
    expect(d.trustedProxies).toEqual([]);
    expect(d.webhookAllowedHosts).toEqual([]);
    expect(d.publicUrl).toBe('http://localhost:8080');
    const problems = problemsOf({
      HMS_TRUSTED_PROXIES: '10.0.0.0/33,everyone',
      HMS_WEBHOOK_ALLOWED_HOSTS: 'http://localhost:8080/',
      HMS_PUBLIC_URL: 'https://benefits.example.gov/apply',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^HMS_PUBLIC_URL must be the address people open HMS at/),
      expect.stringMatching(
        /^HMS_TRUSTED_PROXIES has entries that are not valid \(10\.0\.0\.0\/33, everyone\)/,
      ),
      expect.stringMatching(/^HMS_WEBHOOK_ALLOWED_HOSTS has entries that are not valid/),
    ]);
  });
});

describe('originator settings', () => {
  it('default to a valid demo originator', () => {
    const c = parseConfig({});
    expect(c.originator).toEqual({
      companyName: 'HMS BENEFITS',
      companyId: '1234567890',
      odfiRouting: '121042882',
      immediateDestination: '231380104',
      immediateOrigin: '121042882',
      immediateDestinationName: 'FEDERAL RESERVE BANK',
      immediateOriginName: 'HMS PAYMENTS',
      entryDescription: 'BENEFIT',
      sameDayCutoff: '14:45',
      prenoteWaitDays: 3,
    });
  });

  it('name each bad variable and how to fix it, all at once', () => {
    const p = problemsOf({
      HMS_ACH_ODFI_ROUTING: '121042883',
      HMS_ACH_COMPANY_ID: '123',
      HMS_ACH_SAME_DAY_CUTOFF: '25:00',
      HMS_ACH_PRENOTE_WAIT_DAYS: '0',
      HMS_PREVIOUS_ENCRYPTION_KEYS: 'short',
    });
    expect(p).toEqual([
      expect.stringMatching(/^HMS_ACH_COMPANY_ID must be exactly 10 characters/),
      expect.stringMatching(
        /^HMS_ACH_ODFI_ROUTING must be a 9-digit ABA routing number with a valid check digit/,
      ),
      expect.stringMatching(/^HMS_ACH_SAME_DAY_CUTOFF must be a 24-hour HH:MM time/),
      expect.stringMatching(/^HMS_ACH_PRENOTE_WAIT_DAYS must be a whole number from 1 to 30/),
      expect.stringMatching(
        /^HMS_PREVIOUS_ENCRYPTION_KEYS must be a comma-separated list of base64 32-byte keys/,
      ),
    ]);
  });

  it('take the immediate origin from the ODFI routing unless set', () => {
    expect(parseConfig({ HMS_ACH_ODFI_ROUTING: '011000015' }).originator.immediateOrigin).toBe(
      '011000015',
    );
    expect(
      parseConfig({ HMS_ACH_ODFI_ROUTING: '011000015', HMS_ACH_IMMEDIATE_ORIGIN: '1234567890' })
        .originator.immediateOrigin,
    ).toBe('1234567890');
  });
});
