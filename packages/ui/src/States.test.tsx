import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LanguageProvider, type Language } from './i18n.tsx';
import { ProblemAlert } from './States.tsx';

const show = (error: unknown, language: Language = 'en') =>
  render(
    <LanguageProvider initialLanguage={language}>
      <ProblemAlert error={error} />
    </LanguageProvider>,
  );

describe('ProblemAlert', () => {
  it('never shows the server title or its English detail: a reader-language heading and message', () => {
    show({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Saved on another device.',
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('This could not be done');
    expect(screen.queryByText('Conflict')).toBeNull();
    expect(screen.getByRole('alert').textContent).not.toContain('Saved on another device.');
    expect(screen.getByRole('alert').textContent).toContain('Reload the page');
  });

  it.each([
    [400, 'Check your information'],
    [401, 'Sign in to continue'],
    [403, 'You cannot do this'],
    [404, 'Not found'],
    [429, 'Too many attempts'],
    [500, 'Something went wrong'],
  ])('heads a %i with "%s"', (status, heading) => {
    show({ title: 'Whatever the server says', status });
    expect(screen.getByRole('heading').textContent).toBe(heading);
    expect(screen.queryByText('Whatever the server says')).toBeNull();
  });

  it.each([
    ['en', 'Sign in again'],
    ['es', 'Volver a iniciar sesión'],
  ] as const)(
    '(%s) offers to sign in again when the session ended, coming back to this page',
    (language, link) => {
      window.history.replaceState(null, '', '/my-requests/r1/apply/bank?from=check');
      show({ status: 401, code: 'auth.not_signed_in', title: 'Unauthorized' }, language);
      expect(screen.getByRole('link', { name: link }).getAttribute('href')).toBe(
        `/sign-in?next=${encodeURIComponent('/my-requests/r1/apply/bank?from=check')}`,
      );
    },
  );

  it('offers no sign-in for a refusal that is not about the session', () => {
    show({ status: 403, code: 'auth.role_required', title: 'Forbidden' });
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('heads it in Spanish for a Spanish reader', () => {
    show({ title: 'Conflict', status: 409, detail: 'x' }, 'es');
    expect(screen.getByRole('heading').textContent).toBe('No se pudo hacer');
  });

  it('says the service could not be reached when the network failed', () => {
    show(new TypeError('Failed to fetch'));
    expect(screen.getByRole('heading').textContent).toBe('Something went wrong');
    expect(screen.getByRole('alert').textContent).toContain('Check your connection');
  });
});
