import type { RowError } from './row-errors.ts';

export type Outcome = 'created' | 'updated' | 'unchanged' | 'rejected';

/** The run a batch belongs to: what its imported records point back at. */
export interface RunContext {
  runId: string;
  fileName: string;
}

/** Each row of a batch: what it became (or would have become), and its errors and warnings. */
export interface BatchResult {
  outcomes: Array<{ line: number; outcome: Outcome; errors: RowError[] }>;
}
