import { isApiProblem, registerMutationOptions } from '@hms/api-client';
import { Alert, ErrorSummary, PageTitle, problemText, TextField, type SummaryError } from '@hms/ui';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { safeNextPath } from '../../../app/navigation.ts';
import { registerForm, type RegisterForm } from '../api/forms.ts';
import {
  applyServerFieldErrors,
  formFieldOf,
  summaryErrors,
} from '../components/use-server-errors.ts';
import {
  AuthColumn,
  AuthSubmit,
  OtherAccountPage,
  useAuthForm,
  withNext,
} from '../components/auth-form.tsx';

const FIELDS = ['email', 'displayName', 'password'] as const;
const id = (field: string) => `register-${field}`;

export function RegisterRoute() {
  const { tr, language, translate, form, field } = useAuthForm<RegisterForm>(registerForm, {
    email: '',
    displayName: '',
    password: '',
  });
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const register = useMutation(registerMutationOptions());
  const { errors, submitCount } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    register.mutate(
      { ...values, language },
      {
        onError: (error) => void applyServerFieldErrors(error, FIELDS, form.setError, language),
      },
    );
  });

  const fieldErrors = summaryErrors(errors, FIELDS, id, translate);
  const problem = register.error;
  // A problem with no field errors (or errors on fields this form does not have) is shown against the first field.
  const unmatched =
    problem &&
    !(
      isApiProblem(problem) &&
      problem.errors.some((e) => (FIELDS as readonly string[]).includes(formFieldOf(e.field)))
    )
      ? [
          {
            fieldId: id('email'),
            message: problemText(problem, language).message,
          },
        ]
      : ([] as SummaryError[]);

  // The same answer whether or not the address was new (no account enumeration): the emailed link says the rest.
  if (register.isSuccess) {
    return (
      <AuthColumn>
        <PageTitle>{tr('checkEmailTitle')}</PageTitle>
        <Alert tone="info" role="status">
          {tr('checkEmailBody', { email: register.variables.email.trim() })}
        </Alert>
        <p className="margin-top-4">{tr('checkEmailSpam')}</p>
        <p>
          <Link to={withNext('/sign-in', next)}>{tr('signInLink')}</Link>
        </p>
      </AuthColumn>
    );
  }

  return (
    <AuthColumn>
      <PageTitle>{tr('registerTitle')}</PageTitle>
      <ErrorSummary
        errors={[...unmatched, ...fieldErrors]}
        focusKey={`${submitCount}:${String(register.submittedAt)}`}
      />
      <form className="usa-form usa-form--large" onSubmit={onSubmit} noValidate>
        <TextField
          label={tr('email')}
          type="email"
          autoComplete="email"
          spellCheck={false}
          {...field('email', id('email'))}
        />
        <TextField
          label={tr('displayName')}
          hint={tr('displayNameHint')}
          autoComplete="name"
          {...field('displayName', id('displayName'))}
        />
        <TextField
          label={tr('password')}
          hint={tr('passwordRules')}
          type="password"
          autoComplete="new-password"
          {...field('password', id('password'))}
        />
        <AuthSubmit
          pending={register.isPending}
          label={tr('registerButton')}
          busy={tr('registering')}
        />
      </form>
      <OtherAccountPage path="/sign-in" next={next} />
    </AuthColumn>
  );
}

export default RegisterRoute;
