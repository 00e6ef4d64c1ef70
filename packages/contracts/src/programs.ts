/** What a program definition is: its schema, its type and the rules read straight from it. */
import { z } from 'zod';
import { isPlainDate, type PlainDate } from './business-days.ts';
import {
  eligibilityRuleSchema,
  eligibilityRulesProblems,
  identifierSchema,
  localizedTextSchema,
  questionSetSchema,
  questionsById,
  type Question,
} from './question-set.ts';
import { localizedTextSchema as shownTextSchema } from './language.ts';

/**
 * NACHA company entry description: 1–10 upper-case letters, digits, spaces and - & . / (alphanumeric field), not
 * starting with a space, and none of the descriptions NACHA reserves for special entries (REVERSAL, RECLAIM, …).
 */
export const NACHA_RESERVED_DESCRIPTIONS = [
  'REVERSAL',
  'RECLAIM',
  'NONSETTLED',
  'AUTOENROLL',
  'REDEPCHECK',
  'RETURN FEE',
  'HCCLAIMPMT',
  'RETRY PMT',
] as const;
export const achEntryDescriptionSchema = z
  .string()
  .regex(
    /^[A-Z0-9&./-][A-Z0-9 &./-]{0,9}$/,
    'Use 1 to 10 capital letters, digits, spaces or - & . / (not starting with a space)',
  )
  .refine(
    (v) => !(NACHA_RESERVED_DESCRIPTIONS as readonly string[]).includes(v.trimEnd()),
    'NACHA reserves this description for special entries; choose another',
  );

/** Money as a person or a rule states it: whole cents, zero or more, exact in a JavaScript number. */
export const centsSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A program's calendar day (opens, closes), YYYY-MM-DD. */
export const plainDateSchema = z.string().refine(isPlainDate, 'Use a real date written YYYY-MM-DD');

export const programDefinitionSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case words joined by dashes')
      .max(64),
    name: localizedTextSchema,
    description: localizedTextSchema,
    eligibilitySummary: localizedTextSchema,
    /** Who is paid: a person's account (ACH SEC code PPD) or a business's account (CCD). */
    payeeType: z.enum(['individual', 'business']),
    secCode: z.enum(['PPD', 'CCD']),
    maxAmountCents: centsSchema.min(1),
    budgetCents: centsSchema.min(1),
    /** Approvals of amounts above this need a second, senior approver. */
    approvalThresholdCents: centsSchema,
    reviewDeadlineBusinessDays: z.number().int().min(1).max(120),
    /** Send a zero-dollar prenote to a new account and wait before paying it. */
    requiresPrenote: z.boolean(),
    /**
     * The company entry description of this program's ACH batches (NACHA batch header field 7: what the payee's
     * bank statement shows). Absent: the agency default (HMS_ACH_ENTRY_DESCRIPTION).
     */
    achEntryDescription: achEntryDescriptionSchema.optional(),
    /** First and last day (inclusive, agency time zone) applications are accepted. */
    opensAt: plainDateSchema,
    closesAt: plainDateSchema,
    questionSet: questionSetSchema,
    eligibilityRules: z.array(eligibilityRuleSchema),
    /** The money question whose answer is the amount requested (and, once approved, paid). */
    amountQuestionId: identifierSchema,
  })
  .strict()
  .superRefine((program, ctx) => {
    const problem = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    // Nacha: PPD credits consumer accounts, CCD credits corporate accounts.
    const expectedSec = program.payeeType === 'individual' ? 'PPD' : 'CCD';
    if (program.secCode !== expectedSec)
      problem(['secCode'], `${program.payeeType} payees are paid with ${expectedSec} entries`);
    if (program.maxAmountCents > program.budgetCents)
      problem(['maxAmountCents'], 'maxAmountCents is more than the budget');
    if (program.opensAt > program.closesAt) problem(['closesAt'], 'closesAt is before opensAt');

    const questions = questionsById(program.questionSet);
    const amount = questions.get(program.amountQuestionId);
    if (!isAmountQuestion(amount)) {
      problem(
        ['amountQuestionId'],
        'amountQuestionId must name a required, always shown money question',
      );
    } else if (amount.max === undefined || amount.max > program.maxAmountCents) {
      // Otherwise the form would accept amounts the program can never pay.
      problem(
        ['amountQuestionId'],
        'the amount question needs a max no higher than maxAmountCents',
      );
    }

    for (const p of eligibilityRulesProblems(program.eligibilityRules, questions))
      problem(['eligibilityRules', ...p.path], p.message);
  });
export type ProgramDefinition = z.infer<typeof programDefinitionSchema>;

/** The question a program's amount is read from must be a required money question that is always shown. */
export function isAmountQuestion(question: Question | undefined): question is Question {
  return question?.type === 'money' && question.required && !question.showIf;
}

/** Whether applications are accepted on `today` (a date in the agency's zone). */
export function isProgramOpen(
  program: Pick<ProgramDefinition, 'opensAt' | 'closesAt'>,
  today: PlainDate,
): boolean {
  return program.opensAt <= today && today <= program.closesAt;
}

const isoDateTime = z.string().describe('ISO 8601 date-time in UTC');

/** Why a program does not accept applications now; null when it does. */
export const programClosedReasons = ['not_open_yet', 'closed', 'budget_exhausted'] as const;
export const programClosedReasonSchema = z.enum(programClosedReasons);
export type ProgramClosedReason = z.infer<typeof programClosedReasonSchema>;

/** Where now falls against the program's dates (computed by the database clock). */
export type ProgramWindowState = 'not_open_yet' | 'closed' | 'open';

/**
 * The one rule for whether a program accepts applications, used by the catalog, the program page and the submit
 * check: outside its dates it is not open yet or closed; otherwise it is full once committed money reaches the budget.
 */
export function programClosedReason(p: {
  windowState: ProgramWindowState;
  budgetCents: number;
  committedCents: number;
}): ProgramClosedReason | null {
  if (p.windowState !== 'open') return p.windowState;
  if (p.committedCents >= p.budgetCents) return 'budget_exhausted';
  return null;
}

export const programSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: shownTextSchema,
  description: shownTextSchema,
  eligibility: shownTextSchema,
  maxAmountCents: z.number().int(),
  opensAt: isoDateTime.nullable(),
  closesAt: isoDateTime.nullable(),
  /** Open by its dates only; acceptingApplications also accounts for the budget. */
  isOpen: z.boolean(),
  reviewDeadlineDays: z.number().int(),
  /** True when open today and budget remains: only then can a draft be started or submitted. */
  acceptingApplications: z.boolean(),
  closedReason: programClosedReasonSchema.nullable(),
});
export type ProgramSummary = z.infer<typeof programSummarySchema>;

export const programsResponseSchema = z.object({ items: z.array(programSummarySchema) });
export type ProgramsResponse = z.infer<typeof programsResponseSchema>;

/**
 * Program detail for the citizen: everything the intake form needs to render a program's questions and tell the
 * person, before they start, whether the program accepts applications now (open dates and remaining budget).
 */
export const programDetailSchema = programSummarySchema.extend({
  version: z.number().int(),
  payeeType: z.enum(['individual', 'business']),
  amountQuestionId: z.string(),
  questionSet: questionSetSchema,
});
export type ProgramDetail = z.infer<typeof programDetailSchema>;

export const programSlugParamsSchema = z.object({
  slug: z
    .string()
    .max(64)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'A program slug is lower-case words joined by dashes.',
    }),
});
