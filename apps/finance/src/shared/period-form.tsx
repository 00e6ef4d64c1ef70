import { ErrorSummary, useFormErrors, useT } from '@hms/ui';
import type { FormField } from '@hms/ui';
import type { FormEvent } from 'react';
import { DateFields } from './date-fields.tsx';
import { periodMessages } from './period-messages.ts';
import type { Period } from './period-params.ts';
import { ProgramSelect } from './program-select.tsx';

const FIELDS: FormField<'from' | 'to' | 'program'>[] = [
  { name: 'from', id: 'period-from' },
  { name: 'to', id: 'period-to' },
  { name: 'program', id: 'period-program' },
];

/**
 * The period (agency days, "to" included) and program of a finance page (the overview and its lists, trends), or the
 * program alone (`dates={false}`: budgets, which are as of today). Submitting puts them in the URL; a reversed
 * range is refused here, before the API would refuse it, with the error linked to the "to" field.
 */
export function PeriodForm({
  period,
  shown,
  onApply,
  dates = true,
  program = true,
  allTime = false,
}: {
  period: Period;
  /** Offer the from and to dates (default); false: the program only. */
  dates?: boolean;
  /** Offer the program (default); false: the dates only (reconciliation, which is per file, not per program). */
  program?: boolean;
  /** Without dates the page shows the whole history (reconciliation), not this month: the reset button says so. */
  allTime?: boolean;
  /** The period the API answered for (its defaults filled in), to show in the fields. */
  shown?: { from: string; to: string };
  onApply: (next: Period) => void;
}) {
  const tr = useT(periodMessages);
  const errors = useFormErrors(FIELDS);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const get = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    const next = { from: get('from'), to: get('to'), program: get('program') };
    if (
      errors.check({
        to: next.from && next.to && next.from > next.to ? tr('toBeforeFrom') : undefined,
      })
    )
      return;
    onApply(next);
  };
  return (
    <form
      // Re-mount when the URL changes so the uncontrolled fields show the current values.
      key={`${period.from}|${period.to}|${period.program}|${shown?.from}`}
      className="usa-form usa-form--large maxw-none margin-bottom-3"
      onSubmit={onSubmit}
      aria-label={tr(!program ? 'datesLabel' : dates ? 'periodLabel' : 'programLabel')}
      noValidate
    >
      <ErrorSummary {...errors.summary} />
      <div className="grid-row grid-gap">
        {dates ? (
          <DateFields
            hint={tr('dateHint')}
            fields={(['from', 'to'] as const).map((name) => ({
              id: `period-${name}`,
              name,
              label: tr(name),
              value: period[name] ?? shown?.[name] ?? '',
              error: errors.error(name),
            }))}
          />
        ) : null}
        {program ? (
          <div className="tablet:grid-col-4">
            <ProgramSelect
              id="period-program"
              name="program"
              value={period.program ?? ''}
              by="slug"
            />
          </div>
        ) : null}
      </div>
      <div className="margin-top-2">
        <button type="submit" className="usa-button">
          {tr('apply')}
        </button>
        {dates ? (
          <button
            type="button"
            className="usa-button usa-button--unstyled margin-left-2"
            onClick={() => onApply({ program: period.program })}
          >
            {tr(allTime ? 'wholeHistory' : 'thisMonth')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
