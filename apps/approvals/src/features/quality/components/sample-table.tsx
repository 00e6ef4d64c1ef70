import { DataTable, useT, type Column } from '@hms/ui';
import { qualityMessages } from '../messages.ts';

interface Sample {
  sampleId: string;
  reference: string;
  program: { name: string };
}

/** Each table's caption (for screen readers) and the `data-` mark its rows carry, with the reference, for tests. */
const KINDS = {
  queue: { caption: 'queue', mark: 'data-sample' },
  disagreements: { caption: 'disagreements', mark: 'data-disagreement' },
} as const;

/**
 * A table of quality samples (the queue, the disagreements): a row per sample, named by its reference, then its
 * program, then the table's own columns.
 */
export function SampleTable<T extends Sample>({
  kind,
  items,
  columns,
}: {
  kind: keyof typeof KINDS;
  items: readonly T[];
  columns: readonly Column<T>[];
}) {
  const tr = useT(qualityMessages);
  const { caption, mark } = KINDS[kind];
  return (
    <DataTable
      caption={tr(caption)}
      captionHidden
      rows={items}
      rowKey={(i) => i.sampleId}
      rowProps={(i) => ({ [mark]: i.reference })}
      columns={[
        { header: tr('reference'), cell: (i) => i.reference, rowHeader: true },
        { header: tr('program'), cell: (i) => i.program.name },
        ...columns,
      ]}
    />
  );
}
