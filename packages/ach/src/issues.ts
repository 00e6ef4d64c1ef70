import type { AchIssue, RecordTypeName } from './types.ts';

/**
 * Rules that real bank files break and bank software tolerates. In lenient mode they become
 * warnings; in strict mode they are errors like every other rule.
 */
export const LENIENT_RULES: ReadonlySet<string> = new Set([
  'immediate-origin-routing', // origin holds a company id or a number with a bad check digit
  'immediate-destination-routing', // same for the destination (seen in a real returns file)
  'file-batch-count', // file control batch count disagrees with the batches
  'record-length-short', // record shortened by a tool that stripped trailing blanks
  'file-entry-hash-all-nines', // file control entry hash filled with 9s instead of computed
  'trace-odfi', // trace numbers that do not start with the batch's ODFI (processor-assigned traces)
  'missing-file-header', // fragment: batches without file header and control
  'missing-file-control',
  'missing-batch-control',
  'batch-number-order',
  'effective-entry-date', // malformed effective date in a received file (the operator settles on its own date)
]);

/** Where an issue is and what it says: the line, its record type and field, the rule broken, the message. */
type IssueAt = [
  line: number,
  recordType: RecordTypeName,
  field: string,
  rule: string,
  message: string,
];

const issueOf = (...[line, recordType, field, rule, message]: IssueAt): AchIssue => ({
  line,
  recordType,
  field,
  rule,
  message,
});

export class IssueCollector {
  readonly errors: AchIssue[] = [];
  readonly warnings: AchIssue[] = [];

  constructor(readonly lenient: boolean) {}

  /** A rule no mode tolerates. */
  error(...at: IssueAt): void {
    this.errors.push(issueOf(...at));
  }

  /**
   * A rule lenient mode tolerates. Callers decide when the context allows tolerance (e.g. a missing
   * file control only in a fragment), so the rule must also be listed in LENIENT_RULES.
   */
  tolerable(...at: IssueAt): void {
    const issue = issueOf(...at);
    if (this.lenient && LENIENT_RULES.has(issue.rule)) this.warnings.push(issue);
    else this.errors.push(issue);
  }
}
