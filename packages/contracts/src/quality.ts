import { z } from 'zod';
import { accountTypes } from './applications.ts';
import { localizedTextSchema } from './language.ts';
import { lastChangeFields, personRefSchema } from './person-ref.ts';
import { questionSetSchema } from './question-set.ts';
import { riskLevelSchema, riskSignalSchema } from './risk.ts';

/**
 * Quality sampling (issue 14 part 1, after the US Benefit Accuracy Measurement): a share of each program's final
 * decisions is drawn at random, in the decision's own transaction, and re-decided blind by another reviewer. Shares
 * are basis points (1/100 of a percent) so a program can sample 0.5 % without floating-point shares in the database.
 */
export const SHARE_BASIS_POINTS_MAX = 10_000;

const share = (name: string) =>
  z
    .number({ error: `${name} must be a number of basis points from 0 to 10,000.` })
    .int({ error: `${name} must be a whole number of basis points (1 = 0.01 %).` })
    .min(0, { error: `${name} must be at least 0.` })
    .max(SHARE_BASIS_POINTS_MAX, { error: `${name} must be at most 10,000 (100 %).` });

/** Where a sampled decision came from: a person's approve or reject, or an approval by a decision rule. */
export const sampleSources = ['human', 'automated'] as const;
export const sampleSourceSchema = z.enum(sampleSources);
export type SampleSource = z.infer<typeof sampleSourceSchema>;

export const recheckOutcomes = ['approve', 'reject'] as const;
export const recheckOutcomeSchema = z.enum(recheckOutcomes);
export type RecheckOutcome = z.infer<typeof recheckOutcomeSchema>;

export const qualitySharesSchema = z.object({
  programId: z.string(),
  programName: z.string(),
  humanShareBasisPoints: z.number().int(),
  automatedShareBasisPoints: z.number().int(),
  ...lastChangeFields,
});
export type QualityShares = z.infer<typeof qualitySharesSchema>;
export const qualitySharesListSchema = z.object({ items: z.array(qualitySharesSchema) });
export type QualitySharesList = z.infer<typeof qualitySharesListSchema>;

export const updateQualitySharesBodySchema = z.object({
  humanShareBasisPoints: share('humanShareBasisPoints'),
  automatedShareBasisPoints: share('automatedShareBasisPoints'),
});
export type UpdateQualitySharesBody = z.infer<typeof updateQualitySharesBodySchema>;

export const programIdParamsSchema = z.object({
  programId: z.uuid({ error: 'programId must be a program id (UUID).' }),
});
export const sampleIdParamsSchema = z.object({
  sampleId: z.uuid({ error: 'sampleId must be a sample id (UUID).' }),
});

const recheckRefusalSchema = z
  .enum(['role', 'original_decider', 'own_request', 'already_rechecked'])
  .nullable();

/**
 * A sample waiting for its re-check. Blind on purpose: no outcome, decider, rule or source (an automated decision
 * is always an approval, so naming the source would name the outcome).
 */
export const qualityQueueItemSchema = z.object({
  sampleId: z.string(),
  reference: z.string(),
  program: z.object({ id: z.string(), name: z.string() }),
  amountRequestedCents: z.number().int(),
  drawnAt: z.string(),
  /** Why the viewer may not re-check it (request-rules' sibling quality-rules); null: they may. */
  refusal: recheckRefusalSchema,
});
export const qualityQueueSchema = z.object({ items: z.array(qualityQueueItemSchema) });
export type QualityQueue = z.infer<typeof qualityQueueSchema>;

/** The request as its decider saw it, and nothing of what they decided. */
export const blindRequestSchema = z.object({
  sampleId: z.string(),
  reference: z.string(),
  program: z.object({
    id: z.string(),
    name: localizedTextSchema,
    maxAmountCents: z.number().int(),
  }),
  applicantName: z.string(),
  submittedAt: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  questionSet: questionSetSchema,
  amountRequestedCents: z.number().int(),
  bankAccount: z
    .object({
      holderName: z.string(),
      accountType: z.enum(accountTypes),
      last4: z.string(),
    })
    .nullable(),
  documents: z.array(
    z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), url: z.string() }),
  ),
  riskLevel: riskLevelSchema,
  riskSignals: z.array(riskSignalSchema),
  refusal: recheckRefusalSchema,
});
export type BlindRequest = z.infer<typeof blindRequestSchema>;

export const recheckBodySchema = z.object({
  outcome: z.enum(recheckOutcomes, { error: 'outcome must be approve or reject.' }),
  note: z
    .string()
    .trim()
    .max(2000, { error: 'note must be 2,000 characters or fewer.' })
    .optional()
    .default(''),
});
export type RecheckBody = z.input<typeof recheckBodySchema>;

/** Who or what made the original decision: a person, or rule N of version V. */
const originalSchema = z.object({
  outcome: recheckOutcomeSchema,
  source: sampleSourceSchema,
  amountCents: z.number().int().nullable(),
  decidedBy: personRefSchema.nullable(),
  rule: z
    .object({
      versionId: z.string(),
      version: z.number().int().nullable(),
      ruleId: z.string().nullable(),
      position: z.number().int().nullable(),
    })
    .nullable(),
  decidedAt: z.string(),
});

const recheckSchema = z.object({
  outcome: recheckOutcomeSchema,
  note: z.string(),
  by: personRefSchema,
  at: z.string(),
});

/** A recorded re-check, with the original revealed now that it can no longer sway the re-checker. */
export const recheckResultSchema = z.object({
  sampleId: z.string(),
  reference: z.string(),
  agrees: z.boolean(),
  original: originalSchema,
  recheck: recheckSchema,
});
export type RecheckResult = z.infer<typeof recheckResultSchema>;

export const disagreementsQuerySchema = z.object({
  programId: z.uuid({ error: 'programId must be a program id (UUID).' }).optional(),
});
export const disagreementsSchema = z.object({
  items: z.array(
    recheckResultSchema.extend({ program: z.object({ id: z.string(), name: z.string() }) }),
  ),
});
export type Disagreements = z.infer<typeof disagreementsSchema>;

/** Agreed re-checks out of all re-checks, with the Wilson 95 % interval (agreement-interval.ts). */
export const agreementStatSchema = z.object({
  checked: z.number().int(),
  agreed: z.number().int(),
  rate: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});
export type AgreementStat = z.infer<typeof agreementStatSchema>;

export const agreementRatesSchema = z.object({
  programs: z.array(
    z.object({
      programId: z.string(),
      programName: z.string(),
      all: agreementStatSchema,
      human: agreementStatSchema,
      automated: agreementStatSchema,
      ruleVersions: z.array(
        agreementStatSchema.extend({
          ruleVersionId: z.string(),
          version: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});
export type AgreementRates = z.infer<typeof agreementRatesSchema>;
