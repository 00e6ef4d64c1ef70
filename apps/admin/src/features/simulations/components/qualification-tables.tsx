import { DataTable, formatCents, formatNumber, useLanguage, useT } from '@hms/ui';
import type { QualificationChange } from '../api/simulations.ts';
import { simulationMessages } from '../messages.ts';

/**
 * Who would no longer qualify and who would newly qualify under the scenario: how many, and how they split by the
 * amount asked for and by the applicant's language (every band and language listed, empty ones too).
 */
export function QualificationTables({
  noLonger,
  newly,
}: {
  noLonger: QualificationChange;
  newly: QualificationChange;
}) {
  const tr = useT(simulationMessages);
  const { language } = useLanguage();
  const money = (cents: number) => formatCents(cents, language);
  const count = (n: number) => formatNumber(n, language);
  const bands = noLonger.byAmountBand.map((b, i) => ({
    id: String(b.minCents),
    band:
      b.maxCents === null
        ? tr('bandFrom', { min: money(b.minCents) })
        : tr('bandRange', { min: money(b.minCents), max: money(b.maxCents) }),
    noLonger: b.count,
    newly: newly.byAmountBand[i]?.count ?? 0,
  }));
  const languages = noLonger.byLanguage.map((l, i) => ({
    id: l.language,
    language: tr(l.language === 'es' ? 'langEs' : 'langEn'),
    noLonger: l.count,
    newly: newly.byLanguage[i]?.count ?? 0,
  }));
  return (
    <section aria-labelledby="sim-qualify-heading">
      <h3 id="sim-qualify-heading">{tr('qualifyHeading')}</h3>
      <p>
        {tr('qualifySummary', {
          noLonger: count(noLonger.count),
          noLongerAmount: money(noLonger.cents),
          newly: count(newly.count),
          newlyAmount: money(newly.cents),
        })}
      </p>
      <DataTable
        caption={tr('byBandCaption')}
        rows={bands}
        columns={[
          { header: tr('band'), rowHeader: true, cell: (r) => r.band },
          { header: tr('noLonger'), numeric: true, cell: (r) => count(r.noLonger) },
          { header: tr('newly'), numeric: true, cell: (r) => count(r.newly) },
        ]}
      />
      <DataTable
        caption={tr('byLanguageCaption')}
        rows={languages}
        columns={[
          { header: tr('language'), rowHeader: true, cell: (r) => r.language },
          { header: tr('noLonger'), numeric: true, cell: (r) => count(r.noLonger) },
          { header: tr('newly'), numeric: true, cell: (r) => count(r.newly) },
        ]}
      />
      <p className="usa-hint">{tr('newlyNote')}</p>
    </section>
  );
}
