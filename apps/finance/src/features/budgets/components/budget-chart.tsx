import { formatCents, useLanguage, useT } from '@hms/ui';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { OKABE_ITO } from '../../../shared/chart-palette.ts';
import type { ProgramBudget } from '../api/budgets.ts';
import { budgetsMessages } from '../messages.ts';

/**
 * Each program's budget as one stacked bar: paid, obligated, awaiting a decision and what remains. Loaded lazily (the
 * chart library is the finance remote's own chunk). Each part has a colour from the Okabe–Ito set and its own fill
 * pattern, and is named in the legend and the tooltip; the table beside the chart carries the same figures.
 */
const PARTS = [
  { key: 'paidCents', label: 'paid', color: OKABE_ITO.blue, pattern: null },
  { key: 'obligatedCents', label: 'obligated', color: OKABE_ITO.orange, pattern: 'hms-hatch' },
  {
    key: 'awaitingDecisionCents',
    label: 'awaitingDecision',
    color: OKABE_ITO.skyBlue,
    pattern: 'hms-dots',
  },
  { key: 'remainingPartCents', label: 'remaining', color: OKABE_ITO.green, pattern: 'hms-grid' },
] as const;

export default function BudgetChart({ programs }: { programs: readonly ProgramBudget[] }) {
  const tr = useT(budgetsMessages);
  const { language } = useLanguage();
  const data = programs.map((p) => ({
    name: p.name[language],
    paidCents: p.paidCents,
    obligatedCents: p.obligatedCents,
    awaitingDecisionCents: p.awaitingDecisionCents,
    remainingPartCents: Math.max(0, p.remainingCents),
  }));
  const money = (v: unknown) => formatCents(Number(v), language);
  return (
    <div style={{ width: '100%', height: 80 + programs.length * 56 }}>
      <ResponsiveContainer>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ left: 16, right: 24 }}
          title={tr('chartHeading')}
          desc={tr('chartDescription')}
        >
          <defs>
            <pattern id="hms-hatch" width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" fill={OKABE_ITO.orange} />
              <path d="M0 8 L8 0" stroke={OKABE_ITO.black} strokeWidth="1.5" />
            </pattern>
            <pattern id="hms-dots" width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill={OKABE_ITO.skyBlue} />
              <circle cx="3" cy="3" r="1.3" fill={OKABE_ITO.black} />
            </pattern>
            <pattern id="hms-grid" width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" fill={OKABE_ITO.green} />
              <path d="M0 0 L8 8 M8 0 L0 8" stroke="#ffffff" strokeWidth="1" />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={money} />
          <YAxis type="category" dataKey="name" width={180} />
          <Tooltip formatter={(v, name) => [money(v), name]} />
          <Legend />
          {PARTS.map((p) => (
            <Bar
              key={p.key}
              dataKey={p.key}
              name={tr(p.label)}
              stackId="budget"
              fill={p.pattern ? `url(#${p.pattern})` : p.color}
              stroke={OKABE_ITO.black}
              strokeWidth={0.5}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
