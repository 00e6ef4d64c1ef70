import type { FinanceSummaryResponse } from '@hms/contracts/finance-summary';
import { ScrollableTable, formatCents, formatNumber, useLanguage, useT } from '@hms/ui';
import { summaryMessages } from '../messages.ts';

export function ByProgramTable({ rows }: { rows: FinanceSummaryResponse['byProgram'] }) {
  const tr = useT(summaryMessages);
  const { language } = useLanguage();
  const money = (cents: number) => formatCents(cents, language);
  return (
    <section aria-labelledby="by-program-heading">
      <h2 id="by-program-heading">{tr('byProgramHeading')}</h2>
      <ScrollableTable
        caption={tr('byProgramCaption')}
        labelledBy="by-program-heading"
        captionHidden
      >
        <thead>
          <tr>
            <th scope="col">{tr('program')}</th>
            <th scope="col" className="text-right">
              {tr('requests')}
            </th>
            <th scope="col" className="text-right">
              {tr('approved')}
            </th>
            <th scope="col" className="text-right">
              {tr('pending')}
            </th>
            <th scope="col" className="text-right">
              {tr('paid')}
            </th>
            <th scope="col" className="text-right">
              {tr('returned')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.programId}>
              <th scope="row">{row.programName[language]}</th>
              <td className="text-right text-tabular">
                {formatNumber(row.requestCount, language)}
              </td>
              <td className="text-right text-tabular">{money(row.approvedCents)}</td>
              <td className="text-right text-tabular">{money(row.pendingCents)}</td>
              <td className="text-right text-tabular">{money(row.paidCents)}</td>
              <td className="text-right text-tabular">{money(row.returnedCents)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
    </section>
  );
}
