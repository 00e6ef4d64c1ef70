import { staffKeys } from '@hms/api-client';
import {
  CheckedForm,
  LANGUAGES,
  PageIntro,
  SelectField,
  TextField,
  useFormErrors,
  useT,
} from '@hms/ui';
import type { FormField } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { inviteMutationOptions, type StaffRole } from '../api/staff.ts';
import { RoleCheckboxes } from '../components/role-checkboxes.tsx';
import { BackToList } from '../components/back-to-list.tsx';
import { staffMessages } from '../messages.ts';
import { inviteHelp } from '../help.ts';

type Field = 'displayName' | 'email' | 'language' | 'roles';
const FIELDS: FormField<Field>[] = [
  { name: 'displayName', id: 'invite-name' },
  { name: 'email', id: 'invite-email', refusals: ['staff.email_taken'] },
  { name: 'language', id: 'invite-language' },
  {
    name: 'roles',
    id: 'invite-roles',
    refusals: [
      'staff.roles_required',
      'staff.roles_separation_of_duties',
      'staff.roles_citizen_with_staff',
    ],
  },
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Admin: /admin/users/invite. The person gets an email with a one-time link to choose their password. */
export function InviteRoute() {
  const tr = useT(staffMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [roles, setRoles] = useState<StaffRole[]>([]);
  const invite = useMutation({
    ...inviteMutationOptions(),
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: staffKeys.all });
      void navigate(`/admin/users/${person.id}`, { state: { invited: person.email } });
    },
    onError: (e) => {
      // 409 email_taken has no field error: put it on the email field.
      const code = (e as { code?: unknown }).code;
      errors.fail(
        code === 'staff.email_taken'
          ? { ...(e as object), errors: [{ field: 'body.email', message: 'taken' }] }
          : e,
      );
    },
  });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const displayName = String(data.get('displayName') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    const language = data.get('language') === 'es' ? 'es' : 'en';
    const failed = errors.check({
      displayName: displayName ? undefined : tr('nameRequired'),
      email: !email ? tr('emailRequired') : EMAIL.test(email) ? undefined : tr('emailInvalid'),
      roles: roles.length ? undefined : tr('rolesRequired'),
    });
    if (failed) return;
    invite.mutate({ displayName, email, language, roles });
  };
  return (
    <>
      <BackToList />
      <PageIntro title={tr('inviteTitle')} lead={tr('inviteLead')} help={inviteHelp} />
      <CheckedForm errors={errors} onSubmit={onSubmit}>
        <TextField
          {...errors.field('displayName')}
          label={tr('displayName')}
          autoComplete="off"
          maxLength={100}
        />
        <TextField
          {...errors.field('email')}
          type="email"
          label={tr('email')}
          hint={tr('emailHint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={254}
        />
        <SelectField
          {...errors.field('language')}
          label={tr('language')}
          defaultValue="en"
          options={LANGUAGES.map((lang) => ({ value: lang, label: tr(`lang_${lang}`) }))}
        />
        <RoleCheckboxes
          id="invite-roles"
          chosen={roles}
          onChange={setRoles}
          error={errors.error('roles')}
        />
        <button type="submit" className="usa-button margin-top-2" disabled={invite.isPending}>
          {tr('sendInvite')}
        </button>
      </CheckedForm>
    </>
  );
}
