import { figureDefinitions, type FinanceFigure } from '@hms/contracts/finance-overview';
import { useLabel, useT } from '@hms/ui';
import { LinkedFigure } from '../../../shared/linked-figure.tsx';
import { overviewMessages } from '../messages.ts';

/**
 * One figure of the overview: its name, the amount as a link to the rows it counts, the count, and its written
 * definition in a details element (the same text the API publishes in OpenAPI).
 */
export function FigureTile({
  figure,
  value,
  count,
  to,
}: {
  figure: FinanceFigure;
  /** The amount (or the count, for a figure that counts only), formatted for the reader. */
  value: string;
  count?: string;
  to: string;
}) {
  const tr = useT(overviewMessages);
  const label = useLabel();
  return (
    <LinkedFigure
      data={{ 'data-figure': figure }}
      nameId={`figure-${figure}`}
      name={tr(figure)}
      value={value}
      to={to}
    >
      {count ? <div className="text-base">{count}</div> : null}
      <details className="margin-top-1">
        <summary>{tr('definition')}</summary>
        <p className="margin-y-1">{label(figureDefinitions[figure])}</p>
      </details>
    </LinkedFigure>
  );
}
