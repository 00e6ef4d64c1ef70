import type { FinanceSummaryResponse } from '@hms/contracts/finance-summary';
import { formatCents, useLanguage, useT } from '@hms/ui';
import { summaryMessages } from '../messages.ts';

const SERIES = [
  ['approved', 'approvedCents', '#005ea2'],
  ['pending', 'pendingCents', '#936f38'],
  ['paid', 'paidCents', '#00a91c'],
  ['returned', 'returnedCents', '#d83933'],
] as const;

const BAR = 14;
const GAP = 4;
const LABEL_W = 220;
const CHART_W = 640;

/**
 * Horizontal bars per program, one per amount. The chart is an image with a text alternative that states every
 * value; the table beside it carries the same numbers for anyone who prefers to read them.
 */
export function ByProgramChart({ rows }: { rows: FinanceSummaryResponse['byProgram'] }) {
  const tr = useT(summaryMessages);
  const { language } = useLanguage();
  const max = Math.max(1, ...rows.flatMap((r) => SERIES.map(([, f]) => r[f])));
  const groupH = SERIES.length * (BAR + GAP) + 16;
  const height = rows.length * groupH + 8;
  const description = rows
    .map(
      (r) =>
        `${r.programName[language]}: ${SERIES.map(([label, f]) => `${tr(label)} ${formatCents(r[f], language)}`).join(', ')}`,
    )
    .join('. ');
  return (
    <figure className="margin-x-0 margin-y-3">
      <figcaption className="text-bold margin-bottom-1" id="by-program-chart-title">
        {tr('chartTitle')}
      </figcaption>
      <ul
        className="usa-list usa-list--unstyled display-flex flex-wrap margin-bottom-1"
        aria-hidden="true"
      >
        {SERIES.map(([label, , color]) => (
          <li key={label} className="margin-right-2 display-flex flex-align-center">
            <span
              style={{
                display: 'inline-block',
                width: 12,
                height: 12,
                background: color,
                marginRight: 4,
              }}
            />
            {tr(label)}
          </li>
        ))}
      </ul>
      <svg
        role="img"
        aria-labelledby="by-program-chart-title by-program-chart-desc"
        viewBox={`0 0 ${LABEL_W + CHART_W + 120} ${height}`}
        width="100%"
        style={{ maxWidth: LABEL_W + CHART_W + 120 }}
      >
        <desc id="by-program-chart-desc">{description}</desc>
        {rows.map((r, i) => {
          const y0 = i * groupH + 4;
          return (
            <g key={r.programId}>
              <text x={0} y={y0 + 12} fontSize={13} fill="#1b1b1b">
                {r.programName[language].slice(0, 30)}
              </text>
              {SERIES.map(([label, f, color], j) => {
                const w = Math.round((r[f] / max) * CHART_W);
                const y = y0 + j * (BAR + GAP);
                return (
                  <g key={label}>
                    <rect
                      x={LABEL_W}
                      y={y}
                      width={Math.max(w, r[f] > 0 ? 1 : 0)}
                      height={BAR}
                      fill={color}
                    />
                    <text x={LABEL_W + w + 4} y={y + BAR - 3} fontSize={11} fill="#1b1b1b">
                      {formatCents(r[f], language)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
