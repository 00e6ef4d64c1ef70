import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { focusedErrorSummary } from '@hms/ui/render-at';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '@hms/api-client/fake-api';
import { RegisterRoute } from './register-route.tsx';

// The API's refusal of a password: the rule that failed is a field error on body.password, with its code.
const passwordRejected = () =>
  new Response(
    JSON.stringify({
      type: 'https://hms.example.gov/problems/auth.password_rejected',
      code: 'auth.password_rejected',
      title: 'Your request has errors',
      status: 400,
      detail: 'Choose a different password.',
      errors: [
        {
          field: 'body.password',
          code: 'password.common',
          message: 'This password is on a list of commonly used passwords.',
        },
      ],
    }),
    { status: 400, headers: { 'content-type': 'application/problem+json' } },
  );

beforeEach(() => {
  fakeApi(() => passwordRejected());
});

function renderRegister(language: 'en' | 'es') {
  const router = createMemoryRouter([{ path: '/register', element: <RegisterRoute /> }], {
    initialEntries: ['/register'],
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider initialLanguage={language}>
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

describe('create an account', () => {
  it.each([
    [
      'en',
      ['Email', 'Full name', 'Password', 'Create account'],
      'This password is on a list of commonly used passwords. Choose a longer phrase that is unique to you.',
    ],
    [
      'es',
      ['Correo electrónico', 'Nombre completo', 'Contraseña', 'Crear cuenta'],
      /lista de contraseñas muy usadas/,
    ],
  ] as const)(
    '(%s) says why the API refused the password, on the password field and in the summary',
    async (language, [email, name, password, button], reason) => {
      renderRegister(language);
      await userEvent.type(screen.getByLabelText(email), 'pat@example.com');
      await userEvent.type(screen.getByLabelText(name), 'Pat Example');
      await userEvent.type(screen.getByLabelText(password), 'password1234');
      await userEvent.click(screen.getByRole('button', { name: button }));
      const { links } = await focusedErrorSummary();
      expect(links).toEqual([[expect.stringMatching(reason), '#register-password']]);
      expect(screen.getByLabelText(password).getAttribute('aria-invalid')).toBe('true');
    },
  );
});
