import { resolutionKindText, resolutionKinds } from '@hms/contracts/finance-reconciliation';
import { ProblemAlert, SelectField, TextAreaField, useLabel, useT } from '@hms/ui';
import { useEffect, useRef, type FormEvent } from 'react';
import { reconciliationMessages } from '../messages.ts';

/**
 * A supervisor's resolution of one exception by hand: a kind and a note, both kept with the resolution and in the
 * audit log. The heading takes focus when the form opens, so a keyboard user lands on it.
 */
export function ResolveForm({
  item,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  item: string;
  busy: boolean;
  error: unknown;
  onSubmit: (v: { resolution: 'written_off' | 'confirmed_with_bank'; note: string }) => void;
  onCancel: () => void;
}) {
  const tr = useT(reconciliationMessages);
  const label = useLabel();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [item]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    onSubmit({
      resolution:
        data.get('resolution') === 'confirmed_with_bank' ? 'confirmed_with_bank' : 'written_off',
      note: String(data.get('note') ?? ''),
    });
  };
  return (
    <section aria-labelledby="resolve-heading" className="margin-top-5">
      <h2 id="resolve-heading" tabIndex={-1} ref={heading}>
        {tr('resolveFor', { item })}
      </h2>
      {error ? <ProblemAlert error={error} /> : null}
      <form className="usa-form maxw-none" onSubmit={submit}>
        <SelectField
          id="resolve-resolution"
          name="resolution"
          label={tr('resolution')}
          options={resolutionKinds.map((k) => ({ value: k, label: label(resolutionKindText[k]) }))}
        />
        <TextAreaField id="resolve-note" name="note" label={tr('note')} required maxLength={500} />
        <div className="margin-top-2">
          <button type="submit" className="usa-button" disabled={busy}>
            {tr('confirm')}
          </button>
          <button type="button" className="usa-button usa-button--outline" onClick={onCancel}>
            {tr('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
