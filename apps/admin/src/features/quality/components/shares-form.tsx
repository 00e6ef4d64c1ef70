import { basisPointsToPercent, percentToBasisPoints } from '@hms/contracts/quality-share-percent';
import {
  ErrorSummary,
  ProblemAlert,
  TextField,
  useFormErrors,
  useT,
  type FormField,
} from '@hms/ui';
import type { FormEvent } from 'react';
import type { QualityShares, UpdateQualityShares } from '../api/quality-shares.ts';
import { qualitySharesMessages } from '../messages.ts';

type Field = 'humanShareBasisPoints' | 'automatedShareBasisPoints';
const FIELDS: FormField<Field>[] = [
  { name: 'humanShareBasisPoints', id: 'share-human' },
  { name: 'automatedShareBasisPoints', id: 'share-automated' },
];

/** A program's two shares, typed as percents (GOV.UK pattern: checked here first, errors in a summary). */
export function SharesForm({
  shares,
  saving,
  onSave,
}: {
  shares: QualityShares;
  saving: boolean;
  onSave: (body: UpdateQualityShares, onError: (error: unknown) => void) => void;
}) {
  const tr = useT(qualitySharesMessages);
  const errors = useFormErrors(FIELDS);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const human = percentToBasisPoints(String(data.get('human') ?? ''));
    const automated = percentToBasisPoints(String(data.get('automated') ?? ''));
    if (
      errors.check({
        humanShareBasisPoints: human === null ? tr('notAShare') : undefined,
        automatedShareBasisPoints: automated === null ? tr('notAShare') : undefined,
      })
    )
      return;
    onSave({ humanShareBasisPoints: human!, automatedShareBasisPoints: automated! }, errors.fail);
  };

  return (
    <>
      {errors.problem ? <ProblemAlert error={errors.problem} /> : null}
      <form className="usa-form usa-form--large" noValidate onSubmit={submit}>
        <ErrorSummary {...errors.summary} />
        <TextField
          id="share-human"
          name="human"
          label={tr('humanLabel')}
          hint={tr('humanHint')}
          error={errors.error('humanShareBasisPoints')}
          inputMode="decimal"
          className="usa-input--small"
          defaultValue={basisPointsToPercent(shares.humanShareBasisPoints)}
        />
        <TextField
          id="share-automated"
          name="automated"
          label={tr('automatedLabel')}
          hint={tr('automatedHint')}
          error={errors.error('automatedShareBasisPoints')}
          inputMode="decimal"
          className="usa-input--small"
          defaultValue={basisPointsToPercent(shares.automatedShareBasisPoints)}
        />
        <button type="submit" className="usa-button margin-top-3" disabled={saving}>
          {saving ? tr('saving') : tr('save')}
        </button>
      </form>
    </>
  );
}
