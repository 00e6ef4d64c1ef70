import { DataTable, ToneTag, useT } from '@hms/ui';
import type { ScenarioComparison } from '../api/scenarios.ts';
import { scenarioMessages } from '../scenario-messages.ts';
import { SIMULATION_FIGURES, figureChanged, useFigureText } from '../simulation-figures.ts';

/**
 * Two saved scenarios side by side with what happened, one line per figure of SIMULATION_FIGURES (the list the
 * result's comparison table reads): a line where the two scenarios differ is marked in words, not colour alone.
 */
export function ScenarioComparisonTable({ comparison }: { comparison: ScenarioComparison }) {
  const tr = useT(scenarioMessages);
  const [a, b] = comparison.scenarios;
  const { name, cell } = useFigureText();
  if (!a || !b) return null;
  return (
    <DataTable
      caption={tr('compareCaption')}
      rows={SIMULATION_FIGURES}
      rowProps={(line) => ({ 'data-differs': figureChanged(line, a.figures, b.figures) })}
      columns={[
        { header: tr('figure'), rowHeader: true, cell: name },
        { header: tr('baseline'), numeric: true, cell: (line) => cell(line, comparison.baseline) },
        { header: a.scenario.name, numeric: true, cell: (line) => cell(line, a.figures) },
        { header: b.scenario.name, numeric: true, cell: (line) => cell(line, b.figures) },
        {
          header: tr('differs'),
          cell: (line) =>
            figureChanged(line, a.figures, b.figures) ? (
              <ToneTag tone="caution" data={{ 'data-differs': line.id }}>
                {tr('differs')}
              </ToneTag>
            ) : (
              tr('sameInBoth')
            ),
        },
      ]}
    />
  );
}
