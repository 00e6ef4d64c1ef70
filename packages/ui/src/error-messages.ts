import type { ErrorCode, FieldErrorCode } from '@hms/contracts/error-codes';
import { useEffect, useSyncExternalStore } from 'react';
import { formatCents } from './format.ts';
import { useLanguage, type Language } from './i18n.tsx';

/**
 * What the screens say for each API error code, in the reader's language. The catalog itself (one file per language,
 * ./error-messages.en.ts and ./error-messages.es.ts, typed against the code list in @hms/contracts/error-codes) is
 * about 5 KB gzip, so it stays off every page's first download: a language's half is loaded the first time a screen
 * needs it (an error shown, a form that maps errors). Until it arrives, `problemText` says the generic message for the
 * status and `fieldErrorText` the server's own words; components that show these call `useErrorMessages()`, which
 * starts the load when they mount and re-renders them when it lands. Code that computes a message once (an event
 * handler keeping it in state) awaits `loadErrorMessages(language)` first.
 *
 * Messages are written for the reader (what happened, what to do), never the server's English title. `{name}`
 * placeholders are filled from the problem's `params`; amounts (`…Cents`) are formatted in the reader's language.
 */
interface Catalog {
  errorMessages: Record<ErrorCode, string>;
  fieldErrorMessages: Record<FieldErrorCode, string>;
}

const importers: Record<Language, () => Promise<Catalog>> = {
  en: () => import('./error-messages.en.ts'),
  es: () => import('./error-messages.es.ts'),
};

const loaded: Partial<Record<Language, Catalog>> = {};
const loading: Partial<Record<Language, Promise<void>>> = {};
const listeners = new Set<() => void>();
/** Bumped whenever a language's catalog arrives, so subscribed components re-render. */
let version = 0;

/**
 * Loads the catalog of a language (once; later calls return the same promise). Never rejects: when the file cannot
 * be fetched (offline), screens keep the generic messages and the next call tries again.
 */
export function loadErrorMessages(language: Language): Promise<void> {
  if (loaded[language]) return Promise.resolve();
  return (loading[language] ??= importers[language]().then(
    (catalog) => {
      loaded[language] = catalog;
      version += 1;
      for (const listener of listeners) listener();
    },
    () => {
      delete loading[language];
    },
  ));
}

/** The catalog of a language if it has arrived; otherwise starts loading it (first use) and returns undefined. */
function catalogFor(language: Language): Catalog | undefined {
  const catalog = loaded[language];
  if (!catalog) void loadErrorMessages(language);
  return catalog;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getVersion = () => version;

/**
 * For a component that shows catalog messages (`problemText`, `fieldErrorText`): starts loading the reader's
 * language when it mounts (or the language changes) and re-renders it when the catalog arrives. Returns whether the
 * reader's catalog is there.
 */
export function useErrorMessages(): boolean {
  const { language } = useLanguage();
  useSyncExternalStore(subscribe, getVersion, getVersion);
  useEffect(() => {
    void loadErrorMessages(language);
  }, [language]);
  return loaded[language] !== undefined;
}

type HeadingKey =
  | 'invalid'
  | 'signIn'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'file'
  | 'tooMany'
  | 'unavailable'
  | 'generic';

/** The alert heading, from the status family: short, in the reader's language, never the server's title. */
const headings: Record<Language, Record<HeadingKey, string>> = {
  en: {
    invalid: 'Check your information',
    signIn: 'Sign in to continue',
    forbidden: 'You cannot do this',
    notFound: 'Not found',
    conflict: 'This could not be done',
    file: 'This file was not accepted',
    tooMany: 'Too many attempts',
    unavailable: 'Service not available',
    generic: 'Something went wrong',
  },
  es: {
    invalid: 'Revise su información',
    signIn: 'Inicie sesión para continuar',
    forbidden: 'No puede hacer esto',
    notFound: 'No se encontró',
    conflict: 'No se pudo hacer',
    file: 'No se aceptó este archivo',
    tooMany: 'Demasiados intentos',
    unavailable: 'Servicio no disponible',
    generic: 'Algo salió mal',
  },
};

function headingKey(status: number): HeadingKey {
  if (status === 400 || status === 422) return 'invalid';
  if (status === 401) return 'signIn';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 413 || status === 415) return 'file';
  if (status === 429) return 'tooMany';
  if (status === 503) return 'unavailable';
  return 'generic';
}

export type ProblemParamValues = Record<string, string | number>;

function fill(template: string, params: ProblemParamValues | undefined, language: Language) {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === '') return match;
    return typeof v === 'number' && name.endsWith('Cents') ? formatCents(v, language) : String(v);
  });
}

/** A catalog message with every placeholder filled, or undefined when a param it needs is missing. */
function filled(template: string | undefined, params: unknown, language: Language) {
  if (template === undefined) return undefined;
  const text = fill(template, isParams(params) ? params : undefined, language);
  return /\{\w+\}/.test(text) ? undefined : text;
}

function isParams(value: unknown): value is ProblemParamValues {
  return typeof value === 'object' && value !== null;
}

const hasCode = <K extends string>(catalog: Record<K, string>, code: unknown): code is K =>
  typeof code === 'string' && Object.hasOwn(catalog, code);

/** Duck-typed on the problem+json fields so the UI package does not depend on the API client. */
export interface ProblemLike {
  code?: unknown;
  params?: unknown;
  status?: unknown;
}

/**
 * The heading and message a screen shows for an API problem, in the reader's language: the catalog message for
 * its code, or a generic message for its status when the code is unknown (an older server, a proxy's error page) or
 * the catalog has not arrived yet (see `useErrorMessages`).
 */
export function problemText(
  error: unknown,
  language: Language,
): { heading: string; message: string } {
  const problem = (typeof error === 'object' && error !== null ? error : {}) as ProblemLike;
  const status = typeof problem.status === 'number' ? problem.status : 0;
  const catalog = catalogFor(language)?.errorMessages;
  const message =
    (catalog && hasCode(catalog, problem.code)
      ? filled(catalog[problem.code], problem.params, language)
      : undefined) ?? genericMessages[language][headingKey(status)];
  return { heading: headings[language][headingKey(status)], message };
}

const genericMessages: Record<Language, Record<HeadingKey, string>> = {
  en: {
    invalid: 'Some information needs fixing. Check it and try again.',
    signIn: 'You are not signed in, or your session ended. Sign in to continue.',
    forbidden: 'Your account does not have permission to do this.',
    notFound: 'We could not find what you asked for.',
    conflict:
      'This could not be done now. Reload the page to see the latest version and try again.',
    file: 'Choose another file and try again.',
    tooMany: 'Wait a moment, then try again.',
    unavailable: 'The service is not available right now. Try again in a few minutes.',
    generic: 'Please try again. If the problem continues, try again later.',
  },
  es: {
    invalid: 'Hay información que corregir. Revísela e inténtelo de nuevo.',
    signIn: 'No ha iniciado sesión, o su sesión terminó. Inicie sesión para continuar.',
    forbidden: 'Su cuenta no tiene permiso para hacer esto.',
    notFound: 'No encontramos lo que buscaba.',
    conflict:
      'Esto no se pudo hacer ahora. Vuelva a cargar la página para ver la versión más reciente e inténtelo de nuevo.',
    file: 'Elija otro archivo e inténtelo de nuevo.',
    tooMany: 'Espere un momento y vuelva a intentarlo.',
    unavailable:
      'El servicio no está disponible en este momento. Inténtelo de nuevo en unos minutos.',
    generic: 'Inténtelo de nuevo. Si el problema continúa, inténtelo más tarde.',
  },
};

/**
 * What a form shows beside a field the server refused: the catalog message for the field's code in the reader's
 * language, else the server's own message (specific refusals carry no code and are written in the language of the
 * person's profile, or shown until the catalog arrives).
 */
export function fieldErrorText(
  error: { message: string; code?: unknown; params?: unknown },
  language: Language,
): string {
  const catalog = catalogFor(language)?.fieldErrorMessages;
  return (
    (catalog && hasCode(catalog, error.code)
      ? filled(catalog[error.code], error.params, language)
      : undefined) ?? error.message
  );
}
