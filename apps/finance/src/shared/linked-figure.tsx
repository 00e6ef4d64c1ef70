import { useT } from '@hms/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { listMessages } from './list-messages.ts';

/**
 * One figure in a grid of figures (inside a `<dl className="grid-row">`): its name, the figure as a link to the list
 * behind it (named with both for screen readers), then what else there is to know about it. `data` marks the tile
 * for tests and styles (`data-figure`, `data-today`).
 */
export function LinkedFigure({
  data,
  nameId,
  name,
  value,
  to,
  children,
}: {
  data: Record<`data-${string}`, string>;
  nameId?: string;
  name: string;
  value: string;
  to: string;
  children?: ReactNode;
}) {
  const tr = useT(listMessages);
  return (
    <div className="tablet:grid-col-4 margin-bottom-3" {...data}>
      <dt className="text-bold" id={nameId}>
        {name}
      </dt>
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
