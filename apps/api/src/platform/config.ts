import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { remotesSchema, type Remotes } from '@hms/contracts/platform';

// apps/api/src/platform -> repo root; used for defaults so `npm start` works from any working directory.
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const flag = (name: string) =>
  z
    .enum(['0', '1'], { error: `${name} must be 0 or 1 (example: ${name}=1)` })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === '1'));

const positiveInt = (name: string, example: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a whole number from 1 to ${max} (example: ${name}=${example})`,
        });
        return z.NEVER;
      }
      return n;
    });

/** ABA check digit: 3·d1 + 7·d2 + d3 + … ≡ 0 (mod 10). */
function abaValid(v: string): boolean {
  if (!/^[0-9]{9}$/.test(v)) return false;
  const w = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  return [...v].reduce((t, d, i) => t + Number(d) * w[i]!, 0) % 10 === 0;
}

const routingNumber = (name: string, example: string) =>
  z
    .string()
    .refine(abaValid, {
      error: `must be a 9-digit ABA routing number with a valid check digit (example: ${name}=${example})`,
    })
    .optional();

const achName = (name: string, example: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9 &.,'-]{1,23}$/, {
      error: `must be 1 to 23 letters, digits or spaces (example: ${name}="${example}")`,
    })
    .optional();

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const SMTP_URL_EXAMPLE =
  '(example: HMS_SMTP_URL=smtps://mailer:secret@mail.example.gov:465, or smtp://…:587 for STARTTLS)';

/** Decodes a percent-encoded URL part; false when the encoding is broken (a bare % in a password). */
function decodesCleanly(part: string): boolean {
  try {
    decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with an HMS_SMTP_URL, or undefined. The messages never repeat the value: it usually holds the SMTP
 * password, and this text is printed at startup.
 */
function smtpUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be a URL; percent-encode / : @ ? # % in the user name or password (@ as %40, / as %2F) ${SMTP_URL_EXAMPLE}`;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    return `must start with smtp:// or smtps:// ${SMTP_URL_EXAMPLE}`;
  if (url.hostname === '') return `must name the mail server after // ${SMTP_URL_EXAMPLE}`;
  if (!decodesCleanly(url.username) || !decodesCleanly(url.password))
    return `has a user name or password that is not valid percent-encoding; write % as %25 ${SMTP_URL_EXAMPLE}`;
  return undefined;
}

/** A proxy address for Fastify's trustProxy: an IP, an IP/prefix CIDR, or a proxy-addr name (loopback, …). */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [ip, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || ip === undefined) return false;
  const family = isIP(ip);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^[0-9]{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** A host name as the WHATWG URL parser writes it (lowercase, IPv6 in brackets), or an IP literal. */
function isHostEntry(entry: string): boolean {
  if (isIP(entry.replace(/^\[(.*)\]$/, '$1')) !== 0) return true;
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(
    entry,
  );
}

const commaList = (name: string, valid: (entry: string) => boolean, hint: string) =>
  z
    .string()
    .transform((v, ctx) => {
      const entries = v
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '');
      const bad = entries.filter((e) => !valid(e));
      if (bad.length > 0 || entries.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${bad.length > 0 ? `has entries that are not valid (${bad.join(', ')}); ` : ''}${hint} (example: ${name}=${name === 'HMS_TRUSTED_PROXIES' ? '10.0.0.0/8,127.0.0.1' : 'localhost,127.0.0.1'})`,
        });
        return z.NEVER;
      }
      return entries;
    })
    .optional();

const envSchema = z.object({
  PORT: positiveInt('PORT', 8080, 65535),
  HOST: z.string().min(1, { error: 'must not be empty (example: HOST=0.0.0.0)' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, {
      error:
        'must be a PostgreSQL URL (example: DATABASE_URL=postgres://hms:secret@localhost:5432/hms), or unset it to use the embedded database',
    })
    .optional(),
  HMS_DATA_DIR: z
    .string()
    .min(1, { error: 'must be a folder path (example: HMS_DATA_DIR=/var/lib/hms)' })
    .optional(),
  HMS_SEED_DEMO: flag('HMS_SEED_DEMO'),
  HMS_ENCRYPTION_KEY: z
    .string()
    .refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, 'base64').length === 32, {
      error:
        'must be the base64 encoding of exactly 32 random bytes (generate one with: openssl rand -base64 32)',
    })
    .optional(),
  HMS_REMOTES: z
    .string()
    .transform((v, ctx) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(v);
      } catch {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be valid JSON (example: HMS_REMOTES={"intake":"/remotes/intake/remoteEntry.js","approvals":"/remotes/approvals/remoteEntry.js","finance":"https://cdn.example.gov/finance/remoteEntry.js","admin":"/remotes/admin/remoteEntry.js"})',
        });
        return z.NEVER;
      }
      const r = remotesSchema.safeParse(parsed);
      if (!r.success) {
        for (const issue of r.error.issues) {
          ctx.addIssue({
            code: 'custom',
            message: `key "${issue.path.join('.') || '(root)'}": ${issue.message} Keys required: intake, approvals, finance, admin.`,
          });
        }
        return z.NEVER;
      }
      return r.data;
    })
    .optional(),
  HMS_SESSION_TTL_HOURS: positiveInt('HMS_SESSION_TTL_HOURS', 12, 24 * 30),
  HMS_SESSION_IDLE_MINUTES: positiveInt('HMS_SESSION_IDLE_MINUTES', 30, 24 * 60),
  HMS_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error:
        'must be one of fatal, error, warn, info, debug, trace, silent (example: HMS_LOG_LEVEL=info)',
    })
    .optional(),
  HMS_TIMEZONE: z
    .string()
    .refine(isValidTimeZone, {
      error: 'must be an IANA time zone name (example: HMS_TIMEZONE=America/New_York)',
    })
    .optional(),
  HMS_SECURE_COOKIES: flag('HMS_SECURE_COOKIES'),
  HMS_STATIC_ROOT: z
    .string()
    .min(1, { error: 'must be a folder path (example: HMS_STATIC_ROOT=/srv/hms/apps)' })
    .optional(),
  HMS_SMTP_URL: z
    .string()
    .transform((v, ctx) => {
      const problem = smtpUrlProblem(v);
      if (problem === undefined) return v;
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    })
    .optional(),
  // Payments / ACH originator (issue 5); demo defaults below. Checked again as a whole in originatorFromEnv.
  HMS_ACH_COMPANY_NAME: z
    .string()
    .regex(/^[A-Za-z0-9 &.,'-]{1,16}$/, {
      error:
        'must be 1 to 16 letters, digits or spaces (example: HMS_ACH_COMPANY_NAME="HMS BENEFITS")',
    })
    .optional(),
  HMS_ACH_COMPANY_ID: z
    .string()
    .regex(/^[A-Za-z0-9 ]{10}$/, {
      error:
        'must be exactly 10 characters, usually 1 + the 9-digit EIN (example: HMS_ACH_COMPANY_ID=1234567890)',
    })
    .optional(),
  HMS_ACH_ODFI_ROUTING: routingNumber('HMS_ACH_ODFI_ROUTING', '121042882'),
  HMS_ACH_IMMEDIATE_DESTINATION: routingNumber('HMS_ACH_IMMEDIATE_DESTINATION', '231380104'),
  HMS_ACH_IMMEDIATE_ORIGIN: z
    .string()
    .regex(/^[0-9]{9,10}$/, {
      error:
        'must be 9 or 10 digits: a routing number or the bank-assigned origin id (example: HMS_ACH_IMMEDIATE_ORIGIN=121042882)',
    })
    .optional(),
  HMS_ACH_IMMEDIATE_DESTINATION_NAME: achName(
    'HMS_ACH_IMMEDIATE_DESTINATION_NAME',
    'FEDERAL RESERVE BANK',
  ),
  HMS_ACH_IMMEDIATE_ORIGIN_NAME: achName('HMS_ACH_IMMEDIATE_ORIGIN_NAME', 'HMS PAYMENTS'),
  HMS_ACH_ENTRY_DESCRIPTION: z
    .string()
    .regex(/^[A-Za-z0-9 ]{1,10}$/, {
      error:
        'must be 1 to 10 letters, digits or spaces (example: HMS_ACH_ENTRY_DESCRIPTION=BENEFIT)',
    })
    .optional(),
  HMS_ACH_SAME_DAY_CUTOFF: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, {
      error:
        'must be a 24-hour HH:MM time in HMS_TIMEZONE (example: HMS_ACH_SAME_DAY_CUTOFF=14:45)',
    })
    .optional(),
  HMS_ACH_PRENOTE_WAIT_DAYS: positiveInt('HMS_ACH_PRENOTE_WAIT_DAYS', 3, 30),
  HMS_PREVIOUS_ENCRYPTION_KEYS: z
    .string()
    .refine(
      (v) =>
        v
          .split(',')
          .map((k) => k.trim())
          .every((k) => /^[A-Za-z0-9+/]{43}=$/.test(k) && Buffer.from(k, 'base64').length === 32),
      {
        error:
          'must be a comma-separated list of base64 32-byte keys (the keys HMS_ENCRYPTION_KEY had before a rotation)',
      },
    )
    .optional(),
  HMS_WEBHOOK_WORKER: flag('HMS_WEBHOOK_WORKER'),
  HMS_SHUTDOWN_GRACE_SECONDS: positiveInt('HMS_SHUTDOWN_GRACE_SECONDS', 10, 300),
  HMS_PUBLIC_URL: z
    .string()
    .refine(
      (v) => {
        try {
          const u = new URL(v);
          return (
            (u.protocol === 'https:' || u.protocol === 'http:') &&
            u.pathname === '/' &&
            !u.search &&
            !u.hash &&
            !u.username
          );
        } catch {
          return false;
        }
      },
      {
        error:
          'must be the address people open HMS at, with no path (example: HMS_PUBLIC_URL=https://benefits.example.gov)',
      },
    )
    .optional(),
  HMS_TRUSTED_PROXIES: commaList(
    'HMS_TRUSTED_PROXIES',
    isProxyAddress,
    'must be a comma-separated list of proxy IP addresses or CIDR ranges',
  ),
  HMS_WEBHOOK_ALLOWED_HOSTS: commaList(
    'HMS_WEBHOOK_ALLOWED_HOSTS',
    isHostEntry,
    'must be a comma-separated list of host names or IP addresses (for local development only)',
  ),
});

export interface OriginatorConfig {
  companyName: string;
  companyId: string;
  odfiRouting: string;
  immediateDestination: string;
  immediateOrigin: string;
  immediateDestinationName: string;
  immediateOriginName: string;
  entryDescription: string;
  sameDayCutoff: string;
  prenoteWaitDays: number;
}

export interface Config {
  port: number;
  host: string;
  /** undefined = embedded PGlite. */
  databaseUrl: string | undefined;
  dataDir: string;
  seedDemo: boolean;
  /** undefined = use (or create) the key file in dataDir; see platform/crypto-key.ts. */
  encryptionKey: Buffer | undefined;
  remotes: Remotes;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  timezone: string;
  secureCookies: boolean;
  staticRoot: string;
  smtpUrl: string | undefined;
  originator: OriginatorConfig;
  /** Keys that sealed values before a rotation; read-only (see modules/originator/keyring.ts). */
  previousEncryptionKeys: Buffer[];
  /** Start the webhook delivery worker with the server (default on). */
  webhookWorker: boolean;
  /** How long a stop (SIGTERM, SIGINT) waits for requests in flight before it cuts their connections. */
  shutdownGraceMs: number;
  /**
   * Addresses (IPs, CIDRs) of the reverse proxies whose X-Forwarded-For / -Proto / -Host are believed; empty = none,
   * request.ip is the socket's peer. Never implied by secureCookies: trusting every hop lets a client forge its IP.
   */
  trustedProxies: string[];
  /**
   * The address people open HMS at (no trailing slash), for links in emails. Never taken from the request's Host
   * header: a forged Host would otherwise put an attacker's address into a confirmation link.
   */
  publicUrl: string;
  /**
   * Webhook hosts exempt from the private-address (SSRF) refusal, for local development receivers only; compared
   * with the URL's host as the WHATWG URL parser normalises it (lowercase, IPv4 in dotted decimal, IPv6 in brackets).
   */
  webhookAllowedHosts: string[];
}

export const defaultRemotes: Remotes = {
  intake: '/remotes/intake/remoteEntry.js',
  approvals: '/remotes/approvals/remoteEntry.js',
  finance: '/remotes/finance/remoteEntry.js',
  admin: '/remotes/admin/remoteEntry.js',
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse configuration from an environment map. Throws ConfigError listing every bad variable at once. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  // Empty strings are treated as unset: `FOO= pnpm start` is a common way to clear a variable.
  const cleaned: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const v = env[key];
    cleaned[key] = v === undefined || v === '' ? undefined : v;
  }
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${String(i.path[0] ?? '(env)')} ${i.message}`);
    throw new ConfigError(problems);
  }
  const e = result.data;
  const embedded = e.DATABASE_URL === undefined;
  return {
    port: e.PORT ?? 8080,
    host: e.HOST ?? '127.0.0.1',
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.HMS_DATA_DIR ?? path.join(REPO_ROOT, '.hms-data')),
    seedDemo: e.HMS_SEED_DEMO ?? embedded,
    encryptionKey:
      e.HMS_ENCRYPTION_KEY === undefined ? undefined : Buffer.from(e.HMS_ENCRYPTION_KEY, 'base64'),
    remotes: e.HMS_REMOTES ?? defaultRemotes,
    sessionTtlHours: e.HMS_SESSION_TTL_HOURS ?? 12,
    sessionIdleMinutes: e.HMS_SESSION_IDLE_MINUTES ?? 30,
    logLevel: e.HMS_LOG_LEVEL ?? 'info',
    timezone: e.HMS_TIMEZONE ?? 'America/New_York',
    secureCookies: e.HMS_SECURE_COOKIES ?? false,
    staticRoot: path.resolve(e.HMS_STATIC_ROOT ?? path.join(REPO_ROOT, 'apps')),
    smtpUrl: e.HMS_SMTP_URL,
    originator: {
      companyName: (e.HMS_ACH_COMPANY_NAME ?? 'HMS BENEFITS').toUpperCase(),
      companyId: e.HMS_ACH_COMPANY_ID ?? '1234567890',
      odfiRouting: e.HMS_ACH_ODFI_ROUTING ?? '121042882',
      immediateDestination: e.HMS_ACH_IMMEDIATE_DESTINATION ?? '231380104',
      immediateOrigin: e.HMS_ACH_IMMEDIATE_ORIGIN ?? e.HMS_ACH_ODFI_ROUTING ?? '121042882',
      immediateDestinationName: (
        e.HMS_ACH_IMMEDIATE_DESTINATION_NAME ?? 'FEDERAL RESERVE BANK'
      ).toUpperCase(),
      immediateOriginName: (e.HMS_ACH_IMMEDIATE_ORIGIN_NAME ?? 'HMS PAYMENTS').toUpperCase(),
      entryDescription: (e.HMS_ACH_ENTRY_DESCRIPTION ?? 'BENEFIT').toUpperCase(),
      sameDayCutoff: e.HMS_ACH_SAME_DAY_CUTOFF ?? '14:45',
      prenoteWaitDays: e.HMS_ACH_PRENOTE_WAIT_DAYS ?? 3,
    },
    previousEncryptionKeys: (e.HMS_PREVIOUS_ENCRYPTION_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '')
      .map((k) => Buffer.from(k, 'base64')),
    webhookWorker: e.HMS_WEBHOOK_WORKER ?? true,
    shutdownGraceMs: (e.HMS_SHUTDOWN_GRACE_SECONDS ?? 10) * 1000,
    trustedProxies: e.HMS_TRUSTED_PROXIES ?? [],
    publicUrl: (
      e.HMS_PUBLIC_URL ??
      `http://${['0.0.0.0', '::', '127.0.0.1'].includes(e.HOST ?? '127.0.0.1') ? 'localhost' : (e.HOST ?? 'localhost')}:${e.PORT ?? 8080}`
    ).replace(/\/$/, ''),
    webhookAllowedHosts: (e.HMS_WEBHOOK_ALLOWED_HOSTS ?? []).map((h) => h.toLowerCase()),
  };
}

/** For entry points: parse, or print one clear message (no stack trace) and exit 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`HMS cannot start: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

export function staticRootHasShell(config: Config): boolean {
  return existsSync(path.join(config.staticRoot, 'shell', 'dist', 'index.html'));
}
