import { defineMessages, useT } from '@hms/ui';
import { Suspense, type ReactNode } from 'react';

const chartMessages = defineMessages({
  en: { loading: 'Loading the chart…' },
  es: { loading: 'Cargando el gráfico…' },
});

/**
 * A chart with the words that describe it: the paragraph first (its `id`), then the figure it describes. The chart's
 * code is loaded when it is drawn (a lazy component), and until then the figure says so.
 */
export function ChartFigure({
  id,
  description,
  children,
}: {
  id: string;
  description: ReactNode;
  children: ReactNode;
}) {
  const tr = useT(chartMessages);
  return (
    <>
      <p id={id}>{description}</p>
      <figure className="margin-x-0" aria-describedby={id}>
        <Suspense fallback={<p role="status">{tr('loading')}</p>}>{children}</Suspense>
      </figure>
    </>
  );
}
