import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';

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
