import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../platform/config.ts';
import { SMTP_TIMEOUTS, smtpTransport, smtpTransportOptions } from './email-sender.ts';

const PASSWORD = 'Pw-7f3c@9:x/q%Z';
const withLogin = (rest: string) => `smtp://mailer:${encodeURIComponent(PASSWORD)}@${rest}`;

/** The options nodemailer ended up with (URL parameters merged over ours). */
const transportOptions = (url: string) =>
  (smtpTransport(url) as unknown as { options: Record<string, unknown> }).options;

describe('SMTP transport options', () => {
  it('requires TLS for a login over smtp:// to a mail server, so the password is never sent in clear text', () => {
    const url = withLogin('mail.example.gov:587');
    expect(smtpTransportOptions(url)).toEqual({ url, ...SMTP_TIMEOUTS, requireTLS: true });
    expect(transportOptions(url)).toMatchObject({
      requireTLS: true,
      secure: false,
      host: 'mail.example.gov',
    });
    // Any host that is not loopback, named or by address.
    expect(transportOptions(withLogin('10.0.0.25:25')).requireTLS).toBe(true);
    expect(transportOptions(withLogin('[2001:db8::25]:587')).requireTLS).toBe(true);
  });

  it('leaves loopback, logins off, smtps:// and an explicit requireTLS=false as they are', () => {
    for (const url of [
      withLogin('127.0.0.1:2525'), // the in-process test server
      withLogin('localhost:25'), // a local relay
      withLogin('LocalHost:25'),
      withLogin('[::1]:25'),
      'smtp://mail.example.gov:25', // no login: nothing secret to protect
      `smtps://mailer:${encodeURIComponent(PASSWORD)}@mail.example.gov:465`, // TLS from the start
    ]) {
      expect(smtpTransportOptions(url), url).not.toHaveProperty('requireTLS');
      expect(transportOptions(url).requireTLS, url).toBeUndefined();
    }
    const optOut = withLogin('mail.example.gov:587?requireTLS=false');
    expect(smtpTransportOptions(optOut)).not.toHaveProperty('requireTLS');
    expect(transportOptions(optOut).requireTLS).toBe(false);
  });
});

describe('HMS_SMTP_URL at startup', () => {
  const problemsOf = (value: string): string[] => {
    try {
      parseConfig({ HMS_SMTP_URL: value });
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    return [];
  };

  it('accepts smtp:// and smtps:// URLs with a host, with or without a percent-encoded login', () => {
    for (const url of [
      'smtp://mail.example.gov:587',
      withLogin('mail.example.gov:587'),
      `smtps://mailer:${encodeURIComponent(PASSWORD)}@mail.example.gov`,
      'smtp://[::1]:25',
    ]) {
      expect(problemsOf(url), url).toEqual([]);
      expect(parseConfig({ HMS_SMTP_URL: url }).smtpUrl).toBe(url);
    }
  });

  it.each([
    ['no scheme', 'mail.example.gov', /must be a URL/],
    ['another scheme', 'https://mail.example.gov', /must start with smtp:\/\/ or smtps:\/\//],
    ['no host', 'smtp:mail.example.gov', /must name the mail server/],
    ['a slash in the password', 'smtp://mailer:se/cret@mail.example.gov', /%2F/],
    ['a bare % in the password', 'smtp://mailer:se%zzcret@mail.example.gov', /%25/],
  ])(
    'rejects %s, naming HMS_SMTP_URL and the fix without printing the password',
    (_, value, fix) => {
      const problems = problemsOf(value);
      expect(problems).toHaveLength(1);
      const [problem] = problems as [string];
      expect(problem.startsWith('HMS_SMTP_URL ')).toBe(true);
      expect(problem).toMatch(fix);
      expect(problem).toContain('example: HMS_SMTP_URL=');
      for (const secret of ['se/cret', 'se%zzcret', 'zzcret'])
        expect(problem).not.toContain(secret);
    },
  );
});
