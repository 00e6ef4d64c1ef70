import { isApiProblem, signInMutationOptions } from '@hms/api-client';
import { Alert, ErrorSummary, PageTitle, problemText, TextField, type SummaryError } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../../../app/navigation.ts';
import { signInForm, type SignInForm } from '../api/forms.ts';
import { applyServerFieldErrors, summaryErrors } from '../components/use-server-errors.ts';
import { AuthColumn, AuthSubmit, OtherAccountPage, useAuthForm } from '../components/auth-form.tsx';

const FIELDS = ['email', 'password'] as const;

export function SignInRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  // A staff member who just activated their account through the invitation link (/invitation).
  const accountReady = (useLocation().state as { accountReady?: unknown } | null)?.accountReady;
  const readyEmail = typeof accountReady === 'string' ? accountReady : null;
  const queryClient = useQueryClient();
  const signIn = useMutation(signInMutationOptions(queryClient));
  const { tr, language, translate, form, field } = useAuthForm<SignInForm>(signInForm, {
    email: readyEmail ?? '',
    password: '',
  });
  const { errors, submitCount } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    signIn.mutate(values, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: (error) => void applyServerFieldErrors(error, FIELDS, form.setError, language),
    });
  });

  const fieldErrors = summaryErrors(errors, FIELDS, (field) => `sign-in-${field}`, translate);
  // A wrong email/password or throttling is about the whole form; it is listed first and points at Email.
  const problem = signIn.error;
  const formError: SummaryError[] =
    problem && !(isApiProblem(problem) && problem.errors.length)
      ? [
          {
            fieldId: 'sign-in-email',
            message:
              isApiProblem(problem) && problem.status === 429
                ? problem.retryAfterSeconds !== undefined
                  ? tr('throttled', { seconds: problem.retryAfterSeconds })
                  : tr('throttledNoTime')
                : problemText(problem, language).message,
          },
        ]
      : [];

  return (
    <AuthColumn>
      <PageTitle>{tr('signInTitle')}</PageTitle>
      {readyEmail && !signIn.isError ? (
        <Alert tone="success" slim className="margin-bottom-2" role="status">
          {tr('accountReady')}
        </Alert>
      ) : null}
      <ErrorSummary
        errors={[...formError, ...fieldErrors]}
        focusKey={`${submitCount}:${signIn.failureCount}:${String(signIn.submittedAt)}`}
      />
      <form className="usa-form usa-form--large" onSubmit={onSubmit} noValidate>
        <TextField
          label={tr('email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          {...field('email', 'sign-in-email')}
        />
        <TextField
          label={tr('password')}
          type="password"
          autoComplete="current-password"
          {...field('password', 'sign-in-password')}
        />
        <AuthSubmit pending={signIn.isPending} label={tr('signInButton')} busy={tr('signingIn')} />
      </form>
      <OtherAccountPage path="/register" next={next} />
    </AuthColumn>
  );
}

export default SignInRoute;
