import { recheckOutcomes, type RecheckBody } from '@hms/contracts/quality';
import {
  ErrorSummary,
  ProblemAlert,
  RadioGroup,
  TextAreaField,
  useFormErrors,
  useT,
  type FormField,
} from '@hms/ui';
import type { FormEvent } from 'react';
import { qualityMessages } from '../messages.ts';

type Field = 'outcome' | 'note';
const FIELDS: FormField<Field>[] = [
  { name: 'outcome', id: 'recheck-outcome' },
  { name: 'note', id: 'recheck-note' },
];

/** The blind re-decision (GOV.UK pattern: checked here first, errors in a summary that takes focus). */
export function RecheckForm({
  saving,
  onSave,
}: {
  saving: boolean;
  onSave: (body: RecheckBody, onError: (error: unknown) => void) => void;
}) {
  const tr = useT(qualityMessages);
  const errors = useFormErrors(FIELDS);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const outcome = String(data.get('outcome') ?? '');
    const note = String(data.get('note') ?? '').trim();
    const valid = (recheckOutcomes as readonly string[]).includes(outcome);
    if (
      errors.check({
        outcome: valid ? undefined : tr('chooseOutcome'),
        note: note.length > 2000 ? tr('noteTooLong') : undefined,
      })
    )
      return;
    onSave({ outcome: outcome as RecheckBody['outcome'], note }, errors.fail);
  };

  return (
    <section aria-labelledby="recheck-h">
      <h2 id="recheck-h">{tr('yourDecision')}</h2>
      {errors.problem ? <ProblemAlert error={errors.problem} headingLevel={3} /> : null}
      <form className="usa-form usa-form--large" noValidate onSubmit={submit}>
        <ErrorSummary {...errors.summary} />
        <RadioGroup
          id="recheck-outcome"
          name="outcome"
          label={tr('decisionHint')}
          error={errors.error('outcome')}
          options={[
            { value: 'approve', label: tr('approve') },
            { value: 'reject', label: tr('reject') },
          ]}
        />
        <TextAreaField
          id="recheck-note"
          name="note"
          label={tr('noteLabel')}
          hint={tr('noteHint')}
          error={errors.error('note')}
        />
        <button type="submit" className="usa-button margin-top-3" disabled={saving}>
          {saving ? tr('submitting') : tr('submit')}
        </button>
      </form>
    </section>
  );
}
