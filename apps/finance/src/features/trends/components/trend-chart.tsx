import { formatCents, formatPlainDate, useLanguage, useT } from '@hms/ui';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { OKABE_ITO } from '../../../shared/chart-palette.ts';
import type { TrendPoint } from '../api/trends.ts';
import { trendsMessages } from '../messages.ts';

/**
 * The approved, paid and returned amounts per bucket as three lines. Each line differs by colour (Okabe–Ito), dash
 * pattern and marker shape, and is named in the legend and the tooltip; the table under the chart has the figures.
 * Loaded lazily: the chart library is the finance remote's own chunk.
 */
const SERIES = [
  {
    key: 'approvedCents',
    label: 'approved',
    color: OKABE_ITO.blue,
    dash: undefined,
    dot: 'circle',
  },
  { key: 'paidCents', label: 'paid', color: OKABE_ITO.green, dash: '8 4', dot: 'square' },
  {
    key: 'returnedCents',
    label: 'returned',
    color: OKABE_ITO.vermillion,
    dash: '2 3',
    dot: 'triangle',
  },
] as const;

type Shape = (typeof SERIES)[number]['dot'];

function Marker({
  cx,
  cy,
  color,
  shape,
}: {
  cx?: number;
  cy?: number;
  color: string;
  shape: Shape;
}) {
  if (cx === undefined || cy === undefined) return null;
  if (shape === 'square')
    return <rect x={cx - 3.5} y={cy - 3.5} width={7} height={7} fill={color} />;
  if (shape === 'triangle')
    return (
      <path
        d={`M${cx} ${cy - 4.5} L${cx + 4.5} ${cy + 3.5} L${cx - 4.5} ${cy + 3.5} Z`}
        fill={color}
      />
    );
  return <circle cx={cx} cy={cy} r={3.5} fill={color} />;
}

export default function TrendChart({ points }: { points: readonly TrendPoint[] }) {
  const tr = useT(trendsMessages);
  const { language } = useLanguage();
  const money = (v: unknown) => formatCents(Number(v), language);
  const data = points.map((p) => ({ ...p, label: formatPlainDate(p.start, language) }));
  return (
    <div style={{ width: '100%', height: 320 }}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ left: 16, right: 24, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" minTickGap={24} />
          <YAxis tickFormatter={money} width={96} />
          <Tooltip formatter={(v, name) => [money(v), name]} />
          <Legend />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={tr(s.label)}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dash}
              dot={(props: { cx?: number; cy?: number; index?: number }) => (
                <Marker
                  key={`${s.key}-${props.index}`}
                  cx={props.cx}
                  cy={props.cy}
                  color={s.color}
                  shape={s.dot}
                />
              )}
              legendType={
                s.dot === 'circle' ? 'circle' : s.dot === 'square' ? 'square' : 'triangle'
              }
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
