import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';

export type Handler = (
  req: Request,
  body: unknown,
) => { status: number; body: unknown; headers?: Record<string, string> };
export interface Call {
  method: string;
  url: URL;
  body: unknown;
}

/** Stubs fetch with a tiny router keyed "METHOD /path"; records every call (JSON bodies parsed). */
export function serve(routes: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  document.cookie = 'hms_csrf=test-token';
  vi.stubGlobal('fetch', async (input: Request) => {
    const url = new URL(input.url);
    const text = input.method === 'GET' ? '' : await input.clone().text();
    const body = text ? JSON.parse(text) : undefined;
    calls.push({ method: input.method, url, body });
    const handler = routes[`${input.method} ${url.pathname}`];
    const res = handler
      ? handler(input, body)
      : { status: 404, body: { type: 'x', title: 'Not found', status: 404, detail: url.pathname } };
    const type = res.status >= 400 ? 'application/problem+json' : 'application/json';
    const payload = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
    return new Response(payload, {
      status: res.status,
      headers: { 'content-type': type, ...res.headers },
    });
  });
  return calls;
}

function Location() {
  const l = useLocation();
  return <output data-testid="location">{l.pathname + l.search}</output>;
}

export function renderAt(path: string, routes: Array<{ path: string; element: ReactNode }>) {
  return render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <LanguageProvider initialLanguage="en">
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          </Routes>
          <Location />
        </MemoryRouter>
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

export const me = (roles: string[]) => ({
  status: 200,
  body: {
    user: { id: 'u1', email: 'f@example.gov', displayName: 'Frankie', language: 'en', roles },
  },
});
