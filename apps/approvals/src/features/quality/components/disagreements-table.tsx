import { formatCents, formatDateTime, useLanguage, useT } from '@hms/ui';
import type { Disagreements } from '../api/quality-api.ts';
import { qualityMessages } from '../messages.ts';
import { SampleTable } from './sample-table.tsx';

type Item = Disagreements['items'][number];

/** Who or what made a decision: "Approved by Alex" or "Approved by rule 2 of version 3". */
export function useOriginalText() {
  const tr = useT(qualityMessages);
  const { language } = useLanguage();
  return (o: Item['original']) => {
    const outcome = tr(o.outcome === 'approve' ? 'outcome_approve' : 'outcome_reject');
    const amount = o.amountCents === null ? '' : ` (${formatCents(o.amountCents, language)})`;
    if (o.rule)
      return `${tr('decidedByRule', {
        outcome,
        position: o.rule.position ?? '?',
        version: o.rule.version ?? '?',
      })}${amount}`;
    return `${tr('decidedByPerson', { outcome, name: o.decidedBy?.name ?? '—' })}${amount}`;
  };
}

export function DisagreementsTable({ items }: { items: Disagreements['items'] }) {
  const tr = useT(qualityMessages);
  const { language } = useLanguage();
  const original = useOriginalText();
  return (
    <SampleTable
      kind="disagreements"
      items={items}
      columns={[
        {
          header: tr('original'),
          cell: (i) => (
            <>
              {original(i.original)}
              <br />
              <span className="text-base">{formatDateTime(i.original.decidedAt, language)}</span>
            </>
          ),
        },
        {
          header: tr('recheckOutcome'),
          cell: (i) => (
            <>
              {tr('decidedByPerson', {
                outcome: tr(i.recheck.outcome === 'approve' ? 'outcome_approve' : 'outcome_reject'),
                name: i.recheck.by.name,
              })}
              <br />
              <span className="text-base">{formatDateTime(i.recheck.at, language)}</span>
            </>
          ),
        },
        { header: tr('note'), cell: (i) => i.recheck.note || tr('none') },
      ]}
    />
  );
}
