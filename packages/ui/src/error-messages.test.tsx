import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorCodes, fieldErrorCodes } from '@hms/contracts/error-codes';
import * as en from './error-messages.en.ts';
import * as es from './error-messages.es.ts';
import { fieldErrorText, loadErrorMessages, problemText } from './error-messages.ts';
import { LANGUAGE_STORAGE_KEY, LanguageProvider } from './i18n.tsx';
import { PageTitle } from './PageTitle.tsx';
import { ProblemAlert } from './States.tsx';

beforeEach(() => localStorage.clear());

const errorMessages = { en: en.errorMessages, es: es.errorMessages };
const fieldErrorMessages = { en: en.fieldErrorMessages, es: es.fieldErrorMessages };

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error message catalog', () => {
  it('says the generic message for the status until the language is loaded (started on first use), then the code', async () => {
    const p = { status: 409, code: 'request.stale_version' };
    expect(problemText(p, 'en').message).toBe(
      'This could not be done now. Reload the page to see the latest version and try again.',
    );
    expect(fieldErrorText({ message: 'Server words', code: 'field.required' }, 'en')).toBe(
      'Server words',
    );
    await loadErrorMessages('en');
    expect(problemText(p, 'en').message).toBe(en.errorMessages['request.stale_version']);
    expect(fieldErrorText({ message: 'Server words', code: 'field.required' }, 'en')).toBe(
      en.fieldErrorMessages['field.required'],
    );
  });

  it('has an English and a Spanish message for every error code, with the same placeholders', () => {
    for (const code of errorCodes) {
      const en = errorMessages.en[code];
      const es = errorMessages.es[code];
      expect(en, code).toMatch(/\S/);
      expect(es, code).toMatch(/\S/);
      expect(es, `${code} is not translated`).not.toBe(en);
      expect(placeholders(es), code).toEqual(placeholders(en));
    }
    expect(Object.keys(errorMessages.en).sort()).toEqual([...errorCodes].sort());
    expect(Object.keys(errorMessages.es).sort()).toEqual([...errorCodes].sort());
  });

  it('has an English and a Spanish message for every field code', () => {
    for (const code of fieldErrorCodes) {
      expect(fieldErrorMessages.en[code], code).toMatch(/\S/);
      expect(fieldErrorMessages.es[code], code).not.toBe(fieldErrorMessages.en[code]);
      expect(placeholders(fieldErrorMessages.es[code])).toEqual(
        placeholders(fieldErrorMessages.en[code]),
      );
    }
  });

  it('fills params, formatting amounts in the reader language, and falls back when one is missing', async () => {
    await loadErrorMessages('es');
    const p = {
      status: 400,
      code: 'decision.amount_above_program_max',
      params: { limitCents: 150000 },
    };
    expect(problemText(p, 'es').message).toBe(
      'El monto es mayor que el máximo del programa. Apruebe como máximo $1,500.00.',
    );
    // Without the param the sentence would show "{limitCents}": the generic message for the status is used instead.
    expect(
      problemText({ status: 400, code: 'decision.amount_above_program_max' }, 'es').message,
    ).toBe('Hay información que corregir. Revísela e inténtelo de nuevo.');
    expect(problemText({ status: 409, code: 'no.such_code' }, 'en').heading).toBe(
      'This could not be done',
    );
  });

  it('says a field error in the reader language when it has a code, else keeps the server message', async () => {
    await loadErrorMessages('es');
    expect(
      fieldErrorText(
        { message: 'Too long', code: 'field.too_long', params: { maximum: 80 } },
        'es',
      ),
    ).toBe('Escriba como máximo 80 caracteres.');
    expect(fieldErrorText({ message: 'El número de ruta no es válido.' }, 'es')).toBe(
      'El número de ruta no es válido.',
    );
  });
});

describe('ProblemAlert', () => {
  const problem = {
    status: 415,
    code: 'document.type_not_accepted',
    title: 'File type not accepted',
    detail: 'Upload a PDF, JPG or PNG file.',
  };

  it('shows the Spanish message for the code in Spanish, never the server English title or detail', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'es');
    render(
      <LanguageProvider>
        <ProblemAlert error={problem} />
      </LanguageProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('No se aceptó este archivo');
    // The catalog arrives after the first render (it is loaded on first use).
    await screen.findByText('No se acepta este tipo de archivo. Suba un archivo PDF, JPG o PNG.');
    expect(alert.textContent).not.toContain('File type not accepted');
    expect(alert.textContent).not.toContain('Upload a PDF');
  });

  it('shows a generic localised message for an unknown code or a non-problem error', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'es');
    render(
      <LanguageProvider>
        <ProblemAlert error={{ status: 409, title: 'Conflict', detail: 'Something in English' }} />
      </LanguageProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('No se pudo hacer');
    expect(screen.getByRole('alert').textContent).not.toMatch(/Conflict|English/);
  });
});

describe('PageTitle', () => {
  it('writes the tab title wholly in Spanish, with the Error prefix while errors show', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'es');
    const { rerender } = render(
      <LanguageProvider>
        <PageTitle>Mis solicitudes</PageTitle>
      </LanguageProvider>,
    );
    expect(document.title).toBe('Mis solicitudes | HMS — Servicios de Salud y Dinero');
    rerender(
      <LanguageProvider>
        <PageTitle hasErrors>Mis solicitudes</PageTitle>
      </LanguageProvider>,
    );
    expect(document.title).toBe('Error: Mis solicitudes | HMS — Servicios de Salud y Dinero');
  });
});
