import { ProblemAlert, type FormErrors, CheckedForm } from '@hms/ui';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';

/** A secret shown once: focused so screen readers announce it, selectable for copying. */
function SecretOnce({ label, secret }: { label: string; secret: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [secret]);
  return (
    <div className="usa-alert usa-alert--success margin-y-2" ref={ref} tabIndex={-1}>
      <div className="usa-alert__body">
        <p className="usa-alert__text">{label}</p>
        <p className="usa-alert__text">
          <code className="font-mono-xs text-wrap" data-testid="secret">
            {secret}
          </code>
        </p>
      </div>
    </div>
  );
}

/**
 * For a page whose actions may answer with a secret the API shows only once (a service token, a webhook signing
 * secret): `onIssued` keeps the secret of the last answer (none when that action issued none, so an old secret does
 * not linger) and refreshes the list the action changed.
 */
export function useIssuedSecret(field: 'token' | 'secret', listKey: QueryKey) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const onIssued = (answer: unknown) => {
    const value = (answer as Record<string, unknown> | null)?.[field];
    setSecret(typeof value === 'string' ? value : null);
    void queryClient.invalidateQueries({ queryKey: listKey });
  };
  return { secret, onIssued };
}

/** The page's mutation, as far as the form needs it: every action is `{ kind, … }`, `create` being the form's. */
interface ActionMutation<B> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  variables?: { kind: string } | undefined;
  mutate(
    action: { kind: 'create'; body: B },
    options: { onSuccess: () => void; onError: (error: unknown) => void },
  ): void;
}

/**
 * The create form of a page that issues secrets, with its error summary; below it, what went wrong with the page's
 * other actions (rotate, revoke, disable: the form's own failures are in its summary) and the secret just issued.
 */
export function IssueSecretForm<B>({
  errors,
  mutation,
  read,
  submitLabel,
  secret,
  secretLabel,
  className = 'usa-form',
  children,
}: {
  errors: Pick<FormErrors<string>, 'summary' | 'problem' | 'fail'>;
  mutation: ActionMutation<B>;
  /** The body to create from the submitted fields, or null when the form's own checks failed (they show them). */
  read: (data: FormData) => B | null;
  submitLabel: string;
  secret: string | null;
  secretLabel: string;
  className?: string;
  /** The form's fields. */
  children: ReactNode;
}) {
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const body = read(new FormData(form));
    // Emptied once created, ready for the next; a refusal keeps what was typed, to correct.
    if (body)
      mutation.mutate(
        { kind: 'create', body },
        { onSuccess: () => form.reset(), onError: errors.fail },
      );
  };
  return (
    <>
      <CheckedForm errors={errors} className={className} onSubmit={onSubmit}>
        {children}
        <button type="submit" className="usa-button margin-top-2" disabled={mutation.isPending}>
          {submitLabel}
        </button>
      </CheckedForm>
      {mutation.isError && mutation.variables?.kind !== 'create' ? (
        <ProblemAlert error={mutation.error} />
      ) : null}
      {secret ? <SecretOnce label={secretLabel} secret={secret} /> : null}
    </>
  );
}
