import { apiClient, invitationKeys, unwrap } from '@hms/api-client';
import {
  Alert,
  LoadingState,
  PageTitle,
  ProblemAlert,
  TextField,
  formatDateTime,
  useFormErrors,
  useLanguage,
  useT,
  type FormField,
  CheckedForm,
} from '@hms/ui';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@hms/contracts/auth';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { AuthColumn, AuthSubmit } from '../components/auth-form.tsx';
import { authMessages } from '../messages.ts';

/**
 * The invitation token, from the fragment (`#token=…`, as the email links it: a fragment never reaches a server log
 * or a Referer header) or the query (`?token=…`, for mail clients that drop fragments).
 */
function tokenFromLocation(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  const token = fromHash ?? new URLSearchParams(window.location.search).get('token');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

const FIELDS: FormField<'password' | 'confirm' | 'token'>[] = [
  // The API's password field errors name the rule that failed by code (too common, contains the email): the catalog
  // says them in the reader's language.
  { name: 'password', id: 'invitation-password' },
  { name: 'confirm', id: 'invitation-confirm' },
  { name: 'token', id: 'invitation-password', refusals: ['staff.invitation_invalid'] },
];

/**
 * Where a staff member's invitation email lands (/invitation): they choose a password that meets the sign-in rules and
 * their account becomes active; then they sign in. Opening the page changes nothing (mail scanners open links); only
 * the button uses the one-time link.
 */
export function InvitationRoute() {
  const tr = useT(authMessages);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const token = useRef(tokenFromLocation()).current;
  const errors = useFormErrors(FIELDS);
  const invitation = useQuery({
    queryKey: invitationKeys.check(token),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
    queryFn: () => unwrap(apiClient.POST('/api/invitations/check', { body: { token: token! } })),
  });
  const accept = useMutation({
    mutationFn: (password: string) =>
      unwrap(apiClient.POST('/api/invitations/accept', { body: { token: token!, password } })),
    onSuccess: ({ email }) => {
      // The link is spent: drop it from the address bar and history.
      window.history.replaceState(null, '', window.location.pathname);
      void navigate('/sign-in', { replace: true, state: { accountReady: email } });
    },
    onError: errors.fail,
  });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const password = String(data.get('password') ?? '');
    const confirm = String(data.get('confirm') ?? '');
    const failed = errors.check({
      password: !password
        ? tr('passwordRequired')
        : password.length < PASSWORD_MIN_LENGTH
          ? tr('passwordTooShort')
          : password.length > PASSWORD_MAX_LENGTH
            ? tr('passwordTooLong')
            : undefined,
      confirm: password && confirm !== password ? tr('invitationMismatch') : undefined,
    });
    if (failed) return;
    accept.mutate(password);
  };

  const frame = (children: ReactNode) => (
    <AuthColumn>
      <PageTitle>{tr('invitationTitle')}</PageTitle>
      {children}
    </AuthColumn>
  );

  if (!token)
    return frame(
      <Alert tone="warning" role="alert">
        {tr('invitationMissing')}
      </Alert>,
    );
  if (invitation.isPending) return frame(<LoadingState label={tr('invitationChecking')} />);
  if (invitation.isError)
    return frame(
      <>
        <ProblemAlert error={invitation.error} />
        <p className="margin-top-4">
          {tr('invitationAskAgain')} <Link to="/sign-in">{tr('signInLink')}</Link>
        </p>
      </>,
    );
  const inv = invitation.data;
  return frame(
    <>
      <p>{tr('invitationWelcome', { name: inv.displayName, email: inv.email })}</p>
      <p>{tr('invitationExpires', { date: formatDateTime(inv.expiresAt, language) })}</p>
      <CheckedForm errors={errors} onSubmit={onSubmit}>
        {/* For password managers: the account this password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={inv.email} />
        <TextField
          id="invitation-password"
          name="password"
          type="password"
          label={tr('invitationPassword')}
          hint={tr('invitationPasswordHint')}
          autoComplete="new-password"
          error={errors.error('password') ?? errors.error('token')}
        />
        <TextField
          {...errors.field('confirm')}
          type="password"
          label={tr('invitationConfirm')}
          autoComplete="new-password"
        />
        <AuthSubmit
          pending={accept.isPending}
          label={tr('invitationButton')}
          busy={tr('invitationActivating')}
        />
      </CheckedForm>
    </>,
  );
}

export default InvitationRoute;
