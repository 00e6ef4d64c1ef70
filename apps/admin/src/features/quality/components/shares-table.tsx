import { basisPointsToPercent } from '@hms/contracts/quality-share-percent';
import { DataTable, formatDateTime, useLanguage, useT } from '@hms/ui';
import { Link } from 'react-router';
import type { AgreementRates, AgreementStat, QualityShares } from '../api/quality-shares.ts';
import { qualitySharesMessages } from '../messages.ts';

export const sharesHref = (programId: string) => `/admin/quality/${programId}`;

/** Each program's shares beside the agreement its re-checks measured (the results admins read, issue 14). */
export function SharesTable({
  items,
  rates,
}: {
  items: readonly QualityShares[];
  rates: AgreementRates | undefined;
}) {
  const tr = useT(qualitySharesMessages);
  const { language } = useLanguage();
  const pct = new Intl.NumberFormat(language === 'es' ? 'es-US' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const byProgram = new Map(rates?.programs.map((p) => [p.programId, p]));
  const rate = (s: AgreementStat | undefined) =>
    !s || s.rate === null || s.low === null || s.high === null
      ? tr('noChecks')
      : tr('rateWithInterval', {
          rate: pct.format(s.rate),
          low: pct.format(s.low),
          high: pct.format(s.high),
          checked: s.checked,
        });
  return (
    <DataTable
      caption={tr('title')}
      captionHidden
      rows={items}
      rowKey={(s) => s.programId}
      rowProps={(s) => ({ 'data-program-shares': s.programName })}
      columns={[
        { header: tr('program'), cell: (s) => s.programName, rowHeader: true },
        {
          header: tr('human'),
          cell: (s) => `${basisPointsToPercent(s.humanShareBasisPoints)} %`,
          numeric: true,
        },
        {
          header: tr('automated'),
          cell: (s) => `${basisPointsToPercent(s.automatedShareBasisPoints)} %`,
          numeric: true,
        },
        {
          header: tr('agreementHuman'),
          cell: (s) => rate(byProgram.get(s.programId)?.human),
        },
        {
          header: tr('agreementAutomated'),
          cell: (s) => rate(byProgram.get(s.programId)?.automated),
        },
        {
          header: tr('changed'),
          cell: (s) =>
            s.changedAt
              ? tr('changedBy', {
                  when: formatDateTime(s.changedAt, language),
                  who: s.changedBy?.name ?? '—',
                })
              : tr('never'),
        },
        {
          header: tr('edit', { program: '' }),
          headerHidden: true,
          cell: (s) => (
            <Link className="usa-link" to={sharesHref(s.programId)}>
              {tr('edit', { program: s.programName })}
            </Link>
          ),
        },
      ]}
    />
  );
}
