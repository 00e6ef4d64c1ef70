import { z } from 'zod';
import { lastChangeFields, personRefSchema } from './person-ref.ts';
import type { LocalizedText } from './language.ts';
import { riskLevelSchema, riskLevels, type RiskLevel } from './risk.ts';
import { identifierSchema } from './question-set.ts';
import type { AnswerValue } from './question-answers.ts';
import { centsSchema } from './programs.ts';

/**
 * Decision rules (issue 14, straight-through processing): per program, an ordered table of rules an administrator
 * writes; the first rule whose conditions all hold decides what happens to a request at submission. No rule matched
 * means a person decides. The one source of truth for the API (evaluation at submit, publish checks), the admin
 * editor (its flags and test table) and the policy simulation: never re-implement these in a screen or a module.
 */

/** What a rule does with the request it matches. Automation never rejects: a rejection is always a person's call. */
export const ruleOutcomes = ['approve', 'refer', 'refer_senior'] as const;
export const ruleOutcomeSchema = z.enum(ruleOutcomes);
export type RuleOutcome = z.infer<typeof ruleOutcomeSchema>;

/** What a test case expects: a rule's outcome, or `none` (no rule matches, a person decides). */
export const expectedOutcomes = [...ruleOutcomes, 'none'] as const;
export const expectedOutcomeSchema = z.enum(expectedOutcomes);
export type ExpectedOutcome = z.infer<typeof expectedOutcomeSchema>;

export const ruleOutcomeLabels: Record<ExpectedOutcome, LocalizedText> = {
  approve: { en: 'Approve', es: 'Aprobar' },
  refer: { en: 'Refer to a person', es: 'Pasar a una persona' },
  refer_senior: { en: 'Refer to a senior approver', es: 'Pasar a un aprobador sénior' },
  none: { en: 'No rule matches: a person decides', es: 'Ninguna regla aplica: decide una persona' },
};

/**
 * Whether the bank account the money would go to is proven: `none` (no prenote or payment has gone out to it yet),
 * `sent` (a prenote went out and its waiting days are not over), `proven` (a prenote's wait ended or a payment to it
 * went out).
 */
export const accountPrenoteStates = ['none', 'sent', 'proven'] as const;
export const accountPrenoteStateSchema = z.enum(accountPrenoteStates);
export type AccountPrenoteState = z.infer<typeof accountPrenoteStateSchema>;

export const accountPrenoteStateLabels: Record<AccountPrenoteState, LocalizedText> = {
  none: { en: 'Not proven yet (new account)', es: 'Aún no comprobada (cuenta nueva)' },
  sent: { en: 'Prenote sent, waiting', es: 'Prenota enviada, en espera' },
  proven: { en: 'Proven by an earlier entry', es: 'Comprobada por un envío anterior' },
};

/** Comparison operators. `in`/`not_in` take a list; the others one value. */
export const ruleOps = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'not_in'] as const;
export const ruleOpSchema = z.enum(ruleOps);
export type RuleOp = z.infer<typeof ruleOpSchema>;

export const ruleOpLabels: Record<RuleOp, LocalizedText> = {
  eq: { en: 'is', es: 'es' },
  ne: { en: 'is not', es: 'no es' },
  lt: { en: 'is less than', es: 'es menor que' },
  lte: { en: 'is at most', es: 'es como máximo' },
  gt: { en: 'is more than', es: 'es mayor que' },
  gte: { en: 'is at least', es: 'es como mínimo' },
  in: { en: 'is one of', es: 'es uno de' },
  not_in: { en: 'is none of', es: 'no es ninguno de' },
};

const ORDER_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'not_in'] as const;
const EQUALITY_OPS = ['eq', 'ne', 'in', 'not_in'] as const;
const LIST_OPS: ReadonlySet<RuleOp> = new Set(['in', 'not_in']);

const count = z.number().int().min(0).max(1_000_000_000);
const scalar = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

/** One value, or a list for in/not_in: checked against the op by `conditionSchema`. */
const valueOrList = <T extends z.ZodType>(v: T) => z.union([v, z.array(v).min(1).max(100)]);

function listMatchesOp(c: { op: RuleOp; value: unknown }, ctx: z.RefinementCtx) {
  const isList = LIST_OPS.has(c.op);
  if (isList !== Array.isArray(c.value))
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: isList ? `${c.op} needs a list of values` : `${c.op} needs a single value`,
    });
}

/** The subjects a condition can read, each with the ops that fit it. */
export const conditionSubjects = [
  'amount',
  'answer',
  'eligible',
  'risk_level',
  'approved_requests',
  'returned_payments',
  'prenote',
] as const;
export type ConditionSubject = (typeof conditionSubjects)[number];

export const conditionSubjectLabels: Record<ConditionSubject, LocalizedText> = {
  amount: { en: 'Amount requested', es: 'Monto solicitado' },
  answer: { en: 'Answer to a question', es: 'Respuesta a una pregunta' },
  eligible: { en: 'Meets the eligibility rules', es: 'Cumple los requisitos' },
  risk_level: { en: 'Risk level', es: 'Nivel de riesgo' },
  approved_requests: {
    en: 'Earlier approved requests of the applicant',
    es: 'Solicitudes aprobadas antes al solicitante',
  },
  returned_payments: {
    en: 'Earlier payments the bank returned',
    es: 'Pagos anteriores devueltos por el banco',
  },
  prenote: { en: 'Bank account proven (prenote)', es: 'Cuenta bancaria comprobada (prenota)' },
};

export const ruleConditionSchema = z
  .discriminatedUnion('on', [
    z
      .object({ on: z.literal('amount'), op: z.enum(ORDER_OPS), value: valueOrList(centsSchema) })
      .strict(),
    z
      .object({
        on: z.literal('answer'),
        questionId: identifierSchema,
        op: ruleOpSchema,
        value: valueOrList(scalar),
      })
      .strict(),
    z.object({ on: z.literal('eligible'), op: z.enum(['eq', 'ne']), value: z.boolean() }).strict(),
    z
      .object({
        on: z.literal('risk_level'),
        op: z.enum(ORDER_OPS),
        value: valueOrList(riskLevelSchema),
      })
      .strict(),
    z
      .object({
        on: z.literal('approved_requests'),
        op: z.enum(ORDER_OPS),
        value: valueOrList(count),
      })
      .strict(),
    z
      .object({
        on: z.literal('returned_payments'),
        op: z.enum(ORDER_OPS),
        value: valueOrList(count),
      })
      .strict(),
    z
      .object({
        on: z.literal('prenote'),
        op: z.enum(EQUALITY_OPS),
        value: valueOrList(accountPrenoteStateSchema),
      })
      .strict(),
  ])
  .superRefine(listMatchesOp);
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

/** A rule id: stable across edits and reorders, so an evaluation names the rule that fired even after a move. */
export const ruleIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use letters, digits, - and _');

export const decisionRuleSchema = z
  .object({
    id: ruleIdSchema,
    label: z.string().trim().min(1).max(200),
    /** All must hold (an empty list matches every request: a catch-all). */
    conditions: z.array(ruleConditionSchema).max(20),
    outcome: ruleOutcomeSchema,
  })
  .strict();
export type DecisionRule = z.infer<typeof decisionRuleSchema>;

/** The rules in order (position = index + 1; first match wins), with unique ids. */
export const decisionRulesSchema = z
  .array(decisionRuleSchema)
  .max(100)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `rule id ${r.id} is used twice` });
      seen.add(r.id);
    });
  });

/** Everything a rule can read about one request, as it was at evaluation (kept with every evaluation). */
export const ruleInputsSchema = z
  .object({
    amountCents: centsSchema,
    answers: z.record(
      z.string(),
      z.union([z.string(), z.number().finite(), z.boolean(), z.array(z.string())]),
    ),
    eligible: z.boolean(),
    riskLevel: riskLevelSchema,
    /** The applicant's earlier requests that were approved (approved, paid or payment returned). */
    approvedRequests: count,
    /** Payments to the applicant that the bank returned. */
    returnedPayments: count,
    prenote: accountPrenoteStateSchema,
  })
  .strict();
export type RuleInputs = z.infer<typeof ruleInputsSchema>;

export const ruleTestCaseSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    inputs: ruleInputsSchema,
    expected: expectedOutcomeSchema,
  })
  .strict();
export type RuleTestCase = z.infer<typeof ruleTestCaseSchema>;

// ---------------------------------------------------------------------------------------------------------
// Evaluation.

type Scalar = string | number | boolean;

function compareScalars(a: Scalar, b: Scalar): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** `given` (one value, or the choices of a multi-choice answer) against `op value`. */
function holds(given: readonly Scalar[], op: RuleOp, value: Scalar | readonly Scalar[]): boolean {
  const list: readonly Scalar[] = Array.isArray(value) ? value : [value as Scalar];
  switch (op) {
    case 'eq':
    case 'in':
      return given.some((g) => list.includes(g));
    case 'ne':
    case 'not_in':
      return !given.some((g) => list.includes(g));
    default: {
      if (given.length !== 1 || list.length !== 1) return false;
      const d = compareScalars(given[0]!, list[0]!);
      if (d === null) return false;
      if (op === 'lt') return d < 0;
      if (op === 'lte') return d <= 0;
      if (op === 'gt') return d > 0;
      return d >= 0;
    }
  }
}

const riskIndex = (l: RiskLevel) => riskLevels.indexOf(l);

/** Whether one condition holds for these inputs. A condition on a missing answer never holds. */
export function conditionHolds(c: RuleCondition, inputs: RuleInputs): boolean {
  switch (c.on) {
    case 'amount':
      return holds([inputs.amountCents], c.op, c.value);
    case 'eligible':
      return holds([inputs.eligible], c.op, c.value);
    case 'risk_level': {
      // Risk levels are ordered (none < low < medium < high): compared by their rank.
      const value = Array.isArray(c.value) ? c.value.map(riskIndex) : riskIndex(c.value);
      return holds([riskIndex(inputs.riskLevel)], c.op, value);
    }
    case 'approved_requests':
      return holds([inputs.approvedRequests], c.op, c.value);
    case 'returned_payments':
      return holds([inputs.returnedPayments], c.op, c.value);
    case 'prenote':
      return holds([inputs.prenote], c.op, c.value);
    case 'answer': {
      const answer: AnswerValue | undefined = Object.hasOwn(inputs.answers, c.questionId)
        ? inputs.answers[c.questionId]
        : undefined;
      if (answer === undefined) return false;
      return holds(Array.isArray(answer) ? answer : [answer], c.op, c.value);
    }
  }
}

export const ruleMatches = (rule: DecisionRule, inputs: RuleInputs): boolean =>
  rule.conditions.every((c) => conditionHolds(c, inputs));

/** The rule that decides (first match wins) with its 1-based position, or null when none matches. */
export interface RuleVerdict {
  rule: DecisionRule;
  position: number;
}

export function evaluateRules(
  rules: readonly DecisionRule[],
  inputs: RuleInputs,
): RuleVerdict | null {
  const index = rules.findIndex((r) => ruleMatches(r, inputs));
  return index < 0 ? null : { rule: rules[index]!, position: index + 1 };
}

/** What the verdict means: the rule's outcome, or `none` (a person decides). */
export const verdictOutcome = (v: RuleVerdict | null): ExpectedOutcome => v?.rule.outcome ?? 'none';

export interface TestCaseResult {
  /** 1-based, in the order of the cases. */
  index: number;
  name: string;
  expected: ExpectedOutcome;
  actual: ExpectedOutcome;
  /** The rule that fired (1-based position and id), or null. */
  position: number | null;
  ruleId: string | null;
  passed: boolean;
}

export function runTestCases(
  rules: readonly DecisionRule[],
  cases: readonly RuleTestCase[],
): TestCaseResult[] {
  return cases.map((c, i) => {
    const verdict = evaluateRules(rules, c.inputs);
    const actual = verdictOutcome(verdict);
    return {
      index: i + 1,
      name: c.name,
      expected: c.expected,
      actual,
      position: verdict?.position ?? null,
      ruleId: verdict?.rule.id ?? null,
      passed: actual === c.expected,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The API's shapes.

export const ruleVersionStatuses = ['draft', 'live', 'retired'] as const;
export const ruleVersionStatusSchema = z.enum(ruleVersionStatuses);
export type RuleVersionStatus = z.infer<typeof ruleVersionStatusSchema>;

export const ruleVersionStatusLabels: Record<RuleVersionStatus, LocalizedText> = {
  draft: { en: 'Draft', es: 'Borrador' },
  live: { en: 'Live', es: 'En vigor' },
  retired: { en: 'Retired', es: 'Retirada' },
};

/** A draft as the editor saves it (create or replace). */
export const ruleVersionBodySchema = z
  .object({
    rules: decisionRulesSchema,
    testCases: z.array(ruleTestCaseSchema).max(500),
  })
  .strict();
export type RuleVersionBody = z.infer<typeof ruleVersionBodySchema>;

const person = personRefSchema.nullable();

export const ruleVersionSchema = z.object({
  id: z.string(),
  programId: z.string(),
  /** 1, 2, … per program, in the order the versions were created. */
  version: z.number().int(),
  status: ruleVersionStatusSchema,
  rules: z.array(decisionRuleSchema),
  testCases: z.array(ruleTestCaseSchema),
  createdBy: person,
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedBy: person,
  publishedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
});
export type RuleVersion = z.infer<typeof ruleVersionSchema>;

export const programAutomationSchema = z.object({
  programId: z.string(),
  /** When off, no request of the program is approved by a rule (evaluations are still recorded). */
  enabled: z.boolean(),
  ...lastChangeFields,
});
export type ProgramAutomation = z.infer<typeof programAutomationSchema>;

export const programAutomationBodySchema = z.object({ enabled: z.boolean() }).strict();
export type ProgramAutomationBody = z.infer<typeof programAutomationBodySchema>;

export const ruleVersionListSchema = z.object({
  programId: z.string(),
  automation: programAutomationSchema,
  /** Newest first. */
  versions: z.array(ruleVersionSchema),
});
export type RuleVersionList = z.infer<typeof ruleVersionListSchema>;

export const ruleVersionParamsSchema = z.object({ programId: z.uuid(), versionId: z.uuid() });

/** One evaluation of a request against its program's live rules (kept for every submission). */
export const ruleEvaluationSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  programId: z.string(),
  /** Null when the program had no live rule version. */
  ruleVersionId: z.string().nullable(),
  ruleVersion: z.number().int().nullable(),
  /** The rule that fired (1-based position, id and label as they were), or null when none matched. */
  rulePosition: z.number().int().nullable(),
  ruleId: z.string().nullable(),
  ruleLabel: z.string().nullable(),
  outcome: expectedOutcomeSchema,
  /** What happened because of it: approved by the rule, or left to a person (and why). */
  effect: z.enum(['approved', 'referred', 'referred_senior', 'person_decides']),
  /** Why an `approve` outcome did not approve (automation off, above the threshold, staff applicant…), or null. */
  heldBack: z
    .enum(['automation_off', 'above_threshold', 'staff_applicant', 'no_budget', 'no_payee_account'])
    .nullable(),
  inputs: ruleInputsSchema,
  evaluatedAt: z.string(),
});
export type RuleEvaluation = z.infer<typeof ruleEvaluationSchema>;
export type RuleEvaluationEffect = RuleEvaluation['effect'];
export type RuleHeldBack = NonNullable<RuleEvaluation['heldBack']>;

export const ruleHeldBackLabels: Record<RuleHeldBack, LocalizedText> = {
  automation_off: {
    en: 'Automation is switched off for the program',
    es: 'La automatización está desactivada para el programa',
  },
  above_threshold: {
    en: 'Above the approval threshold: a person decides',
    es: 'Por encima del umbral de aprobación: decide una persona',
  },
  staff_applicant: {
    en: 'The applicant is staff: a person decides',
    es: 'El solicitante es personal: decide una persona',
  },
  no_budget: {
    en: 'Not enough budget left: a person decides',
    es: 'No queda presupuesto suficiente: decide una persona',
  },
  no_payee_account: {
    en: 'No bank account to pay: a person decides',
    es: 'No hay cuenta bancaria para pagar: decide una persona',
  },
};

export const ruleEvaluationListSchema = z.object({ items: z.array(ruleEvaluationSchema) });
export type RuleEvaluationList = z.infer<typeof ruleEvaluationListSchema>;
