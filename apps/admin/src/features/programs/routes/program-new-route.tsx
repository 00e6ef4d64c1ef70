import { adminProgramKeys } from '@hms/api-client';
import { PageIntro, SelectField, TextField, useFormErrors, useT, CheckedForm } from '@hms/ui';
import type { FormField } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { createProgramMutationOptions } from '../api/programs.ts';
import { dollarsToCents } from '../components/money.ts';
import { PAYEE_TYPES } from '../components/program-choices.ts';
import { programsMessages } from '../messages.ts';
import { programNewHelp } from '../help.ts';

type Field = 'slug' | 'name' | 'payeeType' | 'maxAmountCents';
const FIELDS: FormField<Field>[] = [
  { name: 'slug', id: 'program-slug', refusals: ['program.slug_taken'] },
  { name: 'name', id: 'program-name-en' },
  { name: 'payeeType', id: 'program-payee' },
  { name: 'maxAmountCents', id: 'program-max' },
];

/** Admin: a new program starts as a draft with a name, a web address and a starter form. */
export function ProgramNewRoute() {
  const tr = useT(programsMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const create = useMutation({
    ...createProgramMutationOptions(),
    onSuccess: (program) => {
      void queryClient.invalidateQueries({ queryKey: adminProgramKeys.all });
      void navigate(`/admin/programs/${program.id}`);
    },
  });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const slug = String(data.get('slug') ?? '').trim();
    const en = String(data.get('nameEn') ?? '').trim();
    const es = String(data.get('nameEs') ?? '').trim();
    const payeeType = data.get('payeeType') === 'business' ? 'business' : 'individual';
    const cents = dollarsToCents(String(data.get('maxAmount') ?? ''));
    const failed = errors.check({
      slug: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? undefined : tr('slugRequired'),
      name: en ? undefined : tr('nameRequired'),
      maxAmountCents: cents !== null && cents > 0 ? undefined : tr('amountRequired'),
    });
    if (failed) return;
    create.mutate(
      { slug, name: { en, es }, payeeType, maxAmountCents: cents! },
      { onError: errors.fail },
    );
  };
  return (
    <>
      <PageIntro title={tr('newTitle')} lead={tr('newLead')} help={programNewHelp} />
      <CheckedForm errors={errors} onSubmit={onSubmit}>
        <TextField
          {...errors.field('slug')}
          label={tr('slug')}
          hint={tr('slugHint')}
          maxLength={64}
          autoComplete="off"
        />
        <TextField
          id="program-name-en"
          name="nameEn"
          label={tr('nameEn')}
          error={errors.error('name')}
          maxLength={200}
        />
        <TextField id="program-name-es" name="nameEs" label={tr('nameEs')} maxLength={200} />
        <SelectField
          id="program-payee"
          name="payeeType"
          label={tr('payeeType')}
          defaultValue="individual"
          options={PAYEE_TYPES.map((type) => ({ value: type, label: tr(`payee_${type}`) }))}
        />
        <TextField
          id="program-max"
          name="maxAmount"
          label={tr('maxAmount')}
          error={errors.error('maxAmountCents')}
          inputMode="decimal"
        />
        <button type="submit" className="usa-button margin-top-3" disabled={create.isPending}>
          {tr('continue')}
        </button>
      </CheckedForm>
      <p className="margin-top-3">
        <Link to="/admin/programs">{tr('back')}</Link>
      </p>
    </>
  );
}
