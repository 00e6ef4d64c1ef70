/**
 * Policy simulation (issue 14 part 3): replay a program's past requests under changed parameters and compare with
 * what happened. The replay itself and every choice it makes are in apps/api/src/modules/simulations/replay.ts and
 * docs/simulation.md; the money figures reuse the finance overview's definitions (finance-overview.ts).
 */
import { z } from 'zod';
import { isPlainDate } from './business-days.ts';
import { amountAndCount, durationStats } from './finance-overview.ts';
import { languageSchema } from './language.ts';
import { programRefSchema } from './program-ref.ts';
import { centsSchema } from './programs.ts';
import { eligibilityRuleSchema, questionSetSchema } from './question-set.ts';
import { decisionRuleSchema, decisionRulesSchema } from './decision-rules.ts';

const plainDate = z
  .string()
  .refine(isPlainDate, { error: 'Use a real date written YYYY-MM-DD.' })
  .describe('a day in the agency time zone, YYYY-MM-DD');

/** The longest period one simulation replays (a year and a day: enough for "the last twelve months"). */
export const SIMULATION_MAX_DAYS = 366;

/** What a scenario changes; a field left out keeps what happened (see docs/simulation.md). */
export const simulationChangesSchema = z
  .object({
    maxAmountCents: centsSchema
      .min(1, { error: 'maxAmountCents must be at least 1 cent.' })
      .optional()
      .describe('the largest amount a request may ask for'),
    approvalThresholdCents: centsSchema
      .optional()
      .describe('approvals of more than this need a senior second approval'),
    budgetCents: centsSchema
      .min(1, { error: 'budgetCents must be at least 1 cent.' })
      .optional()
      .describe('the program budget, consumed in submission order'),
    reviewDeadlineDays: z
      .number()
      .int()
      .min(1, { error: 'reviewDeadlineDays must be between 1 and 120.' })
      .max(120, { error: 'reviewDeadlineDays must be between 1 and 120.' })
      .optional()
      .describe('business days from submission to the review deadline'),
    eligibilityRules: z
      .array(eligibilityRuleSchema)
      .optional()
      .describe(
        'the whole eligibility rule list that replaces the one in force (an empty list: no rule)',
      ),
    decisionRules: decisionRulesSchema
      .optional()
      .describe(
        'a decision-rule table (first match wins) evaluated on each request at submission: an approve rule takes a request a person approved away from human review',
      ),
  })
  .strict();
export type SimulationChanges = z.infer<typeof simulationChangesSchema>;

export const simulationRequestSchema = z
  .object({
    program: programRefSchema,
    from: plainDate.describe('first day of the period, in the agency time zone'),
    to: plainDate.describe('last day of the period, inclusive'),
    changes: simulationChangesSchema.default({}),
  })
  .strict();
export type SimulationRequest = z.input<typeof simulationRequestSchema>;

/**
 * Amount bands the qualification changes are counted in: each band is [minCents, next band's minCents), the last
 * one open-ended.
 */
export const AMOUNT_BAND_MINIMUMS = [0, 50_000, 100_000, 500_000, 1_000_000] as const;

const bandCount = z.object({
  minCents: z.number().int(),
  /** Exclusive; null for the last band. */
  maxCents: z.number().int().nullable(),
  count: z.number().int(),
  cents: z.number().int(),
});

const qualificationChange = z.object({
  count: z.number().int(),
  /** The amounts asked for. */
  cents: z.number().int(),
  /** Every band of AMOUNT_BAND_MINIMUMS, in order, empty ones included. */
  byAmountBand: z.array(bandCount),
  /** Every language, empty ones included. */
  byLanguage: z.array(z.object({ language: languageSchema, count: z.number().int() })),
});
export type QualificationChange = z.infer<typeof qualificationChange>;

export const simulationFiguresSchema = z.object({
  ...amountAndCount('requested'),
  /** Requests submitted in the period that pass the eligibility rules and the maximum amount. */
  eligibleCents: z.number().int(),
  eligibleCount: z.number().int(),
  ...amountAndCount('approved'),
  ...amountAndCount('paid'),
  /** Requests submitted in the period that are eligible but refused because the budget had run out. */
  overBudgetCents: z.number().int(),
  overBudgetCount: z.number().int(),
  /** The agency day the committed money passes the budget; null when it does not within the period. */
  budgetRunOutDate: z.string().nullable(),
  budgetCents: z.number().int(),
  /** Committed by requests submitted before the period (what the budget starts the period with spent). */
  committedBeforeCents: z.number().int(),
  /** Approvals made in the period by a decision rule, without a person. */
  automatedApprovalCount: z.number().int(),
  /** People's decisions on requests made in the period (one per request decided by a person). */
  humanReviewCount: z.number().int(),
  /** Senior second approvals made in the period. */
  secondApprovalCount: z.number().int(),
  /** Measured handling time of those reviews and second approvals, in hours to the tenth. */
  reviewerHours: z.number(),
  /** Requests decided in the period after their review deadline. */
  decidedLateCount: z.number().int(),
  /** Days from submission to decision over requests decided in the period (as the overview's daysToDecision). */
  daysToDecision: durationStats,
});
export type SimulationFigures = z.infer<typeof simulationFiguresSchema>;

export const simulationScenarioSchema = simulationFiguresSchema.extend({
  /** Requests of the period that qualify under the scenario and did not (eligibility rules, maximum amount). */
  newlyQualifying: qualificationChange,
  /** Requests of the period that qualified and would not under the scenario. */
  noLongerQualifying: qualificationChange,
});
export type SimulationScenario = z.infer<typeof simulationScenarioSchema>;

/** What a simulation replays, as its request named it: the program's slug and the period's first and last day. */
export const replayedFields = { program: z.string(), from: z.string(), to: z.string() };

export const simulationResultSchema = z.object({
  ...replayedFields,
  changes: simulationChangesSchema,
  /** What happened: the money figures are the finance overview's for the same program and period. */
  baseline: simulationFiguresSchema,
  scenario: simulationScenarioSchema,
  computedAt: z.string(),
});
export type SimulationResult = z.infer<typeof simulationResultSchema>;

/**
 * What a scenario starts from (GET /api/simulations/programs/{slug}): the program's live parameters, so the screen
 * can offer today's rules to edit. The questions are the live form's, the ones a changed rule may read.
 */
export const simulationStartSchema = z.object({
  program: z.string(),
  /** The live program version. */
  version: z.number().int(),
  maxAmountCents: z.number().int(),
  approvalThresholdCents: z.number().int(),
  budgetCents: z.number().int(),
  reviewDeadlineDays: z.number().int(),
  questionSet: questionSetSchema,
  eligibilityRules: z.array(eligibilityRuleSchema),
  /** The live decision-rule version, or null when the program has none. */
  decisionRules: z
    .object({ version: z.number().int(), rules: z.array(decisionRuleSchema) })
    .nullable(),
});
export type SimulationStart = z.infer<typeof simulationStartSchema>;
