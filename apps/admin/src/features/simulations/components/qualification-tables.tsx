import { DataTable, formatCents, formatNumber, useLanguage, useT } from '@hms/ui';
import type { QualificationChange } from '../api/simulations.ts';
import { simulationMessages } from '../messages.ts';

/** One split of the two groups (by amount band, by language): how many of each stand in each line. */
interface SplitRow {
  id: string;
  line: string;
  noLonger: number;
  newly: number;
}

function SplitTable({
  caption,
  header,
  rows,
  count,
}: {
  caption: string;
  /** What a line is (a band, a language). */
  header: string;
  rows: SplitRow[];
  count: (n: number) => string;
}) {
  const tr = useT(simulationMessages);
  return (
    <DataTable
      caption={caption}
      rows={rows}
      columns={[
        { header, rowHeader: true, cell: (r) => r.line },
        { header: tr('noLonger'), numeric: true, cell: (r) => count(r.noLonger) },
        { header: tr('newly'), numeric: true, cell: (r) => count(r.newly) },
      ]}
    />
  );
}

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
    line:
      b.maxCents === null
        ? tr('bandFrom', { min: money(b.minCents) })
        : tr('bandRange', { min: money(b.minCents), max: money(b.maxCents) }),
    noLonger: b.count,
    newly: newly.byAmountBand[i]?.count ?? 0,
  }));
  const languages = noLonger.byLanguage.map((l, i) => ({
    id: l.language,
    line: tr(l.language === 'es' ? 'langEs' : 'langEn'),
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
      <SplitTable caption={tr('byBandCaption')} header={tr('band')} rows={bands} count={count} />
      <SplitTable
        caption={tr('byLanguageCaption')}
        header={tr('language')}
        rows={languages}
        count={count}
      />
      <p className="usa-hint">{tr('newlyNote')}</p>
    </section>
  );
}
