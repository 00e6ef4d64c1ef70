import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

import type { Language } from '@hms/contracts/language';

export type { Language };
export const LANGUAGES: readonly Language[] = ['en', 'es'];
export const LANGUAGE_STORAGE_KEY = 'hms.lang';

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'es';
}

/**
 * A message catalog: English is the source, and Spanish must have exactly the same keys
 * (the type makes a missing translation a compile error rather than a blank on screen).
 * Messages may hold `{name}` placeholders.
 */
export type Messages<K extends string> = { en: Record<K, string>; es: Record<K, string> };

export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

export function t<K extends string>(
  messages: Messages<K>,
  key: K,
  language: Language = 'en',
  vars?: Record<string, string | number>,
): string {
  const template = messages[language][key] ?? messages.en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function readStoredLanguage(): Language | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage can be disabled (private mode, policy); the language then lasts for the page only.
    return undefined;
  }
}

function browserLanguage(): Language {
  const preferred = globalThis.navigator?.language?.toLowerCase() ?? 'en';
  return preferred.startsWith('es') ? 'es' : 'en';
}

export interface LanguageProviderProps {
  children: ReactNode;
  /** Used when nothing is stored yet; defaults to the browser's preference. */
  initialLanguage?: Language;
  /** Called after the user changes language, e.g. to save it to their profile on the server. */
  onChange?: (language: Language) => void;
}

/** Provided once by the shell (and by each remote only when it runs standalone in dev). */
export function LanguageProvider({ children, initialLanguage, onChange }: LanguageProviderProps) {
  const [language, setLanguageState] = useState<Language>(
    () => readStoredLanguage() ?? initialLanguage ?? browserLanguage(),
  );

  const setLanguage = useCallback(
    (next: Language) => {
      setLanguageState(next);
      try {
        globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, next);
      } catch {
        // See readStoredLanguage.
      }
      // Screen readers pick their voice from the document language.
      if (typeof document !== 'undefined') document.documentElement.lang = next;
      onChange?.(next);
    },
    [onChange],
  );

  if (typeof document !== 'undefined' && document.documentElement.lang !== language) {
    document.documentElement.lang = language;
  }

  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/**
 * A part of the page shown in another language than the reader's (the form builder's preview of the citizen form in
 * Spanish): components inside read `language`; nothing is stored and the document language is left alone, so mark the
 * container with `lang` for screen readers. The reader's language switch stays outside it.
 */
export function LanguageScope({ language, children }: { language: Language; children: ReactNode }) {
  const outer = useContext(LanguageContext);
  const value = useMemo(
    () => ({ language, setLanguage: outer?.setLanguage ?? (() => undefined) }),
    [language, outer?.setLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value)
    throw new Error('useLanguage must be used inside a LanguageProvider (the shell provides one).');
  return value;
}

/** `const tr = useT(messages); tr('key')` — translation bound to the current language. */
export function useT<K extends string>(messages: Messages<K>) {
  const { language } = useLanguage();
  return useCallback(
    (key: K, vars?: Record<string, string | number>) => t(messages, key, language, vars),
    [messages, language],
  );
}

/**
 * `const label = useLabel(); label(requestStatusLabels.paid.staff)`: picks the reader's language from one of the
 * shared catalogs of @hms/contracts/labels (codes the API stores, named once for every screen).
 */
export function useLabel() {
  const { language } = useLanguage();
  return useCallback((text: Record<Language, string>) => text[language], [language]);
}
