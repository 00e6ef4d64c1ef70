import { staffKeys } from '@hms/api-client';
import {
  ButtonGroup,
  ConfirmAction,
  HelpPanel,
  LoadingState,
  PageTitle,
  ProblemAlert,
  formatDate,
  formatDateTime,
  useFocusWhen,
  useFormErrors,
  useLanguage,
  useT,
  type FormField,
  CheckedForm,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import {
  changeRolesMutationOptions,
  personActionMutationOptions,
  staffDetailQueryOptions,
  type PersonAction,
  type StaffDetail,
  type StaffRole,
} from '../api/staff.ts';
import { RoleCheckboxes } from '../components/role-checkboxes.tsx';
import { StaffStatusTag } from '../components/staff-status-tag.tsx';
import { staffHelp } from '../help.ts';
import { BackToList } from '../components/back-to-list.tsx';
import { staffMessages } from '../messages.ts';
import { ResultNotice } from '../../../shared/result-notice.tsx';

const ROLE_FIELDS: FormField<'roles'>[] = [
  {
    name: 'roles',
    id: 'person-roles',
    refusals: [
      'staff.roles_required',
      'staff.roles_separation_of_duties',
      'staff.roles_citizen_with_staff',
    ],
  },
];

/** Roles as checkboxes that follow the separation-of-duties rule; the last active admin keeps their admin role. */
function RolesForm({ person }: { person: StaffDetail }) {
  const tr = useT(staffMessages);
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<StaffRole[]>(person.roles);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors(ROLE_FIELDS);
  const save = useMutation({
    ...changeRolesMutationOptions(person.id),
    onSuccess: (next) => {
      queryClient.setQueryData(staffKeys.detail(person.id), next);
      void queryClient.invalidateQueries({ queryKey: staffKeys.all });
      setSaved(tr('rolesSaved'));
    },
    onError: errors.fail,
  });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(null);
    if (errors.check({ roles: roles.length ? undefined : tr('rolesRequired') })) return;
    const same =
      roles.length === person.roles.length && roles.every((r) => person.roles.includes(r));
    if (same) {
      setSaved(tr('rolesUnchanged'));
      return;
    }
    save.mutate(roles);
  };
  return (
    <section aria-labelledby="roles-heading" className="margin-top-4">
      <h2 id="roles-heading">{tr('rolesTitle')}</h2>
      <CheckedForm errors={errors} onSubmit={onSubmit}>
        <RoleCheckboxes
          id="person-roles"
          chosen={roles}
          onChange={(r) => {
            setSaved(null);
            setRoles(r);
          }}
          error={errors.error('roles')}
          locked={person.lastActiveAdmin ? { admin: tr('lastAdminHint') } : {}}
        />
        <button type="submit" className="usa-button margin-top-2" disabled={save.isPending}>
          {tr('saveRoles')}
        </button>
      </CheckedForm>
      <ResultNotice text={saved} />
    </section>
  );
}

/** Admin: /admin/users/:userId — one staff member. */
export function PersonRoute() {
  const { userId = '' } = useParams();
  const tr = useT(staffMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const location = useLocation();
  const invitedEmail = (location.state as { invited?: string } | null)?.invited;
  const person = useQuery(staffDetailQueryOptions(userId));
  const [confirming, setConfirming] = useState<'deactivate' | 'reactivate' | null>(null);
  const [notice, setNotice] = useState<string | null>(
    invitedEmail ? tr('invited', { email: invitedEmail }) : null,
  );
  const act = useMutation({
    ...personActionMutationOptions(userId),
    onSuccess: (next, action: PersonAction) => {
      setConfirming(null);
      if (next) queryClient.setQueryData(staffKeys.detail(userId), next);
      void queryClient.invalidateQueries({ queryKey: staffKeys.all });
      const name = person.data?.displayName ?? '';
      setNotice(
        {
          deactivate: tr('deactivated', { name }),
          reactivate: tr('reactivated', { name }),
          resend: tr('resent'),
          revoke: tr('revokedInvite'),
          'clear-lock': tr('lockCleared'),
        }[action],
      );
    },
  });
  // The pressed button is off while its action runs, or gone after it (deactivate, withdraw): the outcome takes focus.
  // The invitation's notice, there when the page opens, does not.
  const noticeRef = useFocusWhen<HTMLDivElement>(act.isSuccess ? notice : null);
  const run = (action: PersonAction) => {
    setNotice(null);
    act.mutate(action);
  };

  const actionButton = (action: PersonAction, label: string, className: string) => (
    <button
      type="button"
      className={className}
      disabled={act.isPending}
      onClick={() => run(action)}
    >
      {label}
    </button>
  );

  if (person.isPending) return <LoadingState label={tr('personLoading')} />;
  if (person.isError)
    return (
      <>
        <BackToList />
        <ProblemAlert error={person.error} onRetry={() => void person.refetch()} />
      </>
    );
  const p = person.data;
  const inv = p.invitation;
  return (
    <>
      <BackToList />
      <PageTitle>
        {p.displayName} {p.isYou ? tr('you') : null}
      </PageTitle>
      <p>
        <StaffStatusTag status={p.status} />{' '}
        {p.deactivatedAt
          ? tr('deactivatedOn', { date: formatDate(p.deactivatedAt, language) })
          : null}
      </p>
      <HelpPanel content={staffHelp} />
      <ResultNotice ref={noticeRef} text={notice} />
      {act.isError ? <ProblemAlert error={act.error} /> : null}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{tr('details')}</h2>
        <dl>
          <dt>{tr('email')}</dt>
          <dd className="text-wrap">{p.email}</dd>
          <dt>{tr('accountLanguage')}</dt>
          <dd>{tr(`lang_${p.language}`)}</dd>
          <dt>{tr('addedOn')}</dt>
          <dd>{formatDate(p.createdAt, language)}</dd>
          <dt>{tr('heldRequests')}</dt>
          <dd>{p.claimedRequests}</dd>
        </dl>
      </section>

      <RolesForm key={`${p.id}:${p.roles.join(',')}`} person={p} />

      {inv ? (
        <section aria-labelledby="invitation-heading" className="margin-top-4">
          <h2 id="invitation-heading">{tr('invitationTitle')}</h2>
          <p>
            {tr(`invitation_${inv.state}`, { date: formatDateTime(inv.expiresAt, language) })}{' '}
            {inv.invitedBy
              ? tr('invitedBy', {
                  name: inv.invitedBy,
                  date: formatDateTime(inv.createdAt, language),
                })
              : null}
          </p>
          {p.status === 'invited' ? (
            <ButtonGroup>
              {actionButton('resend', tr('resend'), 'usa-button usa-button--outline')}
              {inv.state === 'pending'
                ? actionButton('revoke', tr('revokeInvite'), 'usa-button usa-button--secondary')
                : null}
            </ButtonGroup>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="lock-heading" className="margin-top-4">
        <h2 id="lock-heading">{tr('lockTitle')}</h2>
        {p.signInLock ? (
          <>
            <p>
              {tr('lockText', {
                failures: p.signInLock.failures,
                sources: p.signInLock.sources,
                date: formatDateTime(p.signInLock.lastFailureAt, language),
              })}{' '}
              {p.signInLock.waitUntil
                ? tr('lockWait', { date: formatDateTime(p.signInLock.waitUntil, language) })
                : null}
            </p>
            {actionButton('clear-lock', tr('clearLock'), 'usa-button usa-button--outline')}
          </>
        ) : (
          <p>{tr('noLock')}</p>
        )}
      </section>

      <section aria-labelledby="access-heading" className="margin-top-4">
        <h2 id="access-heading">{tr('accessTitle')}</h2>
        {confirming ? (
          <ConfirmAction
            question={
              confirming === 'deactivate'
                ? tr('confirmDeactivate', { name: p.displayName, count: p.claimedRequests })
                : tr('confirmReactivate', { name: p.displayName })
            }
            confirmLabel={confirming === 'deactivate' ? tr('yesDeactivate') : tr('yesReactivate')}
            cancelLabel={tr('no')}
            busy={act.isPending}
            onConfirm={() => run(confirming)}
            onCancel={() => setConfirming(null)}
          />
        ) : p.status === 'deactivated' ? (
          <button
            type="button"
            className="usa-button usa-button--outline"
            onClick={() => setConfirming('reactivate')}
          >
            {tr('reactivate')}
          </button>
        ) : (
          <>
            {p.lastActiveAdmin ? (
              <p className="usa-hint" id="deactivate-why">
                {tr('lastAdminDeactivate')}
              </p>
            ) : null}
            <button
              type="button"
              className="usa-button usa-button--secondary"
              disabled={p.lastActiveAdmin}
              aria-describedby={p.lastActiveAdmin ? 'deactivate-why' : undefined}
              onClick={() => setConfirming('deactivate')}
            >
              {tr('deactivate')}
            </button>
          </>
        )}
      </section>
    </>
  );
}
