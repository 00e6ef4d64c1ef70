import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '@hms/contracts/error-codes';
import { problemSchema } from '@hms/contracts/problem';
import { Agent, useTestApp } from '../testing/test-app.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

const FACTORY =
  /\b(?:new HttpProblem|badRequest|unauthorized|forbidden|notFound|conflict|tooManyRequests|serviceUnavailable)\(\s*/g;

describe('every problem the API builds has a documented code (static)', () => {
  const calls = sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(FACTORY)].map((m) => ({
      where: `${path.relative(SRC, file)}:${text.slice(0, m.index).split('\n').length}`,
      // The first argument: a quoted code, or a name/condition a helper forwards (checked by typecheck).
      first: text.slice(m.index + m[0].length, m.index + m[0].length + 200),
      declaration: /(?:function|const)\s+\w+\s*=?\s*$/.test(text.slice(0, m.index)),
    }));
  });

  it('finds the construction sites', () => {
    expect(calls.length).toBeGreaterThan(100);
  });

  it('passes a known code literal first, or forwards a typed code', () => {
    const bad = calls.filter((c) => {
      if (c.first.startsWith(')')) return false; // unauthorized() / serviceUnavailable(): default code
      const literal = /^'([^']+)'/.exec(c.first);
      if (literal) return !isErrorCode(literal[1]);
      // A helper forwarding its `code` parameter, or choosing between codes by status.
      return !/^(code\b|status === )/.test(c.first);
    });
    expect(bad.map((c) => `${c.where}: ${c.first.slice(0, 60)}`)).toEqual([]);
  });
});

const t = useTestApp();

async function expectCode(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = JSON.parse(res.body) as { code: string; type: string };
  expect(problemSchema.safeParse(body).success).toBe(true);
  expect(body.code).toBe(code);
  expect(body.type).toBe(`https://hms.example.gov/problems/${code}`);
  return body;
}

describe('every problem the API returns has a code from the list (walking error paths)', () => {
  it('platform: not signed in, wrong role, unknown route, validation with field codes, CSRF', async () => {
    await expectCode(await t.app.inject({ url: '/api/notifications' }), 401, 'auth.not_signed_in');
    const citizen = await t.signIn('citizen');
    await expectCode(await citizen.get('/api/inbox'), 403, 'auth.role_required');
    await expectCode(await citizen.get('/api/nothing-here'), 404, 'http.route_not_found');
    await expectCode(
      await citizen.post('/api/requests/x/withdraw', {}, { csrf: false }),
      403,
      'auth.csrf_failed',
    );
    const invalid = await expectCode(
      await new Agent(t.app).post('/api/auth/sign-in', { email: 'a@b.gov' }),
      400,
      'validation.failed',
    );
    expect((invalid as unknown as { errors: Array<{ code?: string }> }).errors[0]!.code).toBe(
      'field.required',
    );
    await expectCode(
      await new Agent(t.app).post('/api/auth/sign-in', {
        email: 'citizen@example.gov',
        password: 'not the right password',
      }),
      401,
      'auth.sign_in_failed',
    );
  });

  it('the router: a path that is not valid URL encoding, a path segment over its length limit', async () => {
    await expectCode(
      await t.app.inject({ url: '/api/programs/%E0%A4%A' }),
      400,
      'http.bad_request',
    );
    await expectCode(
      await t.app.inject({ url: `/api/programs/${'a'.repeat(600)}` }),
      414,
      'http.bad_request',
    );
  });

  it('modules: unknown program, unknown request, unknown notification, cursor, staff rules', async () => {
    const citizen = await t.signIn('citizen');
    await expectCode(await citizen.get('/api/programs/no-such-program'), 404, 'program.not_found');
    await expectCode(
      await citizen.get('/api/requests/0190f1f0-0000-7000-8000-000000000000'),
      404,
      'request.not_found',
    );
    await expectCode(
      await citizen.post('/api/notifications/0190f1f0-0000-7000-8000-000000000000/read'),
      404,
      'notification.not_found',
    );
    await expectCode(
      await citizen.get('/api/notifications?cursor=bm90LWEtY3Vyc29y'),
      400,
      'validation.cursor_invalid',
    );
    const approver = await t.signIn('approver');
    await expectCode(
      await approver.post('/api/requests/0190f1f0-0000-7000-8000-000000000000/claim'),
      404,
      'request.not_found',
    );
    const finance = await t.signIn('finance');
    await expectCode(
      await finance.get('/api/batches/0190f1f0-0000-7000-8000-000000000000'),
      404,
      'batch.not_found',
    );
  });
});
