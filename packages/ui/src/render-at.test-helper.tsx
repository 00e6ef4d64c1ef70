// Test-only (the `@hms/ui/render-at` subpath; ESLint keeps it out of production code): renders a screen of a web app
// the way the shell hosts it, with a query client, the language context and a router at a given address, and reads
// back what every form shows the same way (the error summary).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { expect } from 'vitest';
import { LanguageProvider, type Language } from './i18n.tsx';

/**
 * The router's address, so a test can see where a screen navigated to. Hidden, not an `<output>`: that is a status
 * region, and would be a second match for a test that looks for the screen's own `role="status"` message.
 */
function Location() {
  const l = useLocation();
  return (
    <div hidden data-testid="location">
      {l.pathname + l.search}
    </div>
  );
}

/**
 * Renders the routes at `path` in a fresh query client that does not retry (a failed load shows at once), in the
 * given language (English unless told). The address the router is at stays readable as `getByTestId('location')`.
 */
export function renderAt(
  path: string,
  routes: Array<{ path: string; element: ReactNode }>,
  { language = 'en' }: { language?: Language } = {},
) {
  return render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <LanguageProvider initialLanguage={language}>
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

/** The answer of `GET /api/me` for a signed-in staff member with these roles. */
export const me = (roles: string[]) => ({
  status: 200,
  body: {
    user: { id: 'u1', email: 'f@example.gov', displayName: 'Frankie', language: 'en', roles },
  },
});

/**
 * The error summary a refused form shows (ErrorSummary), once it has taken focus, with its entries as
 * [message, link target] pairs: the pattern every form follows, checked the same way by every screen test.
 */
export async function focusedErrorSummary(): Promise<{
  summary: HTMLElement;
  links: Array<[string, string]>;
}> {
  const summary = await screen.findByRole('alert');
  await waitFor(() => expect(document.activeElement).toBe(summary));
  const links = within(summary)
    .getAllByRole('link')
    .map((a): [string, string] => [a.textContent ?? '', a.getAttribute('href') ?? '']);
  return { summary, links };
}
