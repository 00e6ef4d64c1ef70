import { useErrorMessages, useLanguage, useT } from '@hms/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import { authMessages, type AuthMessageKey } from '../messages.ts';

/**
 * The react-hook-form set-up the sign-in and registration forms share: the zod schema's messages are catalog keys,
 * said in the reader's language when shown (so a language switch re-renders them), and the error summary takes
 * focus on submit (GOV.UK pattern) instead of react-hook-form focusing the first field.
 */
export function useAuthForm<F extends FieldValues>(
  schema: z.ZodType<F, F>,
  defaultValues: DefaultValues<F>,
) {
  const tr = useT(authMessages);
  const { language } = useLanguage();
  useErrorMessages();
  const translate = (message: string) =>
    message in authMessages.en ? tr(message as AuthMessageKey) : message;
  const form = useForm<F>({
    resolver: zodResolver(schema),
    defaultValues,
    shouldFocusError: false,
  });
  /** A field's error, in the reader's language, or undefined. */
  const fieldError = (name: Path<F>): string | undefined => {
    const message = form.formState.errors[name]?.message;
    return typeof message === 'string' && message ? translate(message) : undefined;
  };
  /** The props that tie a text field to the form: its id, its error, and react-hook-form's registration. */
  const field = (name: Path<F>, id: string) => ({
    id,
    error: fieldError(name),
    ...form.register(name),
  });
  return { tr, language, translate, form, field };
}

/** The narrow centred column the account pages (sign in, register, invitation) sit in. */
export function AuthColumn({ children }: { children: ReactNode }) {
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8 desktop:grid-col-6">{children}</div>
    </div>
  );
}

/** A link to another account page that keeps where the person was going (`next`). */
export function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/** The submit button of an account form; while the request is on its way it says so and cannot be pressed again. */
export function AuthSubmit({
  pending,
  label,
  busy,
}: {
  pending: boolean;
  label: string;
  busy: string;
}) {
  return (
    <button type="submit" className="usa-button" disabled={pending}>
      {pending ? busy : label}
    </button>
  );
}

/** The other account page's question and link, under the form: sign-in offers registration and back. */
const OTHER_PAGE = {
  '/register': ['noAccount', 'createAccount'],
  '/sign-in': ['haveAccount', 'signInLink'],
} as const satisfies Record<string, readonly [AuthMessageKey, AuthMessageKey]>;

/** The way to the other account page ("No account yet? Create an account"), keeping where the person was going. */
export function OtherAccountPage({ path, next }: { path: keyof typeof OTHER_PAGE; next: string }) {
  const tr = useT(authMessages);
  const [question, link] = OTHER_PAGE[path];
  return (
    <p className="margin-top-4">
      {tr(question)} <Link to={withNext(path, next)}>{tr(link)}</Link>
    </p>
  );
}
