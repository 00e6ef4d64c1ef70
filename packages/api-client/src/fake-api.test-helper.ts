// The one way web tests fake the API: at the network edge. `fetch` is stubbed, so the real API client, its
// middleware (CSRF header, problem+json into ApiProblem), the query options and the components all run.
import { vi } from 'vitest';
import type { ImportedOrigin } from '@hms/contracts/imported';
import type { Program } from './queries.ts';

/** What a fake route answers: a JSON body (a string is sent as it is) and a status (200 unless given), or a Response. */
export type FakeReply =
  { status?: number; body?: unknown; headers?: Record<string, string> } | Response;
export type FakeHandler = (request: Request, body: unknown) => FakeReply | Promise<FakeReply>;

/** One call the page made; `body` is the parsed JSON (or the text, if not JSON), undefined for a GET. */
export interface FakeCall {
  method: string;
  url: URL;
  body: unknown;
  request: Request;
}

function toResponse(reply: FakeReply): Response {
  if (reply instanceof Response) return reply;
  const status = reply.status ?? 200;
  const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null);
  return new Response(payload, {
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      ...reply.headers,
    },
  });
}

async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET') return undefined;
  const text = await request.clone().text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Stubs `fetch` with a fake API and returns the list it records every call in. `routes` maps "METHOD /path" (no query
 * string) to a handler, and any other call answers a 404 problem; a single handler answers every call instead. The
 * CSRF cookie is set as a signed-in browser has it. Undo with `vi.unstubAllGlobals()` after each test.
 */
export function fakeApi(routes: Record<string, FakeHandler> | FakeHandler): FakeCall[] {
  const calls: FakeCall[] = [];
  document.cookie = 'hms_csrf=test-token';
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    const body = await readBody(request);
    calls.push({ method: request.method, url, body, request });
    const handler =
      typeof routes === 'function' ? routes : routes[`${request.method} ${url.pathname}`];
    if (!handler)
      return toResponse({
        status: 404,
        body: { type: 'about:blank', title: 'Not found', status: 404, detail: url.pathname },
      });
    return toResponse(await handler(request, body));
  });
  return calls;
}

const TITLES: Record<number, string> = {
  400: 'Your request has errors',
  404: 'Not found',
  409: 'Conflict',
  503: 'Unavailable',
};

/**
 * A refusal as the API answers it (problem+json): its status and code, a title for the status, and `more` fields
 * (the fields refused as `errors`, a `detail`, another title).
 */
export function problem(
  status: number,
  code: string,
  more: Record<string, unknown> = {},
): FakeReply {
  return {
    status,
    body: { type: 'about:blank', title: TITLES[status] ?? 'Refused', status, code, ...more },
  };
}

/**
 * One program as the catalog (GET /api/programs) lists it, open and without a budget worth naming; a test states
 * only what it looks at.
 */
export function fakeProgram(over: Partial<Program> = {}): Program {
  return {
    id: 'p1',
    slug: 'home-energy-rebate',
    name: { en: 'Home Energy Rebate', es: 'Reembolso de energía' },
    description: { en: '', es: '' },
    eligibility: { en: '', es: '' },
    maxAmountCents: 1,
    opensAt: null,
    closesAt: null,
    isOpen: true,
    acceptingApplications: true,
    closedReason: null,
    reviewDeadlineDays: 10,
    ...over,
  };
}

/**
 * Where an imported record came from (its `imported` mark), as every read of a request or payment carries it: the old
 * system's id, from the legacy requests file, imported on November 30, 2026, without a note unless given.
 */
export function fakeImported(
  externalId: string,
  over: Partial<ImportedOrigin> = {},
): ImportedOrigin {
  return {
    externalId,
    sourceFile: 'legacy-requests.csv',
    importedAt: '2026-11-30T15:00:00.000Z',
    note: null,
    ...over,
  };
}
