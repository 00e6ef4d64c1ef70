import type {
  AccountPrenoteState,
  ExpectedOutcome,
  RuleTestCase,
} from '@hms/contracts/decision-rules';
import { centsToDecimalString, parseDollars } from '@hms/contracts/money';
import type { AnswerValue } from '@hms/contracts/question-answers';
import type { Question } from '@hms/contracts/question-set';
import type { RiskLevel } from '@hms/contracts/risk';

/** A test case as its form holds it while typed: every value as text. */
export interface CaseForm {
  name: string;
  expected: ExpectedOutcome | '';
  amount: string;
  eligible: 'yes' | 'no';
  riskLevel: RiskLevel;
  approvedRequests: string;
  returnedPayments: string;
  prenote: AccountPrenoteState;
  answers: Record<string, string>;
}

export const emptyCase = (): CaseForm => ({
  name: '',
  expected: '',
  amount: '',
  eligible: 'yes',
  riskLevel: 'none',
  approvedRequests: '0',
  returnedPayments: '0',
  prenote: 'none',
  answers: {},
});

export type CaseProblem =
  | 'caseNameRequired'
  | 'caseExpectedRequired'
  | 'caseAmountInvalid'
  | 'caseCountInvalid'
  | 'caseAnswerInvalid';

function answerValue(text: string, q: Question): AnswerValue | null {
  const t = text.trim();
  if (q.type === 'money') {
    const r = parseDollars(t);
    return r.ok ? r.cents : null;
  }
  if (q.type === 'number') return Number.isFinite(Number(t)) ? Number(t) : null;
  if (q.type === 'checkbox' && q.options)
    return t
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  if (q.type === 'checkbox')
    return /^(yes|sí|si|true)$/i.test(t) ? true : /^(no|false)$/i.test(t) ? false : null;
  if (q.options && !q.options.some((o) => o.value === t)) return null;
  return t;
}

/** The test case a form stands for, or the problem of each field (by field name) that keeps it from being one. */
export function caseFromForm(
  form: CaseForm,
  questions: readonly Question[],
): { ok: true; testCase: RuleTestCase } | { ok: false; problems: Array<[string, CaseProblem]> } {
  const problems: Array<[string, CaseProblem]> = [];
  if (!form.name.trim()) problems.push(['name', 'caseNameRequired']);
  if (!form.expected) problems.push(['expected', 'caseExpectedRequired']);
  const amount = parseDollars(form.amount);
  if (!amount.ok) problems.push(['amount', 'caseAmountInvalid']);
  const count = (key: 'approvedRequests' | 'returnedPayments') => {
    if (/^\d{1,9}$/.test(form[key].trim())) return Number(form[key].trim());
    problems.push([key, 'caseCountInvalid']);
    return 0;
  };
  const approvedRequests = count('approvedRequests');
  const returnedPayments = count('returnedPayments');
  const answers: Record<string, AnswerValue> = {};
  for (const [id, text] of Object.entries(form.answers)) {
    const q = questions.find((x) => x.id === id);
    if (!q || !text.trim()) continue;
    const v = answerValue(text, q);
    if (v === null) problems.push([`answer-${id}`, 'caseAnswerInvalid']);
    else answers[id] = v;
  }
  if (problems.length > 0 || !amount.ok || !form.expected) return { ok: false, problems };
  return {
    ok: true,
    testCase: {
      name: form.name.trim(),
      expected: form.expected,
      inputs: {
        amountCents: amount.cents,
        answers,
        eligible: form.eligible === 'yes',
        riskLevel: form.riskLevel,
        approvedRequests,
        returnedPayments,
        prenote: form.prenote,
      },
    },
  };
}

function answerText(v: AnswerValue, q: Question | undefined): string {
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (q?.type === 'money' && typeof v === 'number') return centsToDecimalString(v);
  return String(v);
}

/** A saved test case back in its form, to change it. */
export function caseToForm(c: RuleTestCase, questions: readonly Question[]): CaseForm {
  const i = c.inputs;
  return {
    name: c.name,
    expected: c.expected,
    amount: centsToDecimalString(i.amountCents).replace(/\.00$/, ''),
    eligible: i.eligible ? 'yes' : 'no',
    riskLevel: i.riskLevel,
    approvedRequests: String(i.approvedRequests),
    returnedPayments: String(i.returnedPayments),
    prenote: i.prenote,
    answers: Object.fromEntries(
      Object.entries(i.answers).map(([id, v]) => [
        id,
        answerText(
          v,
          questions.find((q) => q.id === id),
        ),
      ]),
    ),
  };
}
