import { type FormEvent } from 'react';
import { parseDollars } from '@hms/contracts/money';
import { inboxSorts, type InboxQuery } from '@hms/contracts/inbox';
import { riskLevels } from '@hms/contracts/risk';
import { requestStatuses } from '@hms/contracts/requests';
import { ErrorSummary, useFormErrors, useLabel, useLanguage, useT, type FormField } from '@hms/ui';
import { requestStatusLabels, riskLevelLabels } from '@hms/contracts/labels';
import { inboxMessages } from '../messages.ts';
import { sharedMessages } from '../../../shared/messages.ts';

const AMOUNT_FIELDS: FormField<'minAmount' | 'maxAmount'>[] = [
  { name: 'minAmount', id: 'inbox-minAmount' },
  { name: 'maxAmount', id: 'inbox-maxAmount' },
];

const centsToDollars = (c: number | undefined) => (c === undefined ? '' : (c / 100).toFixed(2));

export function InboxFilters({
  query,
  programs,
  onApply,
}: {
  query: InboxQuery;
  programs: Array<{ id: string; name: { en: string; es: string } }>;
  onApply: (next: InboxQuery) => void;
}) {
  const tr = useT(inboxMessages);
  const trs = useT(sharedMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const errorState = useFormErrors(AMOUNT_FIELDS);
  const errors: Record<string, string | undefined> = {
    minAmount: errorState.error('minAmount'),
    maxAmount: errorState.error('maxAmount'),
  };

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const next: InboxQuery = {
      queue: query.queue,
      sort: (text('sort') || 'submitted_asc') as InboxQuery['sort'],
      limit: query.limit,
    };
    const bad: Partial<Record<'minAmount' | 'maxAmount', string>> = {};
    for (const [field, key] of [
      ['minAmount', 'minAmountCents'],
      ['maxAmount', 'maxAmountCents'],
    ] as const) {
      const v = text(field);
      if (!v) continue;
      const parsed = parseDollars(v);
      if (parsed.ok) next[key] = parsed.cents;
      else bad[field] = tr('amountError');
    }
    if (errorState.check(bad)) return;
    for (const key of [
      'q',
      'programId',
      'status',
      'risk',
      'submittedFrom',
      'submittedTo',
      'deadline',
    ] as const) {
      const v = text(key);
      if (v) (next as Record<string, unknown>)[key] = v;
    }
    onApply(next);
  }

  const field = 'grid-col-12 tablet:grid-col-4 padding-right-2';
  return (
    <form
      className="usa-form usa-form--large maxw-none"
      onSubmit={submit}
      aria-label={tr('filters')}
      key={JSON.stringify(query)}
    >
      <ErrorSummary {...errorState.summary} />
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{tr('filters')}</legend>
        <div className="grid-row">
          <div className="grid-col-12">
            <label className="usa-label" htmlFor="inbox-q">
              {tr('search')}
            </label>
            <input
              className="usa-input maxw-none"
              id="inbox-q"
              name="q"
              type="search"
              defaultValue={query.q ?? ''}
            />
          </div>
          <div className={field}>
            <label className="usa-label" htmlFor="inbox-program">
              {tr('program')}
            </label>
            <select
              className="usa-select"
              id="inbox-program"
              name="programId"
              defaultValue={query.programId ?? ''}
            >
              <option value="">{tr('anyProgram')}</option>
              {programs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name[language]}
                </option>
              ))}
            </select>
          </div>
          <div className={field}>
            <label className="usa-label" htmlFor="inbox-status">
              {tr('status')}
            </label>
            <select
              className="usa-select"
              id="inbox-status"
              name="status"
              defaultValue={query.status ?? ''}
            >
              <option value="">{tr('anyStatus')}</option>
              {requestStatuses
                .filter((s) => s !== 'draft')
                .map((s) => (
                  <option key={s} value={s}>
                    {label(requestStatusLabels[s].staff)}
                  </option>
                ))}
            </select>
          </div>
          <div className={field}>
            <label className="usa-label" htmlFor="inbox-risk">
              {tr('risk')}
            </label>
            <select
              className="usa-select"
              id="inbox-risk"
              name="risk"
              defaultValue={query.risk ?? ''}
            >
              <option value="">{tr('anyRisk')}</option>
              {riskLevels.map((r) => (
                <option key={r} value={r}>
                  {label(riskLevelLabels[r])}
                </option>
              ))}
            </select>
          </div>
          {(['minAmount', 'maxAmount'] as const).map((f) => (
            <div key={f} className={`${field}${errors[f] ? ' usa-form-group--error' : ''}`}>
              <label className="usa-label" htmlFor={`inbox-${f}`}>
                {tr(f)}
              </label>
              {errors[f] ? (
                <span className="usa-error-message" id={`inbox-${f}-error`}>
                  {errors[f]}
                </span>
              ) : null}
              <input
                className={`usa-input${errors[f] ? ' usa-input--error' : ''}`}
                id={`inbox-${f}`}
                name={f}
                inputMode="decimal"
                defaultValue={centsToDollars(
                  f === 'minAmount' ? query.minAmountCents : query.maxAmountCents,
                )}
                aria-describedby={errors[f] ? `inbox-${f}-error` : undefined}
                aria-invalid={errors[f] ? true : undefined}
              />
            </div>
          ))}
          <div className={field}>
            <label className="usa-label" htmlFor="inbox-deadline">
              {tr('deadline')}
            </label>
            <select
              className="usa-select"
              id="inbox-deadline"
              name="deadline"
              defaultValue={query.deadline ?? ''}
            >
              <option value="">{tr('anyDeadline')}</option>
              {(['on_time', 'due_soon', 'overdue', 'paused'] as const).map((d) => (
                <option key={d} value={d}>
                  {trs(d)}
                </option>
              ))}
            </select>
          </div>
          <div className={field}>
            <label className="usa-label" htmlFor="inbox-from">
              {tr('submittedFrom')}
            </label>
            <input
              className="usa-input"
              id="inbox-from"
              name="submittedFrom"
              type="date"
              defaultValue={query.submittedFrom ?? ''}
            />
          </div>
          <div className={field}>
            <label className="usa-label" htmlFor="inbox-to">
              {tr('submittedTo')}
            </label>
            <input
              className="usa-input"
              id="inbox-to"
              name="submittedTo"
              type="date"
              defaultValue={query.submittedTo ?? ''}
            />
          </div>
          <div className={field}>
            <label className="usa-label" htmlFor="inbox-sort">
              {tr('sort')}
            </label>
            <select
              className="usa-select"
              id="inbox-sort"
              name="sort"
              defaultValue={query.sort ?? 'submitted_asc'}
            >
              {inboxSorts.map((s) => (
                <option key={s} value={s}>
                  {tr(s)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="margin-top-2">
          <button type="submit" className="usa-button">
            {tr('apply')}
          </button>
          <button
            type="button"
            className="usa-button usa-button--unstyled margin-left-2"
            onClick={() => onApply({ queue: query.queue, limit: query.limit })}
          >
            {tr('clear')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
