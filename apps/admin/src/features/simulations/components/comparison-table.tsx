import { DataTable, ToneTag, formatCents, formatNumber, useLanguage, useT } from '@hms/ui';
import type { SimulationFigures } from '../api/simulations.ts';
import { simulationMessages } from '../messages.ts';
import {
  SIMULATION_FIGURES,
  figureChanged,
  useFigureText,
  type SimulationFigure,
} from '../simulation-figures.ts';

function signed(n: number, text: string) {
  return n > 0 ? `+${text}` : n < 0 ? `−${text.replace(/^-/, '')}` : text;
}

/**
 * What happened and the scenario side by side, one line per figure: a line whose value (or amount) differs is
 * marked "Changed" in words, not by colour alone, with the difference written out.
 */
export function ComparisonTable({
  baseline,
  scenario,
}: {
  baseline: SimulationFigures;
  scenario: SimulationFigures;
}) {
  const tr = useT(simulationMessages);
  const { language } = useLanguage();
  const { name, cell } = useFigureText();
  const changed = (line: SimulationFigure) => figureChanged(line, baseline, scenario);
  const difference = (line: SimulationFigure) => {
    if (!changed(line)) return tr('noChange');
    const a = line.value(baseline);
    const b = line.value(scenario);
    if (line.format === 'date' || a === null || b === null) return cell(line, scenario);
    const d = Number(b) - Number(a);
    const text =
      line.format === 'cents'
        ? formatCents(Math.abs(d), language)
        : formatNumber(Math.round(Math.abs(d) * 10) / 10, language);
    const main = signed(d, text);
    if (!line.cents) return main;
    const dc = line.cents(scenario) - line.cents(baseline);
    return tr('countAndAmount', {
      count: main,
      amount: signed(dc, formatCents(Math.abs(dc), language)),
    });
  };
  return (
    <DataTable
      caption={tr('comparisonCaption')}
      rows={SIMULATION_FIGURES}
      rowProps={(line) => ({ 'data-changed': changed(line) })}
      columns={[
        { header: tr('figure'), rowHeader: true, cell: name },
        { header: tr('baseline'), numeric: true, cell: (line) => cell(line, baseline) },
        { header: tr('scenario'), numeric: true, cell: (line) => cell(line, scenario) },
        {
          header: tr('difference'),
          numeric: true,
          cell: (line) =>
            changed(line) ? (
              <>
                <ToneTag tone="caution" data={{ 'data-difference': line.id }}>
                  {tr('changed')}
                </ToneTag>{' '}
                <strong>{difference(line)}</strong>
              </>
            ) : (
              difference(line)
            ),
        },
      ]}
    />
  );
}
