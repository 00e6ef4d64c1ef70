import { DataTable, formatNumber, useLanguage, useT } from '@hms/ui';
import type { AgreementRates } from '../api/quality-api.ts';
import { qualityMessages } from '../messages.ts';
import { IntervalText, RateText } from './rate-cells.tsx';

type Program = AgreementRates['programs'][number];
type Stat = Program['all'];
interface Row {
  id: string;
  program: string;
  source: string;
  stat: Stat;
}

/**
 * One row per program and source: all decisions, people, decision rules, then each rule version, so the rate of a
 * rule version sits beside the people's rate it should match.
 */
export function AgreementTable({ rates }: { rates: AgreementRates }) {
  const tr = useT(qualityMessages);
  const { language } = useLanguage();
  const rows: Row[] = rates.programs.flatMap((p) => [
    { id: `${p.programId}-all`, program: p.programName, source: tr('all'), stat: p.all },
    { id: `${p.programId}-human`, program: p.programName, source: tr('human'), stat: p.human },
    {
      id: `${p.programId}-automated`,
      program: p.programName,
      source: tr('automated'),
      stat: p.automated,
    },
    ...p.ruleVersions.map((v) => ({
      id: `${p.programId}-${v.ruleVersionId}`,
      program: p.programName,
      source: tr('ruleVersion', { version: v.version ?? '?' }),
      stat: v,
    })),
  ]);
  return (
    <DataTable
      caption={tr('agreement')}
      captionHidden
      rows={rows}
      rowProps={(r) => ({ 'data-agreement-row': r.id })}
      columns={[
        { header: tr('program'), cell: (r) => r.program, rowHeader: true },
        { header: tr('source'), cell: (r) => r.source },
        {
          header: tr('checked'),
          cell: (r) => formatNumber(r.stat.checked, language),
          numeric: true,
        },
        { header: tr('agreed'), cell: (r) => formatNumber(r.stat.agreed, language), numeric: true },
        {
          header: tr('rate'),
          cell: (r) => <RateText stat={r.stat} none={tr('none')} />,
          numeric: true,
        },
        {
          header: tr('interval'),
          cell: (r) => <IntervalText stat={r.stat} none={tr('none')} />,
          numeric: true,
        },
      ]}
    />
  );
}
