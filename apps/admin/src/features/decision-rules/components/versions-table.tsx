import { DataTable, ToneTag, formatDateTime, useLanguage, useT, type Tone } from '@hms/ui';
import { ruleVersionStatusLabels, type RuleVersionStatus } from '@hms/contracts/decision-rules';
import type { RuleVersionRow } from '../api/decision-rules.ts';
import { decisionRulesMessages } from '../messages.ts';

const TONE: Record<RuleVersionStatus, Tone> = { live: 'good', draft: 'info', retired: 'neutral' };

/** Every version of the program's rules, newest first: its state, size, and who put it live when. */
export function VersionsTable({ versions }: { versions: RuleVersionRow[] }) {
  const tr = useT(decisionRulesMessages);
  const { language } = useLanguage();
  return (
    <DataTable
      caption={tr('versionsCaption')}
      rows={versions}
      columns={[
        { header: tr('version'), rowHeader: true, cell: (v) => v.version },
        {
          header: tr('status'),
          cell: (v) => (
            <ToneTag tone={TONE[v.status]} data={{ 'data-status': v.status }}>
              {ruleVersionStatusLabels[v.status][language]}
            </ToneTag>
          ),
        },
        { header: tr('rulesCount'), numeric: true, cell: (v) => v.rules.length },
        { header: tr('casesCount'), numeric: true, cell: (v) => v.testCases.length },
        { header: tr('publishedBy'), cell: (v) => v.publishedBy?.name ?? tr('nobody') },
        {
          header: tr('publishedAt'),
          cell: (v) => (v.publishedAt ? formatDateTime(v.publishedAt, language) : tr('nobody')),
        },
        {
          header: tr('retiredAt'),
          cell: (v) => (v.retiredAt ? formatDateTime(v.retiredAt, language) : tr('nobody')),
        },
      ]}
    />
  );
}
