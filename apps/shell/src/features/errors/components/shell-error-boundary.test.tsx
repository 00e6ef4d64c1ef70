import { LanguageProvider } from '@hms/ui';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { ShellErrorBoundary } from './shell-error-boundary.tsx';

afterEach(() => {
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new Error('bug in a page');
}

describe('ShellErrorBoundary', () => {
  it('shows the error page in place of a failing page, keeps the rest, and clears on the next navigation', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <LanguageProvider initialLanguage="en">
        <MemoryRouter initialEntries={['/broken']}>
          <nav>
            <Link to="/fine">Fine page</Link>
          </nav>
          <ShellErrorBoundary>
            <Routes>
              <Route path="/broken" element={<Broken />} />
              <Route path="/fine" element={<h1>Fine</h1>} />
            </Routes>
          </ShellErrorBoundary>
        </MemoryRouter>
      </LanguageProvider>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Sorry, there is a problem with the service',
    );
    await userEvent.click(screen.getByRole('link', { name: 'Fine page' }));
    expect(screen.getByRole('heading', { name: 'Fine' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Fine page' })).toBeTruthy();
  });
});
