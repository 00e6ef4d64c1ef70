import { parseFile } from './parse.ts';
import type { AchFile, AchIssue, ParseOptions } from './types.ts';
import { renderFile } from './write.ts';

export interface ValidationReport {
  valid: boolean;
  errors: AchIssue[];
  warnings: AchIssue[];
}

/** Validates NACHA text: valid when there are no errors (warnings only arise in lenient mode). */
export function validateText(text: string, options: ParseOptions = {}): ValidationReport {
  const { errors, warnings } = parseFile(text, options);
  return { valid: errors.length === 0, errors, warnings };
}

/**
 * Validates a typed file the way it would be written: values that do not fit their fields, then
 * every rule on the rendered records (control totals are computed by the writer, so those hold).
 */
export function validateFile(file: AchFile, options: ParseOptions = {}): ValidationReport {
  const { text, issues } = renderFile(file);
  const { errors, warnings } = parseFile(text, options);
  const all = [...issues, ...errors];
  return { valid: all.length === 0, errors: all, warnings };
}
