import type { IssueCollector } from '../issues.ts';
import type { FieldSpec } from '../records/layout.ts';
import type { RecordTypeName } from '../types.ts';
import { isBlank, isDigits } from './fields.ts';

/**
 * The checks one record's validator makes, by field layout: each field is cut at the positions its layout states, and
 * each finding names that field. `label` is the field's name in the message a person reads.
 */
export class RecordChecks {
  constructor(
    private readonly r: string,
    private readonly line: number,
    private readonly record: RecordTypeName,
    private readonly issues: IssueCollector,
  ) {}

  text(spec: FieldSpec): string {
    return this.r.slice(spec.start - 1, spec.end);
  }

  error(spec: FieldSpec, rule: string, message: string): void {
    this.issues.error(this.line, this.record, spec.name, rule, message);
  }

  tolerable(spec: FieldSpec, rule: string, message: string): void {
    this.issues.tolerable(this.line, this.record, spec.name, rule, message);
  }

  /** The field must be all digits; true when it is. */
  digits(spec: FieldSpec, label: string = spec.name): boolean {
    const value = this.text(spec);
    if (isDigits(value)) return true;
    this.error(spec, 'numeric', `${label} "${value}" must be ${spec.end - spec.start + 1} digits`);
    return false;
  }

  /** The field must hold a code of the list `isKnown` reads (`label` names the list); true when it does. */
  known(spec: FieldSpec, isKnown: (code: string) => boolean, rule: string, label: string): boolean {
    const value = this.text(spec);
    if (isKnown(value)) return true;
    this.error(spec, rule, `unknown ${label} "${value}"`);
    return false;
  }

  /** The field must not be blank. */
  required(spec: FieldSpec, label: string, message = `${label} is required`): void {
    if (isBlank(this.text(spec))) this.error(spec, 'required', message);
  }

  /** The field must hold the one value NACHA fixes for it. */
  fixed(spec: FieldSpec, expected: string, label: string): void {
    const value = this.text(spec);
    if (value !== expected)
      this.error(spec, 'fixed-value', `${label} must be ${expected}, found "${value}"`);
  }
}
