import { type FormEvent } from 'react';
import { parseDollars } from '@hms/contracts/money';
import { inboxSorts, type InboxQuery } from '@hms/contracts/inbox';
import { riskLevels } from '@hms/contracts/risk';
import { requestStatuses } from '@hms/contracts/requests';
import {
  ErrorSummary,
  SelectField,
  TextField,
  useFormErrors,
  useLabel,
  useLanguage,
  useT,
  type FormField,
  type Option,
} from '@hms/ui';
import { requestStatusLabels, riskLevelLabels } from '@hms/contracts/labels';
import { inboxMessages } from '../messages.ts';
import { sharedMessages } from '../../../shared/messages.ts';
import { SubmitOrLeave } from '../../../shared/submit-or-leave.tsx';

const AMOUNT_FIELDS: FormField<'minAmount' | 'maxAmount'>[] = [
  { name: 'minAmount', id: 'inbox-minAmount' },
  { name: 'maxAmount', id: 'inbox-maxAmount' },
];

const DEADLINES = ['on_time', 'due_soon', 'overdue', 'paused'] as const;

/** One filter: the props of a TextField, or of a SelectField when it has options. */
interface FilterField {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  options?: Option[];
  placeholder?: string;
  type?: 'date';
  inputMode?: 'decimal';
  error?: string | undefined;
}

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

  // In the order they are shown (three to a row on wider screens); a field with options is a select.
  const fields: FilterField[] = [
    {
      id: 'inbox-program',
      name: 'programId',
      label: tr('program'),
      placeholder: tr('anyProgram'),
      options: programs.map((p) => ({ value: p.id, label: p.name[language] })),
      defaultValue: query.programId ?? '',
    },
    {
      id: 'inbox-status',
      name: 'status',
      label: tr('status'),
      placeholder: tr('anyStatus'),
      options: requestStatuses
        .filter((s) => s !== 'draft')
        .map((s) => ({ value: s, label: label(requestStatusLabels[s].staff) })),
      defaultValue: query.status ?? '',
    },
    {
      id: 'inbox-risk',
      name: 'risk',
      label: tr('risk'),
      placeholder: tr('anyRisk'),
      options: riskLevels.map((r) => ({ value: r, label: label(riskLevelLabels[r]) })),
      defaultValue: query.risk ?? '',
    },
    ...(['minAmount', 'maxAmount'] as const).map((f) => ({
      id: `inbox-${f}`,
      name: f,
      label: tr(f),
      inputMode: 'decimal' as const,
      error: errorState.error(f),
      defaultValue: centsToDollars(f === 'minAmount' ? query.minAmountCents : query.maxAmountCents),
    })),
    {
      id: 'inbox-deadline',
      name: 'deadline',
      label: tr('deadline'),
      placeholder: tr('anyDeadline'),
      options: DEADLINES.map((d) => ({ value: d, label: trs(d) })),
      defaultValue: query.deadline ?? '',
    },
    {
      id: 'inbox-from',
      name: 'submittedFrom',
      type: 'date',
      label: tr('submittedFrom'),
      defaultValue: query.submittedFrom ?? '',
    },
    {
      id: 'inbox-to',
      name: 'submittedTo',
      type: 'date',
      label: tr('submittedTo'),
      defaultValue: query.submittedTo ?? '',
    },
    {
      id: 'inbox-sort',
      name: 'sort',
      label: tr('sort'),
      options: inboxSorts.map((s) => ({ value: s, label: tr(s) })),
      defaultValue: query.sort ?? 'submitted_asc',
    },
  ];
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
            <TextField
              id="inbox-q"
              name="q"
              type="search"
              className="maxw-none"
              label={tr('search')}
              defaultValue={query.q ?? ''}
            />
          </div>
          {fields.map(({ options, placeholder, ...field }) => (
            <div key={field.id} className="grid-col-12 tablet:grid-col-4 padding-right-2">
              {options ? (
                <SelectField {...field} options={options} placeholder={placeholder} />
              ) : (
                <TextField {...field} />
              )}
            </div>
          ))}
        </div>
        <SubmitOrLeave
          submit={tr('apply')}
          leave={tr('clear')}
          onLeave={() => onApply({ queue: query.queue, limit: query.limit })}
        />
      </fieldset>
    </form>
  );
}
