import { resolutionKindText, resolutionKinds } from '@hms/contracts/finance-reconciliation';
import {
  CheckedForm,
  SelectField,
  TextAreaField,
  useFormErrors,
  useLabel,
  useT,
  type FormField,
} from '@hms/ui';
import { useEffect, useRef, type FormEvent } from 'react';
import { reconciliationMessages } from '../messages.ts';

/** The API's shortest note (`note` in the resolve body): why, in a few words, for the audit log. */
const NOTE_MIN = 5;

const FIELDS: FormField<'resolution' | 'note'>[] = [
  { name: 'resolution', id: 'resolve-resolution' },
  { name: 'note', id: 'resolve-note' },
];

/**
 * A supervisor's resolution of one exception by hand: a kind and a note, both kept with the resolution and in the
 * audit log. The heading takes focus when the form opens, so a keyboard user lands on it. A note that is missing or
 * too short, here or as the API says, is shown on the note and in the error summary.
 */
export function ResolveForm({
  item,
  busy,
  onSubmit,
  onCancel,
}: {
  item: string;
  busy: boolean;
  /** Records the resolution; a rejection (the API's problem) is shown on the form. */
  onSubmit: (v: {
    resolution: 'written_off' | 'confirmed_with_bank';
    note: string;
  }) => Promise<unknown>;
  onCancel: () => void;
}) {
  const tr = useT(reconciliationMessages);
  const label = useLabel();
  const errors = useFormErrors(FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [item]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const note = String(data.get('note') ?? '').trim();
    if (errors.check({ note: note.length < NOTE_MIN ? tr('noteTooShort') : undefined })) return;
    onSubmit({
      resolution:
        data.get('resolution') === 'confirmed_with_bank' ? 'confirmed_with_bank' : 'written_off',
      note,
    }).catch(errors.fail);
  };
  return (
    <section aria-labelledby="resolve-heading" className="margin-top-5">
      <h2 id="resolve-heading" tabIndex={-1} ref={heading}>
        {tr('resolveFor', { item })}
      </h2>
      <CheckedForm
        errors={errors}
        onSubmit={submit}
        className="usa-form maxw-none"
        problemHeadingLevel={3}
      >
        <SelectField
          {...errors.field('resolution')}
          label={tr('resolution')}
          options={resolutionKinds.map((k) => ({ value: k, label: label(resolutionKindText[k]) }))}
        />
        <TextAreaField {...errors.field('note')} label={tr('note')} maxLength={500} />
        <div className="margin-top-2">
          <button type="submit" className="usa-button" disabled={busy}>
            {tr('confirm')}
          </button>
          <button type="button" className="usa-button usa-button--outline" onClick={onCancel}>
            {tr('cancel')}
          </button>
        </div>
      </CheckedForm>
    </section>
  );
}
