import { programsQueryOptions } from '@hms/api-client';
import { ErrorSummary, SelectField, TextField, useFormErrors, useLanguage, useT } from '@hms/ui';
import type { FormField } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { periodMessages } from './period-messages.ts';
import type { Period } from './period-params.ts';

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
  const { language } = useLanguage();
  const programs = useQuery({ ...programsQueryOptions(), enabled: program });
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
      // Re-mount when the URL or the program list changes so the uncontrolled fields show the current values.
      key={`${period.from}|${period.to}|${period.program}|${shown?.from}|${programs.isSuccess}`}
      className="usa-form usa-form--large maxw-none margin-bottom-3"
      onSubmit={onSubmit}
      aria-label={tr(!program ? 'datesLabel' : dates ? 'periodLabel' : 'programLabel')}
      noValidate
    >
      <ErrorSummary {...errors.summary} />
      <div className="grid-row grid-gap">
        {dates ? (
          <>
            <div className="tablet:grid-col-3">
              <TextField
                id="period-from"
                name="from"
                type="date"
                label={tr('from')}
                hint={tr('dateHint')}
                defaultValue={period.from ?? shown?.from ?? ''}
                error={errors.error('from')}
              />
            </div>
            <div className="tablet:grid-col-3">
              <TextField
                id="period-to"
                name="to"
                type="date"
                label={tr('to')}
                hint={tr('dateHint')}
                defaultValue={period.to ?? shown?.to ?? ''}
                error={errors.error('to')}
              />
            </div>
          </>
        ) : null}
        {program ? (
          <div className="tablet:grid-col-4">
            <SelectField
              id="period-program"
              name="program"
              label={tr('program')}
              defaultValue={period.program ?? ''}
              placeholder={tr('allPrograms')}
              options={(programs.data ?? []).map((p) => ({
                value: p.slug,
                label: p.name[language],
              }))}
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
