import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatCents } from './format.ts';
import {
  defineMessages,
  LANGUAGE_STORAGE_KEY,
  LanguageProvider,
  t,
  useLanguage,
  useT,
} from './i18n.tsx';

const messages = defineMessages({
  en: { hello: 'Hello {name}', bye: 'Goodbye' },
  es: { hello: 'Hola {name}', bye: 'Adiós' },
});

beforeEach(() => localStorage.clear());

describe('t', () => {
  it('picks the language and fills placeholders', () => {
    expect(t(messages, 'hello', 'es', { name: 'Ana' })).toBe('Hola Ana');
    expect(t(messages, 'bye', 'en')).toBe('Goodbye');
  });
});

describe('LanguageProvider', () => {
  function Probe() {
    const tr = useT(messages);
    const { setLanguage } = useLanguage();
    return (
      <button type="button" onClick={() => setLanguage('es')}>
        {tr('bye')}
      </button>
    );
  }

  it('switches language, stores the choice and sets the document language', () => {
    const changes: string[] = [];
    render(
      <LanguageProvider initialLanguage="en" onChange={(l) => changes.push(l)}>
        <Probe />
      </LanguageProvider>,
    );
    act(() => screen.getByRole('button', { name: 'Goodbye' }).click());
    expect(screen.getByRole('button').textContent).toBe('Adiós');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(changes).toEqual(['es']);
  });

  it('starts from the stored choice over the default', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'es');
    render(
      <LanguageProvider initialLanguage="en">
        <Probe />
      </LanguageProvider>,
    );
    expect(screen.getByRole('button').textContent).toBe('Adiós');
  });
});

describe('formatCents', () => {
  it('formats integer cents as dollars without float drift', () => {
    expect(formatCents(123456, 'en')).toBe('$1,234.56');
    expect(formatCents(10, 'en')).toBe('$0.10');
  });
});
