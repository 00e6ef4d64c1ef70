import { useCallback, useMemo, useState } from 'react';
import type { ErrorCode } from '@hms/contracts/error-codes';
import type { SummaryError } from './ErrorSummary.tsx';
import { fieldErrorText, problemText, useErrorMessages } from './error-messages.ts';
import { useLanguage, type Language } from './i18n.tsx';

/** A field of a form: its name (as the API names it after `body.`) and the id of the input the summary links to. */
export interface FormField<F extends string> {
  name: F;
  id: string;
  /**
   * Problem codes of the server's refusals about this field (e.g. `decision.amount_above_program_max`): their
   * field error carries only the server's English text, so the field shows the code's catalog message instead.
   */
  refusals?: readonly ErrorCode[];
}

interface ProblemLike {
  status?: unknown;
  code?: unknown;
  errors?: unknown;
}

/** The field a problem+json error is about: `body.scopes.0` → `scopes`, `query.cursor` → `cursor`. */
function fieldNameOf(path: string): string {
  return path.replace(/^(body|query|params)\./, '').split(/[.[]/)[0] ?? '';
}

/**
 * Splits a problem's field errors (problem+json `errors[]`) between the form's fields; errors about anything else
 * are kept, in order, so nothing the server said is dropped. Duck-typed, so the UI package needs no API client.
 */
export function problemFieldErrors<F extends string>(
  error: unknown,
  fields: readonly FormField<F>[],
  language: Language = 'en',
): { byField: Partial<Record<F, string[]>>; other: string[] } {
  const byField: Partial<Record<F, string[]>> = {};
  const other: string[] = [];
  const problem = typeof error === 'object' && error !== null ? (error as ProblemLike) : {};
  const list = problem.errors;
  if (!Array.isArray(list)) return { byField, other };
  for (const item of list as unknown[]) {
    const {
      field,
      message: raw,
      code,
      params,
    } = (item ?? {}) as {
      field?: unknown;
      message?: unknown;
      code?: unknown;
      params?: unknown;
    };
    if (typeof raw !== 'string' || !raw) continue;
    const name = typeof field === 'string' ? fieldNameOf(field) : '';
    const match = fields.find((f) => f.name === name);
    // The catalog's words for a coded field error or a refusal the field expects, in the reader's language; the
    // server's own text otherwise.
    const refusal =
      code === undefined && match?.refusals?.some((c) => c === problem.code)
        ? problemText(error, language).message
        : undefined;
    const message = refusal ?? fieldErrorText({ message: raw, code, params }, language);
    if (match) (byField[match.name] ??= []).push(message);
    else other.push(message);
  }
  return { byField, other };
}

export interface FormErrors<F extends string> {
  /** The message to show under a field (several joined), or undefined. */
  error: (name: F) => string | undefined;
  /**
   * The props that tie an input to its field: the id the summary links to, the input's name, and its error. The id
   * is the field's own, so the summary's link and the input cannot drift apart.
   */
  field: (name: F) => { id: string; name: F; error: string | undefined };
  /** Every message of a field, for a field that lists them (e.g. the lines of a file). */
  errors: (name: F) => string[];
  /** Props for `<ErrorSummary>`: the entries in form order, each linked to its field, and the refocus key. */
  summary: { errors: SummaryError[]; focusKey: number };
  /** A failure that is not about fields (409, 500, offline): show it with `<ProblemAlert>`. */
  problem: unknown;
  /**
   * Shows the form's own checks (name → message or undefined). Returns true when any failed, so the caller stops;
   * focus then moves to the summary.
   */
  check: (messages: Partial<Record<F, string | undefined>>) => boolean;
  /** Shows a failed submit: field errors on their fields and in the summary, anything else as `problem`. */
  fail: (error: unknown) => void;
  clear: () => void;
}

/**
 * The error-summary pattern for any form: the form's own checks and the server's field errors (problem+json
 * `errors[].field`, e.g. `body.name`) land on the same fields, the summary lists them in form order with links, takes
 * focus after every failed submit, and (through `<ErrorSummary>`) makes the page title start with "Error:".
 */
export function useFormErrors<F extends string>(fields: readonly FormField<F>[]): FormErrors<F> {
  const { language } = useLanguage();
  // Starts loading the reader's error catalog with the form, and re-renders when it arrives.
  const loaded = useErrorMessages();
  // The server's error is kept as it came and put into words when rendering, so the words are the reader's
  // catalog ones even when it arrives after the error (and follow a change of language).
  const [state, setState] = useState<{
    own: Partial<Record<F, string[]>>;
    server: unknown;
    focusKey: number;
  }>({ own: {}, server: null, focusKey: 0 });

  const check = useCallback((messages: Partial<Record<F, string | undefined>>) => {
    const own: Partial<Record<F, string[]>> = {};
    for (const [name, message] of Object.entries(messages) as [F, string | undefined][])
      if (message) own[name] = [message];
    const failed = Object.keys(own).length > 0;
    setState((s) => ({ own, server: null, focusKey: failed ? s.focusKey + 1 : s.focusKey }));
    return failed;
  }, []);

  const fail = useCallback(
    (error: unknown) => setState((s) => ({ own: {}, server: error, focusKey: s.focusKey + 1 })),
    [],
  );

  const clear = useCallback(
    () => setState((s) => ({ own: {}, server: null, focusKey: s.focusKey })),
    [],
  );

  return useMemo(() => {
    const fromServer =
      state.server === null ? undefined : problemFieldErrors(state.server, fields, language);
    const aboutFields =
      fromServer !== undefined &&
      (Object.keys(fromServer.byField).length > 0 || fromServer.other.length > 0);
    const byField = fromServer?.byField ?? state.own;
    const other = fromServer?.other ?? [];
    const summaryErrors: SummaryError[] = [
      ...fields.flatMap((f) =>
        (byField[f.name] ?? []).map((message) => ({ fieldId: f.id, message })),
      ),
      ...other.map((message) => ({ message })),
    ];
    const error = (name: F) => byField[name]?.join(' ') || undefined;
    return {
      error,
      field: (name: F) => ({
        id: fields.find((f) => f.name === name)?.id ?? name,
        name,
        error: error(name),
      }),
      errors: (name: F) => byField[name] ?? [],
      summary: { errors: summaryErrors, focusKey: state.focusKey },
      problem: fromServer !== undefined && !aboutFields ? state.server : null,
      check,
      fail,
      clear,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `loaded`: the words change when the catalog arrives
  }, [fields, state, language, loaded, check, fail, clear]);
}
