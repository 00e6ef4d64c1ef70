import { describe, expect, it } from 'vitest';
import { parseCsvRecords, testCasesFromCsv, testCasesToCsv } from './decision-rule-csv.ts';
import { ruleInputs } from './decision-rules.test-helper.ts';
import type { Question } from './question-set.ts';
import { choiceQuestion, t } from './question-set.test-helper.ts';

const questions: Question[] = [
  choiceQuestion('reason', 'radio', t('Reason', 'Motivo'), [
    ['duplicate', 'Duplicate', 'Duplicado'],
    ['other', 'Other', 'Otro'],
  ]),
  { id: 'amountPaid', type: 'money', label: t('Amount paid', 'Monto pagado'), required: true },
  { id: 'paidOn', type: 'date', label: t('Paid on', 'Pagado el'), required: true },
  { id: 'agree', type: 'checkbox', label: t('Agree', 'Acepto'), required: false },
  choiceQuestion('extras', 'checkbox', t('Extras', 'Extras'), [
    ['a', 'A', 'A'],
    ['b', 'B', 'B'],
  ]),
];

describe('parseCsvRecords', () => {
  it('reads quoted cells with commas, quotes and line breaks, CRLF and a BOM', () => {
    expect(parseCsvRecords('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });
});

describe('testCasesFromCsv', () => {
  it('reads every column, with defaults for the optional ones', () => {
    const csv = [
      'Name,expected,amount,risk_level,prenote,approved_requests,answer.reason,answer.amountPaid,answer.paidOn,answer.agree,answer.extras',
      'small duplicate,approve,250,none,proven,2,duplicate,"1,250.50",2026-02-03,yes,a;b',
      'bare,none,99.99,,,,,,,,',
    ].join('\n');
    const { cases, errors } = testCasesFromCsv(csv, questions);
    expect(errors).toEqual([]);
    expect(cases).toEqual([
      {
        name: 'small duplicate',
        expected: 'approve',
        inputs: ruleInputs({
          amountCents: 25_000,
          answers: {
            reason: 'duplicate',
            amountPaid: 125_050,
            paidOn: '2026-02-03',
            agree: true,
            extras: ['a', 'b'],
          },
          approvedRequests: 2,
          prenote: 'proven',
        }),
      },
      {
        name: 'bare',
        expected: 'none',
        inputs: ruleInputs({ amountCents: 9_999 }),
      },
    ]);
  });

  it('names the row and column of every error, in both languages', () => {
    const csv = [
      'name,expected,amount,eligible,answer.reason,answer.paidOn,answer.extras',
      'one,maybe,ten,perhaps,typo,03/02/2026,c',
      ',approve,,yes,other,2026-01-01,a',
    ].join('\n');
    const { cases, errors } = testCasesFromCsv(csv, questions);
    expect(cases).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'expected'],
      [2, 'amount'],
      [2, 'eligible'],
      [2, 'answer.reason'],
      [2, 'answer.paidOn'],
      [2, 'answer.extras'],
      [3, 'name'],
      [3, 'amount'],
    ]);
    expect(errors[0]!.message.en).toContain('approve, refer, refer_senior, none');
    expect(errors[3]!.message.es).toContain('duplicate, other');
  });

  it('refuses unknown columns, unknown questions and missing required columns in the header', () => {
    const { errors } = testCasesFromCsv('name,colour,answer.nope\nx,red,1', questions);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'colour'],
      [1, 'answer.nope'],
      [1, 'expected'],
      [1, 'amount'],
    ]);
    expect(testCasesFromCsv('name,expected,amount\n', questions).errors).toMatchObject([
      { row: 2, message: { en: 'The file has no test cases.' } },
    ]);
  });

  it('reads back what testCasesToCsv writes', () => {
    const { cases } = testCasesFromCsv(
      'name,expected,amount,risk_level,returned_payments,answer.reason,answer.amountPaid,answer.extras\n' +
        '"a, quoted ""name""",refer_senior,12.34,high,1,other,0.05,b\n',
      questions,
    );
    expect(cases).toHaveLength(1);
    expect(testCasesFromCsv(testCasesToCsv(cases, questions), questions)).toEqual({
      cases,
      errors: [],
    });
  });
});
