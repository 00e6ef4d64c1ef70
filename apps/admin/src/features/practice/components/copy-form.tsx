import { practiceKeys } from '@hms/api-client';
import { SelectField, useFormErrors, useLanguage, useT, CheckedForm } from '@hms/ui';
import type { FormField } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { copyProgramMutationOptions, refusalOnField } from '../api/practice.ts';
import type { CopiedProgram, PracticeProgram } from '../api/practice.ts';
import { practiceMessages } from '../messages.ts';

const FIELDS: FormField<'sourceProgramId'>[] = [
  { name: 'sourceProgramId', id: 'practice-source', refusals: ['program.not_found'] },
];

/** Makes a practice copy of a real program; the new program is reported once the overview lists it. */
export function CopyForm({
  sources,
  onCopied,
}: {
  /** The real programs (a practice copy is made from the program itself, not from another copy). */
  sources: PracticeProgram[];
  onCopied: (copy: CopiedProgram) => void;
}) {
  const tr = useT(practiceMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const copy = useMutation({
    ...copyProgramMutationOptions(),
    onSuccess: async (copied) => {
      // Waits for the overview to list the copy, so the result and the request form can name and offer it.
      await queryClient.invalidateQueries({ queryKey: practiceKeys.all });
      onCopied(copied);
    },
    onError: (e) => errors.fail(refusalOnField(e, 'sourceProgramId', ['program.not_found'])),
  });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const sourceProgramId = String(new FormData(e.currentTarget).get('sourceProgramId') ?? '');
    if (errors.check({ sourceProgramId: sourceProgramId ? undefined : tr('sourceRequired') }))
      return;
    copy.mutate({ sourceProgramId });
  };
  if (sources.length === 0) return <p>{tr('noSource')}</p>;
  return (
    <CheckedForm errors={errors} onSubmit={onSubmit}>
      <SelectField
        {...errors.field('sourceProgramId')}
        label={tr('source')}
        placeholder={tr('choose')}
        defaultValue=""
        options={sources.map((p) => ({ value: p.id, label: p.name[language] }))}
      />
      <button type="submit" className="usa-button margin-top-2" disabled={copy.isPending}>
        {tr('copySubmit')}
      </button>
    </CheckedForm>
  );
}
