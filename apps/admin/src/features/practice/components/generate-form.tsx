import { practiceKeys } from '@hms/api-client';
import { MAX_PRACTICE_REQUESTS_AT_ONCE } from '@hms/contracts/practice';
import {
  DataTable,
  SelectField,
  TextField,
  formatCents,
  useFormErrors,
  useLanguage,
  useT,
  type FormField,
  CheckedForm,
} from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { generateRequestsMutationOptions, refusalOnField } from '../api/practice.ts';
import type { PracticeProgram } from '../api/practice.ts';
import { practiceMessages } from '../messages.ts';
import { ResultNotice } from '../../../shared/result-notice.tsx';

type Field = 'programId' | 'count';
// Refusals about the chosen program as a whole: it is gone, it is not practice (any more), or no answers meet its
// form and rules. They are shown on the program field.
const PROGRAM_REFUSALS = [
  'program.not_found',
  'practice.program_not_practice',
  'practice.answers_not_generated',
] as const;
const FIELDS: FormField<Field>[] = [
  { name: 'programId', id: 'practice-program', refusals: PROGRAM_REFUSALS },
  { name: 'count', id: 'practice-count' },
];
const MAX = MAX_PRACTICE_REQUESTS_AT_ONCE;

/** Creates 1–25 submitted practice requests in a practice program and lists what was made. */
export function GenerateForm({
  programs,
  initialProgramId,
}: {
  /** The practice programs. */
  programs: PracticeProgram[];
  /** The program chosen when the form opens (a copy just made); the only one when there is one. */
  initialProgramId: string | undefined;
}) {
  const tr = useT(practiceMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const generate = useMutation({
    ...generateRequestsMutationOptions(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: practiceKeys.all }),
    onError: (e) => errors.fail(refusalOnField(e, 'programId', PROGRAM_REFUSALS)),
  });

  const countError = (raw: string) => {
    if (!raw) return tr('countRequired');
    if (!/^\d+$/.test(raw)) return tr('countWhole');
    const n = Number(raw);
    if (n < 1) return tr('countMin');
    if (n > MAX) return tr('countMax', { max: MAX });
    return undefined;
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    generate.reset();
    const data = new FormData(e.currentTarget);
    const programId = String(data.get('programId') ?? '');
    const count = String(data.get('count') ?? '').trim();
    const failed = errors.check({
      programId: programId ? undefined : tr('programRequired'),
      count: countError(count),
    });
    if (failed) return;
    generate.mutate({ programId, count: Number(count) });
  };

  if (programs.length === 0) return <p>{tr('needPractice')}</p>;
  const only = programs.length === 1 ? programs[0]?.id : undefined;
  const created = generate.data?.created;
  return (
    <>
      <CheckedForm errors={errors} onSubmit={onSubmit}>
        <SelectField
          {...errors.field('programId')}
          label={tr('practiceProgram')}
          placeholder={only ? undefined : tr('choose')}
          defaultValue={initialProgramId ?? only ?? ''}
          options={programs.map((p) => ({ value: p.id, label: p.name[language] }))}
        />
        <TextField
          {...errors.field('count')}
          label={tr('count')}
          hint={tr('countHint', { max: MAX })}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="usa-input--small"
          maxLength={3}
        />
        <button type="submit" className="usa-button margin-top-2" disabled={generate.isPending}>
          {generate.isPending ? tr('generating') : tr('generateSubmit')}
        </button>
      </CheckedForm>
      <ResultNotice text={created ? tr('created', { count: created.length }) : null} />
      {/* Outside the live region: the notice says how many; the list is there to read at one's own pace. */}
      {created ? (
        <DataTable
          caption={tr('createdCaption')}
          rows={created}
          columns={[
            { header: tr('reference'), rowHeader: true, cell: (r) => r.reference },
            {
              header: tr('amount'),
              numeric: true,
              cell: (r) => formatCents(r.amountRequestedCents, language),
            },
          ]}
        />
      ) : null}
    </>
  );
}
