import { formatCents, formatNumber, useLanguage, useT } from '@hms/ui';
import type { ReactNode } from 'react';
import { LinkedFigure } from '../../../shared/linked-figure.tsx';
import { todayMessages } from '../messages.ts';

type WorkId =
  | 'waitingToBatch'
  | 'waitingForRelease'
  | 'prenoteInFlight'
  | 'accountChanged'
  | 'returnsToWork'
  | 'nocsToDecide'
  | 'webhooksFailing'
  | 'webhooksDead';

/**
 * One figure of the work waiting: its name, how many (in `unit`) as a link to the list behind it, the amount when the
 * work is money, and what else to know (the oldest, whose turn it is).
 */
export function WorkTile({
  id,
  unit,
  work,
  children,
}: {
  id: WorkId;
  unit: 'payments' | 'batches' | 'notices' | 'deliveries';
  work: { count: number; cents?: number; link: string };
  children?: ReactNode;
}) {
  const tr = useT(todayMessages);
  const { language } = useLanguage();
  return (
    <LinkedFigure
      data={{ 'data-today': id }}
      name={tr(id)}
      value={tr(unit, { count: formatNumber(work.count, language) })}
      to={work.link}
    >
      {work.cents === undefined ? null : (
        <div className="text-tabular">{formatCents(work.cents, language)}</div>
      )}
      {children}
    </LinkedFigure>
  );
}
