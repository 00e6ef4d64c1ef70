import { confirmRegistrationMutationOptions, isApiProblem } from '@hms/api-client';
import { Alert, PageTitle, useT } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { AuthColumn } from '../components/auth-form.tsx';
import { authMessages } from '../messages.ts';

/** The token rides in the fragment (`#token=…`): a fragment never reaches the server's logs or a Referer header. */
function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/**
 * Where the emailed registration link lands. The account is created by the button, not on page load: mail scanners
 * that open links must not be the ones to finish someone's registration.
 */
export function ConfirmRegistrationRoute() {
  const tr = useT(authMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const token = useRef(tokenFromHash(window.location.hash)).current;
  const confirm = useMutation(confirmRegistrationMutationOptions(queryClient));

  if (!token) {
    return (
      <AuthColumn>
        <PageTitle>{tr('confirmTitle')}</PageTitle>
        <Alert tone="warning" role="alert">
          {tr('confirmMissing')}
        </Alert>
        <p className="margin-top-4">
          <Link to="/register">{tr('registerAgain')}</Link>
        </p>
      </AuthColumn>
    );
  }

  const failed = confirm.isError;
  const otherError =
    failed && !(isApiProblem(confirm.error) && confirm.error.status === 400)
      ? isApiProblem(confirm.error)
        ? (confirm.error.detail ?? confirm.error.title)
        : confirm.error.message
      : null;

  return (
    <AuthColumn>
      <PageTitle>{tr('confirmTitle')}</PageTitle>
      {failed ? (
        <Alert tone="error" role="alert">
          {otherError ?? tr('confirmFailed')}
        </Alert>
      ) : (
        <p>{tr('confirmIntro')}</p>
      )}
      {failed && !otherError ? (
        <p className="margin-top-4">
          <Link to="/register">{tr('registerAgain')}</Link> ·{' '}
          <Link to="/sign-in">{tr('signInLink')}</Link>
        </p>
      ) : (
        <button
          type="button"
          className="usa-button margin-top-2"
          disabled={confirm.isPending}
          onClick={() =>
            confirm.mutate(token, {
              onSuccess: () => {
                // The token is spent: drop it from the address bar and history.
                window.history.replaceState(null, '', window.location.pathname);
                navigate('/', { replace: true });
              },
            })
          }
        >
          {confirm.isPending ? tr('confirming') : tr('confirmButton')}
        </button>
      )}
    </AuthColumn>
  );
}

export default ConfirmRegistrationRoute;
