import { Link } from 'react-router';

interface BatchFile {
  fileDate: string;
  fileIdModifier: string;
}

/** A batch as finance names it: its file's date and file id modifier, e.g. "2026-11-25 A". */
export function batchName(batch: BatchFile): string {
  return `${batch.fileDate} ${batch.fileIdModifier}`;
}

/** A batch's name, as the link to its page. */
export function BatchLink({ batch }: { batch: BatchFile & { id: string } }) {
  return <Link to={`/finance/batches/${batch.id}`}>{batchName(batch)}</Link>;
}
