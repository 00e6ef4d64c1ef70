/**
 * Programs administered in the browser (issue 11, items 1, 3 and 4): the editable draft of a program, what it
 * becomes when published (a ProgramDefinition), the go-live checklist, publish requests under dual control,
 * versions with a readable diff, and the eligibility preview. The API (modules/programs, /api/admin/programs) and
 * the admin remote (features/programs, features/program-form) both read these.
 *
 * A program has at most one draft (what an administrator edits) and, once published, a live version (an immutable
 * row of program_versions; requests keep the version they were made under). Publishing copies the draft into a new
 * version after a second administrator approved it and the checklist holds.
 */
import { z } from 'zod';
import { personRefSchema } from './person-ref.ts';
import {
  achEntryDescriptionSchema,
  centsSchema,
  isAmountQuestion,
  plainDateSchema,
  programDefinitionSchema,
  type ProgramDefinition,
} from './programs.ts';
import {
  eligibilityRuleSchema,
  eligibilityRulesProblems,
  identifierSchema,
  questionSchema,
  questionSetSchema,
  questionsById,
  stepSchema,
  ruleKind,
  type EligibilityRule,
  type Question,
  type QuestionSet,
} from './question-set.ts';
import type { Language } from './language.ts';

const isoDateTime = z.string().describe('ISO 8601 date-time in UTC');

export const programSlugSchema = z
  .string()
  .trim()
  .min(1, 'Enter a short name for the web address')
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case words joined by dashes');

/**
 * A text of the program shown to citizens, as it is being written: English is needed to save, Spanish may still be
 * missing in a draft (the go-live checklist refuses to publish until it is there).
 */
export const draftTextSchema = z
  .object({
    en: z.string().trim().min(1, 'Enter the English text').max(2000),
    es: z.string().trim().max(2000),
  })
  .strict();
export type DraftText = z.infer<typeof draftTextSchema>;

/** A text of a question or step as it is being written: either language may still be blank in a draft. */
const editedTextSchema = z
  .object({ en: z.string().trim().max(2000), es: z.string().trim().max(2000) })
  .strict();

/**
 * A question set as it is being edited: the same schema as questionSetSchema (every rule of what can work: ids,
 * types, limits, conditions on earlier questions, options) except that texts may still be blank. The go-live
 * checklist reports blank texts through questionSetProblems (contracts/question-set-problems.ts); a draft with a
 * condition on a later question, a choice without options… is refused when saved.
 */
export const draftQuestionSchema = questionSchema.safeExtend({
  label: editedTextSchema,
  hint: editedTextSchema.optional(),
  errorName: editedTextSchema.optional(),
  pattern: z
    .object({ regex: z.string().min(1), message: editedTextSchema })
    .strict()
    .optional(),
  options: z
    .array(z.object({ value: z.string().min(1), label: editedTextSchema }).strict())
    .min(1)
    .optional(),
});
export const draftStepSchema = stepSchema.safeExtend({
  title: editedTextSchema,
  description: editedTextSchema.optional(),
  questions: z.array(draftQuestionSchema).min(1),
});
export const draftQuestionSetSchema = questionSetSchema.safeExtend({
  steps: z.array(draftStepSchema).min(1),
});

/** Whether new bank accounts get a zero-dollar prenote, and a wait, before the first payment. */
export const PRENOTE_POLICIES = ['none', 'new_accounts'] as const;
export const prenotePolicySchema = z.enum(PRENOTE_POLICIES);
export type PrenotePolicy = z.infer<typeof prenotePolicySchema>;

/**
 * The editable draft of a program. Money is integer cents; a budget or threshold may still be empty (null) in a
 * draft. `questionSet` and `eligibilityRules` are the same data the citizen form and the submit check run.
 */
export const programDraftSchema = z
  .object({
    slug: programSlugSchema,
    name: draftTextSchema,
    /** The short summary of who can apply, shown in the catalog. */
    eligibilitySummary: draftTextSchema,
    description: draftTextSchema,
    /** Who is paid: a person's account (ACH SEC code PPD) or a business's account (CCD). */
    payeeType: z.enum(['individual', 'business']),
    maxAmountCents: centsSchema.min(1, 'Enter a maximum amount of at least 1 cent'),
    budgetCents: centsSchema.nullable(),
    /** Approvals of amounts above this need a second, senior approver. */
    approvalThresholdCents: centsSchema.nullable(),
    /** Business days a reviewer has to decide. */
    reviewDeadlineDays: z.number().int().min(1).max(120),
    /** First and last day (inclusive, agency time zone) applications are accepted; null: not decided yet. */
    opensAt: plainDateSchema.nullable(),
    closesAt: plainDateSchema.nullable(),
    prenotePolicy: prenotePolicySchema,
    achEntryDescription: achEntryDescriptionSchema,
    /** The money question whose answer is the amount requested (and, once approved, paid). */
    amountQuestionId: identifierSchema,
    questionSet: draftQuestionSetSchema,
    eligibilityRules: z.array(eligibilityRuleSchema).max(50),
  })
  .strict()
  .superRefine((draft, ctx) => {
    const problem = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (draft.opensAt && draft.closesAt && draft.opensAt > draft.closesAt)
      problem(['closesAt'], 'The closing date is before the opening date');
    if (draft.budgetCents !== null && draft.maxAmountCents > draft.budgetCents)
      problem(['maxAmountCents'], 'The maximum amount is more than the budget');
    const questions = questionsById(draft.questionSet);
    const amount = questions.get(draft.amountQuestionId);
    if (!isAmountQuestion(amount))
      problem(
        ['amountQuestionId'],
        'The amount question must be a required money question that is always shown',
      );
    for (const p of eligibilityRulesProblems(draft.eligibilityRules, questions))
      problem(['eligibilityRules', ...p.path], p.message);
  });
export type ProgramDraft = z.infer<typeof programDraftSchema>;

/** What a draft becomes when published; the result is still to be checked with programDefinitionSchema. */
export function draftToDefinition(draft: ProgramDraft): Record<string, unknown> {
  return {
    slug: draft.slug,
    name: draft.name,
    description: draft.description,
    eligibilitySummary: draft.eligibilitySummary,
    payeeType: draft.payeeType,
    secCode: draft.payeeType === 'individual' ? 'PPD' : 'CCD',
    maxAmountCents: draft.maxAmountCents,
    budgetCents: draft.budgetCents,
    approvalThresholdCents: draft.approvalThresholdCents,
    reviewDeadlineBusinessDays: draft.reviewDeadlineDays,
    requiresPrenote: draft.prenotePolicy === 'new_accounts',
    opensAt: draft.opensAt,
    closesAt: draft.closesAt,
    questionSet: draft.questionSet,
    eligibilityRules: draft.eligibilityRules,
    amountQuestionId: draft.amountQuestionId,
    achEntryDescription: draft.achEntryDescription,
  };
}

/** The draft an administrator starts from when editing a published definition. */
export function definitionToDraft(
  def: ProgramDefinition,
  defaultEntryDescription: string,
): ProgramDraft {
  return {
    slug: def.slug,
    name: def.name,
    eligibilitySummary: def.eligibilitySummary,
    description: def.description,
    payeeType: def.payeeType,
    maxAmountCents: def.maxAmountCents,
    budgetCents: def.budgetCents,
    approvalThresholdCents: def.approvalThresholdCents,
    reviewDeadlineDays: def.reviewDeadlineBusinessDays,
    opensAt: def.opensAt,
    closesAt: def.closesAt,
    prenotePolicy: def.requiresPrenote ? 'new_accounts' : 'none',
    achEntryDescription: def.achEntryDescription ?? defaultEntryDescription,
    amountQuestionId: def.amountQuestionId,
    questionSet: def.questionSet,
    eligibilityRules: def.eligibilityRules,
  };
}

export { programDefinitionSchema };

// ── Requests ────────────────────────────────────────────────────────────────────────────────────────────────

export const programIdParamsSchema = z.object({ programId: z.uuid() });
export const programVersionParamsSchema = z.object({
  programId: z.uuid(),
  version: z.coerce.number().int().min(1),
});

/** POST /api/admin/programs: a new program starts as a draft with a name, an address and a starter form. */
export const createProgramBodySchema = z
  .object({
    slug: programSlugSchema,
    name: draftTextSchema,
    payeeType: z.enum(['individual', 'business']),
    maxAmountCents: centsSchema.min(1, 'Enter a maximum amount of at least 1 cent'),
  })
  .strict();
export type CreateProgramBody = z.infer<typeof createProgramBodySchema>;

export const putDraftBodySchema = z.object({ draft: programDraftSchema }).strict();
export type PutDraftBody = z.infer<typeof putDraftBodySchema>;

export const changeSummarySchema = z
  .string()
  .trim()
  .min(1, 'Say in a sentence what changes')
  .max(500);

/** POST …/publish-requests: ask a second administrator to approve publishing the draft as it is now. */
export const requestPublishBodySchema = z.object({ changeSummary: changeSummarySchema }).strict();
export type RequestPublishBody = z.infer<typeof requestPublishBodySchema>;

/** POST …/revert: make a new version with the definition of `version` (through the same checklist and approval). */
export const revertBodySchema = z
  .object({ version: z.number().int().min(1), changeSummary: changeSummarySchema })
  .strict();
export type RevertBody = z.infer<typeof revertBodySchema>;

/** POST …/eligibility-preview: rules to count (by default the draft's). */
export const eligibilityPreviewBodySchema = z
  .object({ rules: z.array(eligibilityRuleSchema).max(50).optional() })
  .strict();
export type EligibilityPreviewBody = z.infer<typeof eligibilityPreviewBodySchema>;

/** POST …/open: open from today until `closesAt` (inclusive), or the current closing date when that is ahead. */
export const openProgramBodySchema = z.object({ closesAt: plainDateSchema.optional() }).strict();
export type OpenProgramBody = z.infer<typeof openProgramBodySchema>;

/** Actions that take no fields (approve, withdraw, close, archive). */
export const noFieldsBodySchema = z.object({}).strict().optional();

export const diffQuerySchema = z.object({ against: z.coerce.number().int().min(1).optional() });

// ── Responses ───────────────────────────────────────────────────────────────────────────────────────────────

/** draft: never published; live: has a published version; archived: hidden from the catalog, closed for good. */
export const PROGRAM_STATUSES = ['draft', 'live', 'archived'] as const;
export const programStatusSchema = z.enum(PROGRAM_STATUSES);
export type ProgramStatus = z.infer<typeof programStatusSchema>;

/** Where today falls against a live program's dates. */
export const programWindowSchema = z.enum(['not_open_yet', 'open', 'closed']);

export const adminProgramListItemSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.object({ en: z.string(), es: z.string() }),
  status: programStatusSchema,
  /** The live version's number; null before the first publication. */
  liveVersion: z.number().int().nullable(),
  window: programWindowSchema.nullable(),
  /** Inclusive local dates (agency time zone) of the live version, or the draft's before publication. */
  opensAt: plainDateSchema.nullable(),
  closesAt: plainDateSchema.nullable(),
  /** The draft differs from the live version. */
  hasUnpublishedChanges: z.boolean(),
  pendingPublishRequest: z.boolean(),
});
export type AdminProgramListItem = z.infer<typeof adminProgramListItemSchema>;
export const adminProgramListSchema = z.object({ items: z.array(adminProgramListItemSchema) });
export type AdminProgramList = z.infer<typeof adminProgramListSchema>;

export const CHECKLIST_ITEMS = ['spanish', 'form', 'budget', 'approval'] as const;
export const checklistItemIdSchema = z.enum(CHECKLIST_ITEMS);
export type ChecklistItemId = z.infer<typeof checklistItemIdSchema>;

/**
 * The go-live checklist. spanish: every citizen text has its Spanish; form: the definition validates and the form
 * previews without problems (questionSetProblems) and the definition is complete; budget: budget and approval threshold set; approval: a second administrator approved
 * (or the agency switched the second approval off). `problems` name the field or question.
 */
export const checklistSchema = z.object({
  items: z.array(
    z.object({
      id: checklistItemIdSchema,
      ok: z.boolean(),
      problems: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
  /** Everything but the approval holds: a publish request may be made. */
  readyForApproval: z.boolean(),
  /** Every item holds: publishing goes ahead. */
  canPublish: z.boolean(),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const PUBLISH_REQUEST_STATES = ['pending', 'published', 'withdrawn', 'superseded'] as const;
export const publishRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(['publish', 'revert']),
  state: z.enum(PUBLISH_REQUEST_STATES),
  changeSummary: z.string(),
  /** revert only: the version whose definition comes back. */
  revertToVersion: z.number().int().nullable(),
  requestedBy: personRefSchema,
  requestedAt: isoDateTime,
  decidedBy: personRefSchema.nullable(),
  decidedAt: isoDateTime.nullable(),
  /** The version it published. */
  publishedVersion: z.number().int().nullable(),
});
export type PublishRequest = z.infer<typeof publishRequestSchema>;

export const adminProgramSchema = z.object({
  id: z.string(),
  status: programStatusSchema,
  liveVersion: z.number().int().nullable(),
  window: programWindowSchema.nullable(),
  draft: programDraftSchema,
  draftUpdatedAt: isoDateTime,
  draftUpdatedBy: personRefSchema.nullable(),
  hasUnpublishedChanges: z.boolean(),
  checklist: checklistSchema,
  /** The pending request, if any: only a different administrator may approve it. */
  pendingPublishRequest: publishRequestSchema.nullable(),
  /** Whether the signed-in administrator may approve the pending request (not the one who asked, under dual control). */
  viewerMayApprovePublish: z.boolean(),
  /** From settings: when false, publishing needs no second administrator. */
  publishNeedsSecondApproval: z.boolean(),
});
export type AdminProgram = z.infer<typeof adminProgramSchema>;

export const programVersionSchema = z.object({
  version: z.number().int(),
  live: z.boolean(),
  /** null for versions written before administration (seed or migration). */
  publishedBy: personRefSchema.nullable(),
  approvedBy: personRefSchema.nullable(),
  publishedAt: isoDateTime,
  changeSummary: z.string().nullable(),
  /** Requests made under this version. */
  requestCount: z.number().int(),
});
export type ProgramVersion = z.infer<typeof programVersionSchema>;
export const programVersionsSchema = z.object({ items: z.array(programVersionSchema) });
export type ProgramVersions = z.infer<typeof programVersionsSchema>;

/** One readable change: what (a field or a question, named), and its text before and after (null: absent). */
export const programChangeSchema = z.object({
  path: z.string(),
  label: z.object({ en: z.string(), es: z.string() }),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ProgramChange = z.infer<typeof programChangeSchema>;
export const programDiffSchema = z.object({
  /** null: compared with nothing (the first version). "draft" is the current draft. */
  from: z.union([z.number().int(), z.literal('draft')]).nullable(),
  to: z.union([z.number().int(), z.literal('draft')]),
  changes: z.array(programChangeSchema),
});
export type ProgramDiff = z.infer<typeof programDiffSchema>;

export const eligibilityPreviewSchema = z.object({
  /** Submitted requests of this program (any version; drafts are not counted). */
  totalRequests: z.number().int(),
  rules: z.array(
    z.object({
      index: z.number().int(),
      text: z.object({ en: z.string(), es: z.string() }),
      /** Requests the rule lets through (including those it does not apply to). */
      passed: z.number().int(),
      failed: z.number().int(),
      notApplicable: z.number().int(),
    }),
  ),
  /** Requests every rule lets through. */
  passedAll: z.number().int(),
});
export type EligibilityPreview = z.infer<typeof eligibilityPreviewSchema>;

// ── Readable rules ──────────────────────────────────────────────────────────────────────────────────────────

const OP_WORDS: Record<Language, Record<string, string>> = {
  en: {
    eq: 'is',
    neq: 'is not',
    lt: 'is less than',
    lte: 'is at most',
    gt: 'is more than',
    gte: 'is at least',
    in: 'is one of',
    notIn: 'is none of',
  },
  es: {
    eq: 'es',
    neq: 'no es',
    lt: 'es menor que',
    lte: 'es como máximo',
    gt: 'es mayor que',
    gte: 'es como mínimo',
    in: 'es uno de',
    notIn: 'no es ninguno de',
  },
};

function formatValue(value: unknown, question: Question | undefined, language: Language): string {
  if (Array.isArray(value)) return value.map((v) => formatValue(v, question, language)).join(', ');
  if (question?.type === 'money' && typeof value === 'number')
    return (value / 100).toLocaleString(language === 'es' ? 'es-US' : 'en-US', {
      style: 'currency',
      currency: 'USD',
    });
  if (typeof value === 'boolean') return value ? (language === 'es' ? 'sí' : 'yes') : 'no';
  const option = question?.options?.find((o) => o.value === value);
  if (option) return `“${option.label[language] || option.label.en}”`;
  return String(value);
}

/**
 * A rule as a program officer reads it: "Business revenue last year fell by at least 20 % (Revenue this year)",
 * "Date the permit fee was paid is within the last 12 months". Question labels name the questions.
 */
export function describeRule(
  rule: EligibilityRule,
  questionSet: QuestionSet,
  language: Language,
): string {
  const questions = questionsById(questionSet);
  const name = (id: string) => {
    const q = questions.get(id);
    return q ? `“${q.label[language] || q.label.en}”` : id;
  };
  let text: string;
  if (rule.kind === 'percentDrop') {
    text =
      language === 'es'
        ? `${name(rule.afterQuestionId)} es al menos un ${rule.atLeastPercent} % menor que ${name(rule.beforeQuestionId)}`
        : `${name(rule.afterQuestionId)} is at least ${rule.atLeastPercent} % lower than ${name(rule.beforeQuestionId)}`;
  } else if (rule.kind === 'withinLast') {
    text =
      language === 'es'
        ? `${name(rule.questionId)} es de los últimos ${rule.months} meses`
        : `${name(rule.questionId)} is within the last ${rule.months} months`;
  } else {
    text = `${name(rule.questionId)} ${OP_WORDS[language][rule.op]} ${formatValue(rule.value, questions.get(rule.questionId), language)}`;
  }
  if (rule.appliesIf) {
    const c = rule.appliesIf;
    const values = 'equals' in c ? [c.equals] : c.in;
    const when = `${name(c.questionId)} ${language === 'es' ? 'es' : 'is'} ${formatValue(values, questions.get(c.questionId), language)}`;
    text += language === 'es' ? ` (solo cuando ${when})` : ` (only when ${when})`;
  }
  return text;
}

export { ruleKind };
