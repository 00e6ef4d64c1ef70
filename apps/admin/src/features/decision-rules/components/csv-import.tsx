import { ErrorSummary, TextField, useLanguage, useT } from '@hms/ui';
import type { RuleTestCase } from '@hms/contracts/decision-rules';
import { testCasesFromCsv, type TestCaseCsvError } from '@hms/contracts/decision-rule-csv';
import type { Question } from '@hms/contracts/question-set';
import { useState, type ChangeEvent } from 'react';
import { decisionRulesMessages } from '../messages.ts';

const INPUT_ID = 'cases-csv';

/** The file's text (FileReader: Blob.text() is missing from some engines, jsdom among them). */
const readText = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });

/**
 * Test cases from a CSV file (the contract's reader, the format it documents). A file with any error adds nothing:
 * its errors, each naming its row and column, show in an error summary that takes focus.
 */
export function CsvImport({
  questions,
  onImport,
}: {
  questions: readonly Question[];
  onImport: (cases: RuleTestCase[], fileName: string) => void;
}) {
  const tr = useT(decisionRulesMessages);
  const { language } = useLanguage();
  const [errors, setErrors] = useState<TestCaseCsvError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    const { cases, errors: found } = testCasesFromCsv(await readText(file), questions);
    setAttempt((a) => a + 1);
    setErrors(found);
    // The same file, fixed, can be chosen again.
    input.value = '';
    if (found.length === 0) onImport(cases, file.name);
  };
  const first = errors[0];
  return (
    <section aria-labelledby="import-heading" className="margin-top-3">
      <h4 id="import-heading">{tr('importHeading')}</h4>
      <ErrorSummary
        title={tr('importErrors')}
        focusKey={attempt}
        errors={errors.map((err) => ({
          fieldId: INPUT_ID,
          message: tr('importError', {
            row: err.row,
            column: err.column,
            message: err.message[language],
          }),
        }))}
      />
      <TextField
        id={INPUT_ID}
        type="file"
        accept=".csv,text/csv"
        label={tr('importLabel')}
        hint={tr('importHint')}
        error={
          first
            ? tr('importError', {
                row: first.row,
                column: first.column,
                message: first.message[language],
              })
            : undefined
        }
        onChange={(e) => void onFile(e)}
      />
    </section>
  );
}
