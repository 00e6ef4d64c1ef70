import { useT } from '@hms/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { todayMessages } from '../messages.ts';

/**
 * One figure of the work waiting: its name, the figure as a link to the list behind it, and what else to know (the
 * amount, the oldest, whose turn it is).
 */
export function WorkTile({
  id,
  name,
  value,
  to,
  children,
}: {
  id: string;
  name: string;
  value: string;
  to: string;
  children?: ReactNode;
}) {
  const tr = useT(todayMessages);
  return (
    <div className="tablet:grid-col-4 margin-bottom-3" data-today={id}>
      <dt className="text-bold">{name}</dt>
      <dd className="margin-left-0">
        <Link
          to={to}
          className="font-sans-xl text-tabular"
          aria-label={tr('openList', { figure: `${name}, ${value}` })}
        >
          {value}
        </Link>
        {children}
      </dd>
    </div>
  );
}
