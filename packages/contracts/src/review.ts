import { z } from 'zod';
import { importedOriginSchema } from './imported.ts';
import { accountTypes } from './applications.ts';
import { requestHeadFields, requestStatusSchema } from './requests.ts';
import { requestEventTypeSchema } from './request-events.ts';
import { riskLevelSchema, riskSignalSchema } from './risk.ts';
import { deadlineStateSchema } from './inbox.ts';
import { localizedTextSchema } from './language.ts';
import { personRefSchema } from './person-ref.ts';
import { questionSetSchema } from './question-set.ts';
import { requestActionSchema } from './request-rules.ts';

const reviewDocumentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  url: z.string(),
  /**
   * Where the file came from: the application form, an answer to a request for information (answeredAt says which),
   * or uploaded for an answer the citizen has not sent yet.
   */
  origin: z.enum(['application', 'info_answer', 'unsent_answer']),
  answeredAt: z.string().nullable(),
});

/** Whether the payee account was confirmed with the bank (only `unverified` is written today). */
export const payeeVerificationStates = ['unverified', 'verified'] as const;
export const payeeVerificationStateSchema = z.enum(payeeVerificationStates);
export type PayeeVerificationState = z.infer<typeof payeeVerificationStateSchema>;

export const reviewDetailSchema = z.object({
  ...requestHeadFields,
  program: z.object({
    id: z.string(),
    /** In both languages (the screen shows the reader's). */
    name: localizedTextSchema,
    /** The program version the request was submitted under (questionSet is that version's). */
    version: z.number().int(),
    maxAmountCents: z.number().int(),
    approvalThresholdCents: z.number().int(),
    remainingBudgetCents: z.number().int(),
    reviewDeadlineDays: z.number().int(),
  }),
  applicant: personRefSchema.extend({ email: z.string() }),
  isOwnRequest: z.boolean(),
  /** A practice request (generated training case in a practice program): never paid; the page marks it. */
  practice: z.boolean(),
  /** Brought in from the agency's old system (issue 12): no answers of its own; where it came from and its note. */
  imported: importedOriginSchema.nullable(),
  answers: z.record(z.string(), z.unknown()),
  /** The questions as the applicant saw them (the request's program version, not today's), to label the answers. */
  questionSet: questionSetSchema,
  amountRequestedCents: z.number().int(),
  approvedAmountCents: z.number().int().nullable(),
  assignee: personRefSchema.nullable(),
  firstApprover: personRefSchema.nullable(),
  /** A decision rule referred it to a senior approver: only a senior approver may take it, decide it or be given it. */
  referredToSenior: z.boolean(),
  submittedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  deadline: deadlineStateSchema,
  bankAccount: z
    .object({
      id: z.string(),
      holderName: z.string(),
      accountType: z.enum(accountTypes),
      routingNumber: z.string(),
      last4: z.string(),
      verificationState: payeeVerificationStateSchema,
      createdAt: z.string(),
    })
    .nullable(),
  documents: z.array(reviewDocumentSchema),
  /** Each request for information, oldest first, with the citizen's answer (text and files) once given. */
  infoExchanges: z.array(
    z.object({
      question: z.string(),
      askedAt: z.string(),
      askedBy: personRefSchema.nullable(),
      answer: z
        .object({ message: z.string(), at: z.string(), documents: z.array(reviewDocumentSchema) })
        .nullable(),
    }),
  ),
  /** When the citizen answered a request for information that nobody has acted on since; null otherwise. */
  infoAnsweredAt: z.string().nullable(),
  /** What the viewer may do now (request-rules, the same rules the API enforces): the screen offers only these. */
  allowedActions: z.array(requestActionSchema),
  otherRequests: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      programName: localizedTextSchema,
      status: requestStatusSchema,
      amountRequestedCents: z.number().int(),
      submittedAt: z.string().nullable(),
      imported: importedOriginSchema.nullable(),
    }),
  ),
  riskLevel: riskLevelSchema,
  riskSignals: z.array(riskSignalSchema),
  timeline: z.array(
    z.object({
      id: z.string(),
      type: requestEventTypeSchema,
      fromStatus: requestStatusSchema.nullable(),
      toStatus: requestStatusSchema.nullable(),
      actor: personRefSchema.nullable(),
      data: z.record(z.string(), z.unknown()),
      visibleToApplicant: z.boolean(),
      at: z.string(),
    }),
  ),
  comments: z.array(
    z.object({ id: z.string(), author: personRefSchema, body: z.string(), at: z.string() }),
  ),
  auditTrail: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      actor: personRefSchema.nullable(),
      action: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  payment: z
    .object({ id: z.string(), amountCents: z.number().int(), status: z.string() })
    .nullable(),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

export const commentBodySchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { error: 'body is empty: write the comment text.' })
    .max(4000, { error: 'body must be 4,000 characters or fewer.' }),
});
export type CommentBody = z.infer<typeof commentBodySchema>;

export const commentResponseSchema = z.object({
  id: z.string(),
  author: personRefSchema,
  body: z.string(),
  at: z.string(),
});

export const revealAccountResponseSchema = z.object({
  routingNumber: z.string(),
  accountNumber: z.string(),
});
