import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.ts';
import { ApiProblem, problemFromResponse } from './problem.ts';

function fakeFetch(respond: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(String(input));
    requests.push(request);
    return respond(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const user = {
  id: '0190a0a0-0000-7000-8000-000000000000',
  email: 'a@example.com',
  displayName: 'A',
  roles: ['citizen'],
  language: 'en',
};
const ok = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });

describe('CSRF middleware', () => {
  it('sends the hms_csrf cookie value as x-csrf-token on unsafe methods only', async () => {
    const { fetch, requests } = fakeFetch(() => ok({ user }));
    const client = createApiClient({
      baseUrl: 'http://hms.test',
      fetch,
      getCookies: () => 'other=1; hms_csrf=tok%20en; x=y',
    });
    await client.GET('/api/me');
    await client.PATCH('/api/me', { body: { language: 'es' } });
    expect(requests[0]?.headers.get('x-csrf-token')).toBeNull();
    expect(requests[1]?.method).toBe('PATCH');
    expect(requests[1]?.headers.get('x-csrf-token')).toBe('tok en');
  });

  it('fetches the cookie first when it is missing', async () => {
    let cookies = '';
    const { fetch, requests } = fakeFetch((request) => {
      if (request.method === 'GET') {
        cookies = 'hms_csrf=fresh';
        return new Response(null, { status: 401 });
      }
      return ok({ user });
    });
    const client = createApiClient({
      baseUrl: 'http://hms.test',
      fetch,
      getCookies: () => cookies,
    });
    await client.POST('/api/auth/sign-in', { body: { email: 'a@example.com', password: 'x' } });
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /api/me',
      'POST /api/auth/sign-in',
    ]);
    expect(requests[1]?.headers.get('x-csrf-token')).toBe('fresh');
  });
});

describe('problem responses', () => {
  it('throws an ApiProblem with status, title, detail and field errors', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response(
          JSON.stringify({
            type: 'https://hms.example/problems/validation',
            title: 'Your request has errors',
            status: 422,
            detail: 'Check the fields.',
            code: 'validation.failed',
            params: { count: 1, nested: { no: true } },
            errors: [
              {
                field: 'password',
                message: 'Password must be at least 12 characters long.',
                code: 'field.too_short',
                params: { minimum: 12 },
              },
              { field: 'email', message: 'A newer code is kept.', code: 'field.made_up' },
              { field: 'name', message: 'Not a code is dropped.', code: 'Not a code' },
              { bad: true },
            ],
          }),
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    const client = createApiClient({
      baseUrl: 'http://hms.test',
      fetch,
      getCookies: () => 'hms_csrf=t',
    });
    const error = await client
      .POST('/api/auth/register', {
        body: { email: 'a@example.com', password: 'short', displayName: 'A' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    const problem = error as ApiProblem;
    expect(problem.status).toBe(422);
    expect(problem.title).toBe('Your request has errors');
    expect(problem.detail).toBe('Check the fields.');
    expect(problem.code).toBe('validation.failed');
    // Only string and number params survive: they are interpolated into messages.
    expect(problem.params).toEqual({ count: 1 });
    expect(problem.errors).toEqual([
      {
        field: 'password',
        message: 'Password must be at least 12 characters long.',
        code: 'field.too_short',
        params: { minimum: 12 },
      },
      // The screens find no catalog message for a code they do not know, and show the field's message.
      { field: 'email', message: 'A newer code is kept.', code: 'field.made_up' },
      { field: 'name', message: 'Not a code is dropped.' },
    ]);
    expect(problem.fieldError('password')).toMatch(/12 characters/);
  });

  it('reads Retry-After on throttling', async () => {
    const problem = await problemFromResponse(
      new Response(JSON.stringify({ title: 'Too many attempts', status: 429, detail: 'Wait.' }), {
        status: 429,
        headers: { 'retry-after': '30' },
      }),
    );
    expect(problem.status).toBe(429);
    expect(problem.retryAfterSeconds).toBe(30);
  });

  it('keeps everything but the field errors when a form moves them onto its own fields', async () => {
    const problem = await problemFromResponse(
      new Response(
        JSON.stringify({
          title: 'Too many attempts',
          status: 429,
          detail: 'Wait.',
          code: 'validation.failed',
          params: { count: 1 },
          errors: [{ field: 'body.changes.budgetCents', message: 'Too small.' }],
        }),
        { status: 429, headers: { 'retry-after': '30' } },
      ),
    );
    const moved = problem.withErrors([{ field: 'body.budgetCents', message: 'Too small.' }]);
    expect(moved).toBeInstanceOf(ApiProblem);
    expect(moved).not.toBe(problem);
    expect(moved).toMatchObject({
      status: 429,
      title: 'Too many attempts',
      detail: 'Wait.',
      code: 'validation.failed',
      params: { count: 1 },
      retryAfterSeconds: 30,
    });
    expect(moved.fieldError('body.budgetCents')).toBe('Too small.');
    expect(moved.fieldError('body.changes.budgetCents')).toBeUndefined();
    expect(problem.errors).toHaveLength(1);
  });

  it('still yields a problem when the body is not problem+json', async () => {
    const problem = await problemFromResponse(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(502);
    expect(problem.title).toBe('Bad Gateway');
    expect(problem.errors).toEqual([]);
  });
});
