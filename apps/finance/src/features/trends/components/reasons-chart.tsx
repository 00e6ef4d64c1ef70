import { formatCents, useLanguage, useT } from '@hms/ui';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { OKABE_ITO } from '../../../shared/chart-palette.ts';
import type { ReturnReasonRow } from '../api/trends.ts';
import { trendsMessages } from '../messages.ts';

/** Returned money by return code: one bar each, labelled with its amount (one series, so colour carries nothing). */
export default function ReasonsChart({ reasons }: { reasons: readonly ReturnReasonRow[] }) {
  const tr = useT(trendsMessages);
  const { language } = useLanguage();
  const money = (v: unknown) => formatCents(Number(v), language);
  const data = reasons.map((r) => ({
    code: r.code ?? tr('noCode'),
    cents: r.cents,
    reason: r.name[language],
  }));
  return (
    <div style={{ width: '100%', height: 80 + reasons.length * 44 }}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 16, right: 96 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={money} />
          <YAxis type="category" dataKey="code" width={72} />
          <Tooltip
            formatter={(v) => [money(v), tr('returned')]}
            labelFormatter={(code, payload) =>
              `${String(code)}: ${String(payload?.[0]?.payload?.reason ?? '')}`
            }
          />
          <Bar
            dataKey="cents"
            name={tr('returned')}
            fill={OKABE_ITO.vermillion}
            isAnimationActive={false}
          >
            <LabelList dataKey="cents" position="right" formatter={money} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
