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
type Key = keyof (typeof qualitySharesMessages)['en'];

/** The two shares the form asks for, each typed as a percent into an input of its own. */
interface Share {
  field: Field;
  id: string;
  name: string;
  label: Key;
  hint: Key;
}
const SHARES: readonly Share[] = [
  {
    field: 'humanShareBasisPoints',
    id: 'share-human',
    name: 'human',
    label: 'humanLabel',
    hint: 'humanHint',
  },
  {
    field: 'automatedShareBasisPoints',
    id: 'share-automated',
    name: 'automated',
    label: 'automatedLabel',
    hint: 'automatedHint',
  },
];
const FIELDS: FormField<Field>[] = SHARES.map((s) => ({ name: s.field, id: s.id }));

function ShareField({
  share,
  basisPoints,
  error,
}: {
  share: Share;
  basisPoints: number;
  error: string | undefined;
}) {
  const tr = useT(qualitySharesMessages);
  return (
    <TextField
      id={share.id}
      name={share.name}
      label={tr(share.label)}
      hint={tr(share.hint)}
      error={error}
      inputMode="decimal"
      className="usa-input--small"
      defaultValue={basisPointsToPercent(basisPoints)}
    />
  );
}

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
        {SHARES.map((share) => (
          <ShareField
            key={share.field}
            share={share}
            basisPoints={shares[share.field]}
            error={errors.error(share.field)}
          />
        ))}
        <button type="submit" className="usa-button margin-top-3" disabled={saving}>
          {saving ? tr('saving') : tr('save')}
        </button>
      </form>
    </>
  );
}
