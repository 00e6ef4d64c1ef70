import type { Kysely, Transaction } from 'kysely';
import {
  DECLARATION_REQUIRED,
  WITHDRAWABLE_STATUSES,
  bankDetailsSchemaIn,
  type BankDetails,
  type BankDetailsBody,
  type EligibilityResponse,
  type InfoResponseBody,
  type ProgramDraftResponse,
  type RequestDetail,
  type SaveAnswersBody,
  type SubmitResponse,
  type WithdrawBody,
  returnedAccountMessage,
} from '@hms/contracts/applications';
import { programClosedMessages } from '@hms/contracts/program-closed';
import type { ProgramDetail } from '@hms/contracts/programs';
import type { MyRequestsResponse, RequestStatus } from '@hms/contracts/requests';
import {
  allQuestions,
  buildAnswersSchema,
  checkEligibility,
  ruleQuestionIds,
  prefillAnswers,
  type Answers,
  type QuestionSet,
} from '@hms/contracts/question-set';
import type { ProgramDefinition } from '@hms/contracts/programs';
import { generateReference } from '@hms/contracts/reference-number';
import {
  addBusinessDays,
  businessDaysBetween,
  toZonedDate,
  startOfZonedDay,
} from '@hms/contracts/business-days';
import { formatCents } from '@hms/contracts/money';
import type { PayeeUpdateResponse } from '@hms/contracts/payee-update';
import type { ProblemFieldError } from '@hms/contracts/problem';
import type { Caller } from '../../platform/auth/sessions.ts';
import type { Config } from '../../platform/config.ts';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { auditUserChange, auditUserOf } from '../../platform/audit.ts';
import { deleteRequestEvents } from '../../platform/request-events.ts';
import { iso } from '../../platform/response-fields.ts';
import * as notifications from '../notifications/service.ts';
import { recordRequestEvent } from '../notifications/service.ts';
import { sealField } from '../../platform/field-crypto.ts';
import { keyRing, open, seal } from '../../platform/keyring.ts';
import { HttpProblem, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import * as payments from '../payments/service.ts';
import * as programs from '../programs/service.ts';
import * as readModels from '../read-models/service.ts';
import { accountFingerprint, computeRiskSignals } from '../risk/service.ts';
import * as documents from '../documents/service.ts';
import * as repo from './repo.ts';
import type { Language } from '@hms/contracts/language';
import type { RiskLevel } from '@hms/contracts/risk';

type Db = Kysely<Database>;

const REQUEST_NOT_FOUND =
  'We could not find that request in your account. Check the link, or open it from "My requests".';

/** The staff's 404 for a request id that names no request (a citizen's is about their own requests only). */
export const staffRequestNotFound = (requestId: string): HttpProblem =>
  notFound(
    'request.not_found',
    `There is no request ${requestId}. Check the link or search the inbox by reference.`,
  );

export const STALE_DRAFT =
  'This application was changed on another device or in another tab after you opened it, so this save was not ' +
  'applied. Nothing you saved before is lost: reload the page to see the latest answers, then make your change again.';

function answersProblem(detail: string, errors: ProblemFieldError[]): HttpProblem {
  return badRequest('validation.failed', detail, errors);
}

const answerField = (questionId: string) => `body.answers.${questionId}`;

function issuesToErrors(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): ProblemFieldError[] {
  return issues.map((i) => ({ field: answerField(String(i.path[0] ?? '')), message: i.message }));
}

/** The caller's own request (locked for the transaction when `lock`), or 404: another person's is as unknown as none. */
async function ownRequest(
  db: Queryable,
  caller: Caller,
  requestId: string,
  opts: { lock?: boolean } = {},
) {
  const row = await repo.findOwnRequest(db, caller.user.id, requestId, opts);
  if (!row) throw notFound('request.not_found', REQUEST_NOT_FOUND);
  return row;
}

const lockedOwnRequest = (trx: Transaction<Database>, caller: Caller, requestId: string) =>
  ownRequest(trx, caller, requestId, { lock: true });

function requireDraft(row: repo.RequestRow): void {
  if (row.status !== 'draft') {
    throw conflict(
      'request.already_submitted',
      `This application was already submitted (reference ${row.reference}), so it can no longer be changed. ` +
        'Open it from "My requests" to follow it.',
    );
  }
}

function requireVersion(row: repo.RequestRow, version: number): void {
  if (row.version !== version) throw conflict('request.stale_version', STALE_DRAFT);
}

/** Document answers must name files uploaded to this request. */
async function checkDocumentAnswers(
  db: Db | Transaction<Database>,
  requestId: string,
  set: QuestionSet,
  answers: Answers,
  language: Language,
): Promise<ProblemFieldError[]> {
  const errors: ProblemFieldError[] = [];
  for (const q of allQuestions(set)) {
    const value = answers[q.id];
    if (q.type !== 'document' || !Array.isArray(value)) continue;
    const known = await documents.documentIdsOfRequest(db, requestId, value);
    if (value.some((id) => !known.has(id))) {
      errors.push({
        field: answerField(q.id),
        message:
          language === 'es'
            ? `Uno de los archivos de "${q.label.es}" ya no está disponible. Vuelva a subirlo.`
            : `One of the files for "${q.label.en}" is no longer available. Upload it again.`,
      });
    }
  }
  return errors;
}

/** The files the answers name (document questions). */
function documentAnswerIds(set: QuestionSet, answers: Answers): string[] {
  return allQuestions(set).flatMap((q) => {
    const value = answers[q.id];
    return q.type === 'document' && Array.isArray(value)
      ? value.filter((id): id is string => typeof id === 'string')
      : [];
  });
}

function amountOf(def: ProgramDefinition, answers: Answers): number | undefined {
  const value = answers[def.amountQuestionId];
  return typeof value === 'number' ? value : undefined;
}

const TIMELINE_DATA_KEYS = [
  'reason',
  'reasonEs',
  'messageToApplicant',
  'question',
  'message',
  'amountCents',
  'accountLast4',
  'effectiveDate',
  'dueAt',
] as const;

function applicantData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of TIMELINE_DATA_KEYS) if (data[k] !== undefined) out[k] = data[k];
  return out;
}

async function detailOf(
  db: Db | Transaction<Database>,
  row: repo.RequestRow,
  timeZone: string,
): Promise<RequestDetail> {
  const program = await programs.loadProgram(db, { id: row.program_id });
  const [bank, docs, events, infoEvent, estimates] = await Promise.all([
    row.payee_account_id
      ? repo.findPayeeAccountView(db, row.payee_account_id)
      : Promise.resolve(undefined),
    documents.documentsOfRequest(db, row.id),
    repo.applicantTimeline(db, row.id),
    row.status === 'needs_info'
      ? repo.lastEventOfType(db, row.id, 'info_requested')
      : Promise.resolve(undefined),
    readModels.requestEstimates(db, [row.id], timeZone),
  ]);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    version: row.version,
    program: {
      id: program.id,
      slug: program.slug,
      name: { en: program.name_en, es: program.name_es },
      reviewDeadlineDays: program.review_deadline_days,
    },
    answers: row.answers,
    completedSteps: row.completed_steps,
    amountRequestedCents: Number(row.amount_requested_cents),
    bankAccount: bank
      ? {
          holderName: bank.holder_name,
          accountType: bank.account_type,
          routingNumber: bank.routing_number,
          last4: bank.account_last4,
        }
      : null,
    documents: docs,
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      at: iso(e.created_at),
      data: applicantData(e.data),
    })),
    infoRequest: infoEvent
      ? {
          question: typeof infoEvent.data.question === 'string' ? infoEvent.data.question : '',
          at: iso(infoEvent.created_at),
        }
      : null,
    canWithdraw: WITHDRAWABLE_STATUSES.includes(row.status),
    submittedAt: iso(row.submitted_at),
    dueAt: iso(row.due_at),
    estimate: estimates.get(row.id) ?? null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function requestDetail(
  db: Db,
  config: Config,
  caller: Caller,
  requestId: string,
): Promise<RequestDetail> {
  const row = await ownRequest(db, caller, requestId);
  return detailOf(db, row, config.timezone);
}

/**
 * The program a request is answered against, read by the request: the application form asks for it together with
 * the request (the page's URL names only the request), instead of one after the other on a slow link. A draft is
 * answered against today's form; a submitted request shows the questions of the version it was submitted under.
 */
export async function requestProgram(
  db: Db,
  caller: Caller,
  requestId: string,
): Promise<ProgramDetail> {
  const row = await ownRequest(db, caller, requestId);
  if (row.status === 'draft') return programs.programDetail(db, { id: row.program_id });
  return programs.programDetail(
    db,
    { id: row.program_id },
    await programs.definitionForRequest(db, row),
  );
}

const MY_REQUESTS_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

function encodeMyRequestsCursor(c: repo.RequestCursor): string {
  return Buffer.from(`${c.createdAt}|${c.id}`).toString('base64url');
}

function decodeMyRequestsCursor(raw: string): repo.RequestCursor {
  const m = MY_REQUESTS_CURSOR.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!m) {
    throw badRequest('validation.cursor_invalid', 'The cursor is not valid.', [
      {
        field: 'query.cursor',
        message:
          'Use the nextCursor value from the previous page exactly as returned, or leave cursor out for the first page.',
      },
    ]);
  }
  return { createdAt: m[1]!, id: m[2]! };
}

/** "My requests": the citizen's own requests, newest first, a page at a time. */
export async function myRequests(
  db: Db,
  config: Config,
  userId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<MyRequestsResponse> {
  const after = q.cursor ? decodeMyRequestsCursor(q.cursor) : null;
  const rows = await repo.listRequestsOfApplicant(db, userId, q.limit, after);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const estimates = await readModels.requestEstimates(
    db,
    page.filter((r) => r.status !== 'draft').map((r) => r.id),
    config.timezone,
  );
  return {
    items: page.map((r) => ({
      id: r.id,
      reference: r.reference,
      programId: r.program_id,
      programName: { en: r.name_en, es: r.name_es },
      status: r.status,
      amountRequestedCents: r.amount_requested_cents,
      submittedAt: iso(r.submitted_at),
      updatedAt: iso(r.updated_at),
      estimate: estimates.get(r.id) ?? null,
    })),
    nextCursor:
      rows.length > q.limit && last
        ? encodeMyRequestsCursor({ createdAt: last.created_at_text, id: last.id })
        : null,
  };
}

function closedProblem(
  reason: keyof typeof programClosedMessages,
  language: Language,
  keptDraft: boolean,
) {
  const kept =
    language === 'es'
      ? ' Guardamos su borrador: puede volver a él si el programa vuelve a abrir.'
      : ' Your draft is kept: you can come back to it if the program reopens.';
  return new HttpProblem(
    'program.closed',
    409,
    'Program not accepting applications',
    programClosedMessages[reason][language] + (keptDraft ? kept : ''),
    { params: { reason, draftKept: keptDraft ? 'yes' : 'no' } },
  );
}

/**
 * The phone number the person gave on one of their latest applications (the answer to a question marked
 * `prefill: 'phone'` in the form it was made with), or null. The account itself holds no phone number.
 */
async function lastKnownPhone(
  db: Db | Transaction<Database>,
  applicantId: string,
): Promise<string | null> {
  for (const row of await repo.recentRequestsOfApplicant(db, applicantId, 5)) {
    const { definition } = await programs.definitionForRequest(db, row);
    for (const step of definition.questionSet.steps)
      for (const q of step.questions) {
        const value = row.answers[q.id];
        if (q.prefill === 'phone' && typeof value === 'string' && value) return value;
      }
  }
  return null;
}

/** A new reference number no request has yet. */
async function unusedReference(trx: Transaction<Database>): Promise<string> {
  let reference = generateReference();
  while (await repo.referenceExists(trx, reference)) reference = generateReference();
  return reference;
}

/**
 * Starts a draft for a program, or returns the person's open draft for it (one per program). A new draft's contact
 * questions start filled in from the account (name, email) and the phone number the person gave last time.
 */
export async function startDraft(
  db: Db,
  config: Config,
  caller: Caller,
  slug: string,
): Promise<{ created: boolean; detail: RequestDetail }> {
  try {
    return await startDraftOnce(db, config, caller, slug);
  } catch (err) {
    // Two starts at once (a double tap, two tabs) race to insert; the unique index lets one win, and the loser
    // answers with the winner's draft.
    if (isOneDraftViolation(err)) return startDraftOnce(db, config, caller, slug);
    throw err;
  }
}

function isOneDraftViolation(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  return (
    e?.code === '23505' &&
    (e.constraint === 'requests_one_draft_per_program' ||
      String(e.message).includes('requests_one_draft_per_program'))
  );
}

async function startDraftOnce(
  db: Db,
  config: Config,
  caller: Caller,
  slug: string,
): Promise<{ created: boolean; detail: RequestDetail }> {
  const { created, id } = await db.transaction().execute(async (trx) => {
    const program = await programs.loadProgram(trx, { slug });
    const existing = await repo.findOpenDraft(trx, caller.user.id, program.id);
    if (existing) return { created: false, id: existing.id };
    const reason = programs.closedReason(program);
    if (reason) throw closedProblem(reason, caller.user.language, false);
    const id = uuidv7();
    const reference = await unusedReference(trx);
    const answers = prefillAnswers(
      programs.definitionOf(program).questionSet,
      {
        name: caller.user.displayName,
        email: caller.user.email,
        phone: await lastKnownPhone(trx, caller.user.id),
      },
      { language: caller.user.language, timeZone: config.timezone },
    );
    await repo.insertDraft(trx, {
      id,
      reference,
      programId: program.id,
      programVersion: program.version,
      applicantId: caller.user.id,
      answers,
    });
    await recordRequestEvent(trx, {
      requestId: id,
      type: 'draft_created',
      actor: { id: caller.user.id, kind: 'user' },
      toStatus: 'draft',
      visibleToApplicant: false,
    });
    await auditUserChange(trx, auditUserOf(caller), 'request.draft_created', 'request', id, {
      programId: program.id,
      reference,
    });
    return { created: true, id };
  });
  return { created, detail: await committedDetail(db, config, caller, id) };
}

/**
 * The request as the answer shows it (requestDetail), read after the transaction committed. Every audited write
 * holds the audit chain's lock from its entry to its commit (platform/audit.ts: one chain, one writer at a time), so
 * the reads that only build the answer (program, files, timeline, estimate) stay outside it rather than hold back
 * every other write.
 */
const committedDetail = requestDetail;

/** The person's open draft for a program, if any: the program page offers to continue it instead of starting. */
export async function draftForProgram(
  db: Db,
  caller: Caller,
  slug: string,
): Promise<ProgramDraftResponse> {
  const program = await programs.loadProgram(db, { slug });
  const row = await repo.findOpenDraft(db, caller.user.id, program.id);
  return {
    draft: row ? { id: row.id, reference: row.reference, updatedAt: iso(row.updated_at) } : null,
  };
}

/**
 * Deletes one of the person's own drafts (a started application they no longer want). A submitted request is never
 * deleted: it is part of the record, and the person withdraws it instead.
 */
export async function deleteDraft(db: Db, caller: Caller, requestId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockedOwnRequest(trx, caller, requestId);
    if (row.status !== 'draft') {
      throw conflict(
        'request.draft_not_deletable',
        `Request ${row.reference} was already submitted, so it cannot be deleted. ` +
          (WITHDRAWABLE_STATUSES.includes(row.status)
            ? 'You can withdraw it from its page instead.'
            : 'It stays in "My requests" as a record.'),
      );
    }
    // Everything that only existed for the draft goes with it: its files, its notifications, its (hidden) timeline.
    await documents.deleteDocumentsOfRequest(trx, row.id);
    await notifications.deleteNotificationsOfRequest(trx, row.id);
    await deleteRequestEvents(trx, row.id);
    await repo.deleteDraft(trx, row);
    await auditUserChange(trx, auditUserOf(caller), 'request.draft_deleted', 'request', row.id, {
      programId: row.program_id,
      reference: row.reference,
    });
  });
}

type Step = ProgramDefinition['questionSet']['steps'][number];

function stepOf(def: ProgramDefinition, stepId: string): Step {
  const step = def.questionSet.steps.find((s) => s.id === stepId);
  if (!step) {
    throw badRequest('request.step_unknown', 'That step is not part of this application.', [
      {
        field: 'body.step',
        message: `Use one of the steps of this program: ${def.questionSet.steps.map((s) => s.id).join(', ')}.`,
      },
    ]);
  }
  return step;
}

/** One step's answers, checked with the form's schema for that step and its files still attached. */
async function checkStepAnswers(
  trx: Transaction<Database>,
  config: Config,
  row: repo.RequestRow,
  def: ProgramDefinition,
  step: Step,
  given: SaveAnswersBody['answers'],
  language: Language,
): Promise<Answers> {
  // Earlier answers decide which of this step's questions are shown, so validate over the whole answer set.
  const merged = { ...row.answers, ...given };
  const parsed = buildAnswersSchema(def.questionSet, {
    language,
    step: step.id,
    timeZone: config.timezone,
  }).safeParse(merged);
  if (!parsed.success) {
    throw answersProblem(
      'Some answers need fixing. See errors for each answer and how to fix it.',
      [...issuesToErrors(parsed.error.issues)],
    );
  }
  const docErrors = await checkDocumentAnswers(trx, row.id, def.questionSet, parsed.data, language);
  if (docErrors.length > 0) throw answersProblem('Some files need uploading again.', docErrors);
  return parsed.data;
}

/** The draft's answers with this step's questions answered anew (an answer no longer given is dropped). */
function replaceStepAnswers(
  saved: Record<string, unknown>,
  step: Step,
  stepAnswers: Answers,
): Record<string, unknown> {
  const stepIds = new Set(step.questions.map((q) => q.id));
  const answers: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(saved)) if (!stepIds.has(k)) answers[k] = v;
  return Object.assign(answers, stepAnswers);
}

/** Saves one step: validated with the same schema the form uses, merged into the draft, at the expected version. */
export async function saveStep(
  db: Db,
  config: Config,
  caller: Caller,
  requestId: string,
  body: SaveAnswersBody,
): Promise<RequestDetail> {
  const language = body.language ?? caller.user.language;
  await db.transaction().execute(async (trx) => {
    const row = await lockedOwnRequest(trx, caller, requestId);
    requireDraft(row);
    requireVersion(row, body.version);
    const program = await programs.loadProgram(trx, { id: row.program_id });
    const def = programs.definitionOf(program);
    const step = stepOf(def, body.step);
    const stepAnswers = await checkStepAnswers(trx, config, row, def, step, body.answers, language);
    const answers = replaceStepAnswers(row.answers, step, stepAnswers);
    const amount = amountOf(def, stepAnswers);
    const completed = [...new Set([...row.completed_steps, step.id])];
    const version = await repo.updateDraftIfVersion(trx, row.id, body.version, {
      answers,
      completedSteps: completed,
      ...(amount !== undefined ? { amountRequestedCents: amount } : {}),
      // The step was checked against today's definition: a draft started before the program changed moves to it.
      programVersion: program.version,
    });
    if (version === null) throw conflict('request.stale_version', STALE_DRAFT);
    await auditUserChange(trx, auditUserOf(caller), 'request.draft_saved', 'request', row.id, {
      step: step.id,
      version,
    });
  });
  return committedDetail(db, config, caller, requestId);
}

/** Server-side eligibility: plain-language reasons for unmet rules, and the answers still missing. */
export async function eligibility(
  db: Db,
  config: Config,
  caller: Caller,
  requestId: string,
  language: Language,
): Promise<EligibilityResponse> {
  const row = await ownRequest(db, caller, requestId);
  // A draft is checked against today's rules; a submitted request against the rules it was submitted under.
  const def =
    row.status === 'draft'
      ? programs.definitionOf(await programs.loadProgram(db, { id: row.program_id }))
      : (await programs.definitionForRequest(db, row)).definition;
  const valid: Answers = {};
  const incomplete: ProblemFieldError[] = [];
  for (const step of def.questionSet.steps) {
    const r = buildAnswersSchema(def.questionSet, {
      language,
      step: step.id,
      timeZone: config.timezone,
    }).safeParse(row.answers);
    if (r.success) Object.assign(valid, r.data);
    else incomplete.push(...issuesToErrors(r.error.issues));
  }
  const missing = new Set(incomplete.map((e) => e.field));
  const reasons: string[] = [];
  for (const rule of def.eligibilityRules) {
    if (ruleQuestionIds(rule).some((id) => missing.has(answerField(id)))) continue;
    for (const reason of checkEligibility([rule], valid, language, { timeZone: config.timezone })
      .reasons)
      if (!reasons.includes(reason)) reasons.push(reason);
  }
  return { eligible: reasons.length === 0 && incomplete.length === 0, reasons, incomplete };
}

/**
 * A bank account as entered by a person (the bank step, or a new account after a returned payment), checked by the
 * one bank-account schema; a 400 names each field that needs fixing (its first problem), in `language`.
 */
export function parseBankAccount(body: unknown, language: Language): BankDetails {
  const parsed = bankDetailsSchemaIn(language).safeParse(body);
  if (parsed.success) return parsed.data;
  const seen = new Set<string>();
  const errors: ProblemFieldError[] = [];
  for (const i of parsed.error.issues) {
    const field = `body.${String(i.path[0] ?? '')}`;
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: i.message });
  }
  throw badRequest(
    'validation.failed',
    'Some bank details need fixing. See errors for each field and how to fix it.',
    errors,
  );
}

/** A new sealed payee account of the person (each bank step writes one; the fingerprint finds the same account). */
async function newPayeeAccount(
  trx: Transaction<Database>,
  config: Config,
  userId: string,
  bank: BankDetails,
): Promise<{ id: string; last4: string }> {
  const key = keyRing(config).current;
  const id = uuidv7();
  const last4 = bank.accountNumber.slice(-4);
  await repo.insertPayeeAccount(trx, {
    id,
    userId,
    holderName: bank.holderName,
    accountType: bank.accountType,
    routingNumber: bank.routingNumber,
    accountNumberEnc: sealField(bank.accountNumber, key),
    last4,
    keyId: key.id,
    fingerprint: accountFingerprint(key.key, bank.routingNumber, bank.accountNumber),
  });
  return { id, last4 };
}

/** The bank account the payment goes to: checked, the number sealed, only the last 4 ever shown back. */
export async function saveBankDetails(
  db: Db,
  config: Config,
  caller: Caller,
  requestId: string,
  body: BankDetailsBody,
): Promise<RequestDetail> {
  const bank = parseBankAccount(body, body.language ?? caller.user.language);
  await db.transaction().execute(async (trx) => {
    const row = await lockedOwnRequest(trx, caller, requestId);
    requireDraft(row);
    requireVersion(row, body.version);
    const { id: payeeId, last4 } = await newPayeeAccount(trx, config, caller.user.id, bank);
    const version = await repo.updateDraftIfVersion(trx, row.id, body.version, {
      payeeAccountId: payeeId,
    });
    if (version === null) throw conflict('request.stale_version', STALE_DRAFT);
    await auditUserChange(trx, auditUserOf(caller), 'request.bank_account_set', 'request', row.id, {
      payeeAccountId: payeeId,
      accountLast4: last4,
      accountType: bank.accountType,
      achAuthorization: true,
    });
  });
  return committedDetail(db, config, caller, requestId);
}

/** The end of the day, in the agency's zone, `days` business days after `from`. */
export function reviewDueAt(from: Date, days: number, timeZone: string): Date {
  const dueDate = addBusinessDays(toZonedDate(from, timeZone), days);
  return startOfZonedDay(dueDate, timeZone, 1);
}

type ProgramRow = Awaited<ReturnType<typeof programs.loadProgram>>;

/** What submit answers, first time or replayed: the request's reference, status and review deadline. */
function submitSummary(requestId: string, program: Pick<ProgramRow, 'review_deadline_days'>) {
  return (r: {
    reference: string;
    status: SubmitResponse['status'];
    submitted_at: Date | string | null;
    due_at: Date | string | null;
  }): SubmitResponse => ({
    id: requestId,
    reference: r.reference,
    status: r.status,
    submittedAt: iso(r.submitted_at!),
    dueAt: iso(r.due_at!),
    reviewDeadlineDays: program.review_deadline_days,
  });
}

/** One idempotency key submits one request: a key already used for another of the person's requests is refused. */
async function refuseKeyOfAnotherRequest(
  trx: Transaction<Database>,
  caller: Caller,
  row: repo.RequestRow,
  idempotencyKey: string,
): Promise<void> {
  const other = await repo.findByIdempotencyKey(trx, caller.user.id, idempotencyKey);
  if (other && other.id !== row.id) {
    throw conflict(
      'request.idempotency_key_reused',
      'This Idempotency-Key was already used to submit another request. Generate a new key for each draft.',
    );
  }
}

function requireDeclaration(declaration: boolean, language: Language): void {
  if (declaration !== true) {
    throw badRequest('request.declaration_required', 'Confirm the declaration to submit.', [
      { field: 'body.declaration', message: DECLARATION_REQUIRED[language] },
    ]);
  }
}

/**
 * The program locked for the rest of the transaction (concurrent submits queue here, so the budget check below
 * counts every earlier one) and read again under the lock: it must still take applications.
 */
async function lockOpenProgram(
  trx: Transaction<Database>,
  programId: string,
  language: Language,
): Promise<ProgramRow> {
  await programs.lockProgram(trx, programId);
  const fresh = await programs.loadProgram(trx, { id: programId });
  const reason = programs.closedReason(fresh);
  if (reason) throw closedProblem(reason, language, true);
  return fresh;
}

/**
 * The whole answer set, checked with the form's schema and its files still attached: the answers as submitted, or a
 * 400 naming each answer to fix (`problems` says what the two refusals tell the person).
 */
async function checkAnswersComplete(
  trx: Transaction<Database>,
  config: Config,
  requestId: string,
  def: ProgramDefinition,
  raw: unknown,
  language: Language,
  problems: { answers: string; files: string },
): Promise<Answers> {
  const parsed = buildAnswersSchema(def.questionSet, {
    language,
    timeZone: config.timezone,
  }).safeParse(raw);
  if (!parsed.success) throw answersProblem(problems.answers, issuesToErrors(parsed.error.issues));
  const answers = parsed.data;
  const docErrors = await checkDocumentAnswers(trx, requestId, def.questionSet, answers, language);
  if (docErrors.length > 0) throw answersProblem(problems.files, docErrors);
  return answers;
}

function requirePayeeAccount(row: repo.RequestRow, language: Language): void {
  if (!row.payee_account_id) {
    throw badRequest(
      'request.bank_account_missing',
      'Give the bank account the payment goes to before you submit.',
      [
        {
          field: 'body.bankAccount',
          message:
            language === 'es'
              ? 'Indique la cuenta bancaria donde recibirá el pago'
              : 'Give the bank account the payment goes to',
        },
      ],
    );
  }
}

/** The program's eligibility rules over the answers; a 422 lists each rule unmet, in `describe`'s words. */
function requireEligible(
  config: Config,
  def: ProgramDefinition,
  answers: Answers,
  language: Language,
  describe: (reasons: string[]) => string,
): void {
  const verdict = checkEligibility(def.eligibilityRules, answers, language, {
    timeZone: config.timezone,
  });
  if (!verdict.eligible) {
    throw new HttpProblem('request.not_eligible', 422, 'Not eligible', describe(verdict.reasons), {
      errors: verdict.reasons.map((r) => ({ field: 'body.answers', message: r })),
    });
  }
}

/** The amount asked must fit in what the (locked) program has left; a 409 says how much is left, in `describe`'s words. */
function requireBudgetLeft(
  program: ProgramRow,
  amount: number,
  describe: (remaining: number) => string,
): void {
  const remaining = programs.remainingBudgetCents(program);
  if (amount > remaining) {
    throw new HttpProblem('program.budget_exhausted', 409, 'Program budget', describe(remaining), {
      params: { remainingCents: remaining },
    });
  }
}

/** The draft becomes submitted with its checked answers, amount and deadline, and the citizen's timeline shows it. */
async function recordSubmission(
  trx: Transaction<Database>,
  s: {
    requestId: string;
    applicantId: string;
    answers: Answers;
    amount: number;
    idempotencyKey: string;
    submittedAt: Date;
    dueAt: Date;
    programVersion: number;
  },
): Promise<void> {
  await repo.markSubmitted(trx, s.requestId, {
    answers: s.answers,
    amountRequestedCents: s.amount,
    idempotencyKey: s.idempotencyKey,
    submittedAt: s.submittedAt,
    dueAt: s.dueAt,
    // The answers were checked against this version of the program: the request keeps it.
    programVersion: s.programVersion,
  });
  await recordRequestEvent(trx, {
    requestId: s.requestId,
    type: 'submitted',
    actor: { id: s.applicantId, kind: 'user' },
    fromStatus: 'draft',
    toStatus: 'submitted',
    data: { amountCents: s.amount, dueAt: s.dueAt.toISOString() },
    visibleToApplicant: true,
  });
}

/** A request as it was just submitted: what a step after the submission (the decision rules) reads. */
export interface SubmittedRequest {
  requestId: string;
  reference: string;
  programId: string;
  applicantId: string;
  applicantRoles: readonly string[];
  amountCents: number;
  answers: Answers;
  /** The answers met the program's eligibility rules (submit refuses them otherwise). */
  eligible: boolean;
  riskLevel: RiskLevel;
  payeeAccountId: string;
  submittedAt: Date;
}

/**
 * A step run in the submission's transaction once the request is submitted and its risk computed; it answers the
 * request's status after it (a decision rule may have approved it). Given by the caller (the submit route passes the
 * decision rules' evaluation), so this module never imports the modules that decide and would import it back.
 */
export type AfterSubmit = (
  trx: Transaction<Database>,
  request: SubmittedRequest,
) => Promise<{ status: RequestStatus }>;

/**
 * Submits a draft exactly once per idempotency key: a repeat with the same key (a retry, a double click) returns the
 * same request. The full answer set is re-validated with the form's schema, the program must be open with budget
 * left, and the applicant eligible; on any refusal the draft stays as it was. `afterSubmit` runs in the same
 * transaction (see AfterSubmit).
 */
export async function submit(
  db: Db,
  config: Config,
  caller: Caller,
  requestId: string,
  idempotencyKey: string,
  body: { declaration: boolean; language?: Language | undefined },
  afterSubmit?: AfterSubmit,
): Promise<{ replayed: boolean; result: SubmitResponse }> {
  const language = body.language ?? caller.user.language;
  return db.transaction().execute(async (trx) => {
    const row = await lockedOwnRequest(trx, caller, requestId);
    const summary = submitSummary(
      requestId,
      await programs.loadProgram(trx, { id: row.program_id }),
    );
    if (row.status !== 'draft') {
      if (row.idempotency_key === idempotencyKey) return { replayed: true, result: summary(row) };
      requireDraft(row);
    }
    await refuseKeyOfAnotherRequest(trx, caller, row, idempotencyKey);
    requireDeclaration(body.declaration, language);
    const program = await lockOpenProgram(trx, row.program_id, language);
    const def = programs.definitionOf(program);
    const answers = await checkAnswersComplete(trx, config, row.id, def, row.answers, language, {
      answers:
        'Some answers need fixing before you can submit. Go back to each answer listed and correct it.',
      files: 'Some files need uploading again.',
    });
    requirePayeeAccount(row, language);
    requireEligible(config, def, answers, language, notEligibleDetail(language));
    const amount = amountOf(def, answers) ?? 0;
    requireBudgetLeft(program, amount, budgetLeftDetail(language));
    await documents.deleteUnsentApplicationFiles(
      trx,
      row.id,
      documentAnswerIds(def.questionSet, answers),
    );
    const submittedAt = new Date();
    const dueAt = reviewDueAt(submittedAt, program.review_deadline_days, config.timezone);
    await recordSubmission(trx, {
      requestId: row.id,
      applicantId: caller.user.id,
      answers,
      amount,
      idempotencyKey,
      submittedAt,
      dueAt,
      programVersion: program.version,
    });
    // Risk signals are computed now, in the same transaction, so the inbox shows them before anyone opens the review.
    const risk = await computeRiskSignals(trx, row.id, {
      encryptionKey: keyRing(config).current.key,
      now: submittedAt,
    });
    // Audited after the risk reads: the entry takes the audit chain's lock until the commit (platform/audit.ts), and
    // before the steps after submission, whose own entries (an approval by rule) follow it in the chain.
    await auditUserChange(trx, auditUserOf(caller), 'request.submitted', 'request', row.id, {
      reference: row.reference,
      amountCents: amount,
      programVersion: program.version,
    });
    const after = afterSubmit
      ? await afterSubmit(trx, {
          requestId: row.id,
          reference: row.reference,
          programId: row.program_id,
          applicantId: caller.user.id,
          applicantRoles: caller.user.roles,
          amountCents: amount,
          answers,
          eligible: true,
          riskLevel: risk.level,
          payeeAccountId: row.payee_account_id!,
          submittedAt,
        })
      : { status: 'submitted' as const };
    const submitted = { status: after.status, submitted_at: submittedAt, due_at: dueAt };
    return { replayed: false, result: summary({ reference: row.reference, ...submitted }) };
  });
}

const notEligibleDetail = (language: Language) => (reasons: string[]) =>
  (language === 'es'
    ? 'Según sus respuestas, no cumple los requisitos de este programa: '
    : 'From your answers, you do not meet the rules of this program: ') + reasons.join(' ');

const budgetLeftDetail = (language: Language) => (remaining: number) =>
  language === 'es'
    ? `A este programa solo le quedan ${formatCents(remaining, 'es')}. Pida un monto menor o vuelva más tarde; su borrador se conserva.`
    : `This program has only ${formatCents(remaining, 'en')} left. Ask for a smaller amount or come back later; your draft is kept.`;

/** The files named in an answer, each attached to this request (a 400 otherwise). */
async function attachedDocumentIds(
  trx: Transaction<Database>,
  requestId: string,
  documentIds: readonly string[],
): Promise<string[]> {
  const ids = [...new Set(documentIds.map((d) => d.toLowerCase()))];
  const known = await documents.documentIdsOfRequest(trx, requestId, ids);
  if (ids.some((id) => !known.has(id))) {
    throw badRequest(
      'request.documents_not_attached',
      'Some files are not attached to this request.',
      [
        {
          field: 'body.documentIds',
          message: 'Upload the files to this request first, then send your answer.',
        },
      ],
    );
  }
  return ids;
}

/**
 * The review deadline pauses while the request waits for the citizen: the deadline pushed back by the business days
 * waited since the question, or undefined when it stays.
 */
async function resumedReviewDeadline(
  trx: Transaction<Database>,
  config: Config,
  row: repo.RequestRow,
): Promise<Date | undefined> {
  const asked = await repo.lastEventOfType(trx, row.id, 'info_requested');
  if (!asked || !row.due_at) return undefined;
  const waited = businessDaysBetween(
    toZonedDate(new Date(asked.created_at), config.timezone),
    toZonedDate(new Date(), config.timezone),
  );
  if (waited <= 0) return undefined;
  const dueDate = addBusinessDays(
    toZonedDate(new Date(new Date(row.due_at).getTime() - 1), config.timezone),
    waited,
  );
  return startOfZonedDay(dueDate, config.timezone, 1);
}

/** The citizen answers a request for more information: back to its reviewer (or the queue), deadline resumed. */
export async function answerInfoRequest(
  db: Db,
  config: Config,
  caller: Caller,
  requestId: string,
  body: Required<InfoResponseBody>,
): Promise<RequestDetail> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedOwnRequest(trx, caller, requestId);
    if (row.status !== 'needs_info') {
      throw conflict(
        'request.no_open_info_request',
        'There is no open request for more information on this request, so there is nothing to answer.',
      );
    }
    const ids = await attachedDocumentIds(trx, row.id, body.documentIds);
    const dueAt = await resumedReviewDeadline(trx, config, row);
    // DOMAIN.md: the reviewer who still holds it gets it back in review (their "assigned to me" queue, marked
    // answered); a request nobody holds goes back to the queue, unassigned. Never submitted-and-assigned, which
    // nobody could claim or decide.
    const toStatus = row.assigned_to ? 'in_review' : 'submitted';
    await repo.setStatus(trx, row.id, toStatus, {
      infoAnsweredAt: new Date(),
      ...(dueAt ? { dueAt } : {}),
    });
    await recordRequestEvent(trx, {
      requestId: row.id,
      type: 'info_provided',
      actor: { id: caller.user.id, kind: 'user' },
      fromStatus: 'needs_info',
      toStatus,
      data: { message: body.message, documentIds: ids },
      visibleToApplicant: true,
    });
    await auditUserChange(trx, auditUserOf(caller), 'request.info_provided', 'request', row.id, {
      documentIds: ids,
    });
    // The answer may change what the signals rest on: recompute them as the request goes back to the queue.
    await computeRiskSignals(trx, row.id, { encryptionKey: keyRing(config).current.key });
    const updated = await repo.findOwnRequest(trx, caller.user.id, row.id);
    return detailOf(trx, updated!, config.timezone);
  });
}

export async function withdraw(
  db: Db,
  config: Config,
  caller: Caller,
  requestId: string,
  body: WithdrawBody,
): Promise<RequestDetail> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedOwnRequest(trx, caller, requestId);
    if (!WITHDRAWABLE_STATUSES.includes(row.status)) {
      throw conflict(
        'request.not_withdrawable',
        row.status === 'draft'
          ? 'This application was never submitted, so there is nothing to withdraw.'
          : 'A decision has already been made on this request (or it was already withdrawn), so it can no longer be withdrawn.',
      );
    }
    await repo.setStatus(trx, row.id, 'withdrawn');
    await recordRequestEvent(trx, {
      requestId: row.id,
      type: 'withdrawn',
      actor: { id: caller.user.id, kind: 'user' },
      fromStatus: row.status,
      toStatus: 'withdrawn',
      data: body.reason ? { reason: body.reason } : {},
      visibleToApplicant: true,
    });
    await auditUserChange(trx, auditUserOf(caller), 'request.withdrawn', 'request', row.id, {
      fromStatus: row.status,
    });
    const updated = await repo.findOwnRequest(trx, caller.user.id, row.id);
    return detailOf(trx, updated!, config.timezone);
  });
}

/** The request's returned payment, when the return was about the bank account (a new account can fix it). */
async function returnAboutAccount(trx: Transaction<Database>, requestId: string) {
  const returned = await payments.latestReturned(trx, requestId);
  if (!returned)
    throw conflict('request.no_returned_payment', 'There is no returned payment on this request.');
  if (returned.account_fixable === false)
    throw forbidden(
      'request.return_not_account',
      'This return was not about the bank account; the agency will contact you.',
    );
  return returned;
}

/**
 * The payment came back because of its account (closed, not found, invalid, frozen…), so the same routing and account
 * number again would only bounce again (and NACHA forbids sending it again uncorrected): refused on the account number.
 */
async function refuseReturnedAccount(
  trx: Transaction<Database>,
  config: Config,
  returnedAccountId: string,
  bank: BankDetails,
  language: Language,
): Promise<void> {
  const [returned] = await repo.sealedAccountNumbers(trx, [returnedAccountId]);
  if (
    returned &&
    returned.routing_number === bank.routingNumber &&
    open(config, returned.account_number_enc) === bank.accountNumber
  )
    throw badRequest(
      'validation.failed',
      'The payment came back from this bank account; give a different one.',
      [{ field: 'body.accountNumber', message: returnedAccountMessage(language) }],
    );
}

/**
 * The citizen's new bank account after a returned payment: a new sealed payee account and a new pending payment
 * linked to the returned one; the request goes back to approved. The partial unique index keeps it to one live
 * payment. Only after a return about the account (not, say, a deceased payee).
 */
export async function replacePayeeAccount(
  db: Db,
  config: Config,
  caller: Caller,
  requestId: string,
  bank: BankDetails,
): Promise<PayeeUpdateResponse> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedOwnRequest(trx, caller, requestId);
    if (row.status !== 'payment_returned')
      throw conflict(
        'request.not_payment_returned',
        `A new bank account can be given only after a payment was returned; this request is ${row.status}.`,
      );
    const returned = await returnAboutAccount(trx, requestId);
    await refuseReturnedAccount(trx, config, returned.payee_account_id, bank, caller.user.language);
    const account = await newPayeeAccount(trx, config, caller.user.id, bank);
    const paymentId = await payments.createReplacementPayment(trx, {
      requestId,
      payeeAccountId: account.id,
      amountCents: returned.amount_cents,
      replacesId: returned.id,
    });
    const now = new Date();
    await repo.approveToNewAccount(trx, requestId, account.id, now);
    await recordRequestEvent(trx, {
      requestId,
      type: 'account_updated',
      actor: { id: caller.user.id, kind: 'user' },
      fromStatus: 'payment_returned',
      toStatus: 'approved',
      data: { paymentId, replacesPaymentId: returned.id, accountLast4: account.last4 },
      visibleToApplicant: true,
    });
    await auditUserChange(
      trx,
      auditUserOf(caller),
      'payee_account.replaced',
      'request',
      requestId,
      {
        paymentId,
        replacesPaymentId: returned.id,
        payeeAccountId: account.id,
        // The same ACH authorization as the bank step: the schema refuses the account without it.
        achAuthorization: true,
      },
    );
    // A changed account shortly before payment and a shared account are risk signals: recompute them now.
    await computeRiskSignals(trx, requestId, { encryptionKey: keyRing(config).current.key, now });
    return {
      requestId,
      requestStatus: 'approved',
      paymentId,
      replacesPaymentId: returned.id,
      accountLast4: account.last4,
    };
  });
}

// What other modules change on a request or on a payee account (both owned here), in their own transaction.
export {
  applyDecision,
  claimForReview,
  countClaimsOf,
  insertDemoPayeeAccount,
  insertDemoRequest,
  lockForDecision,
  markPaid,
  markReferredToSenior,
  markPaymentReturned,
  reassignReview,
  releaseAllClaimsOf,
  releaseFromReview,
  setPayeeFingerprint,
  setRiskLevel,
} from './repo.ts';

/** The applicant's own request, locked for the rest of the transaction (an upload: a submit or withdraw waits). */
export const lockOwnRequest = (
  trx: Transaction<Database>,
  applicantId: string,
  requestId: string,
) => repo.findOwnRequest(trx, applicantId, requestId, { lock: true });

// The applicant's history the decision rules read (issue 14).
export { approvedRequestsOfApplicant } from './repo.ts';

// What the review and inbox modules read of a request and its payee account for a reviewer's action.
export { requestBrief, requestForAssignment, sealedPayeeAccount } from './repo.ts';
// The demo seeds: which final requests still lack their payment, whether the approvals demo was already written.
export { finalRequestsWithoutPayment, hasRequestWithKeyPrefix } from './repo.ts';

/** The account numbers of these payee accounts, opened: only for writing the file to the bank. */
export async function accountNumbers(
  trx: Transaction<Database>,
  config: Config,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await repo.sealedAccountNumbers(trx, ids);
  return new Map(rows.map((a) => [a.id, open(config, a.account_number_enc)]));
}

/**
 * The bank's correction of an account (a confirmed notification of change): the new number is sealed under the
 * current key, and the fingerprint (routing + account) follows so the risk signals keep finding the account.
 */
export async function correctPayeeAccount(
  trx: Transaction<Database>,
  config: Config,
  accountId: string,
  c: {
    routingNumber: string | null;
    accountNumber: string | null;
    accountType: 'checking' | 'savings' | null;
    holderName: string | null;
  },
): Promise<void> {
  const set: Parameters<typeof repo.correctPayeeAccount>[2] = {};
  if (c.routingNumber) set.routing_number = c.routingNumber;
  if (c.accountType) set.account_type = c.accountType;
  if (c.holderName) set.holder_name = c.holderName;
  if (c.accountNumber) {
    const sealed = seal(config, c.accountNumber);
    set.account_number_enc = sealed.enc;
    set.key_id = sealed.keyId;
    set.account_last4 = c.accountNumber.slice(-4);
  }
  if (c.accountNumber || c.routingNumber) {
    const [current] = await repo.sealedAccountNumbers(trx, [accountId]);
    set.fingerprint = accountFingerprint(
      keyRing(config).current.key,
      c.routingNumber ?? current!.routing_number,
      c.accountNumber ?? open(config, current!.account_number_enc),
    );
  }
  await repo.correctPayeeAccount(trx, accountId, set);
}

// ---- Practice space (issue 11 item 9). The practice module generates; the request and its account are written here.

export {
  countRequestsOfProgram,
  deletePracticeRequests,
  isPracticeRequest,
  lockPracticeRequests,
  practiceCounts,
} from './repo.ts';

export interface PracticeFile {
  id: string;
  questionId: string;
  filename: string;
  content: Buffer;
}

/** The practice draft of a generated applicant, with its files and its bank account, as a citizen's would be. */
async function insertPracticeDraft(
  trx: Transaction<Database>,
  config: Config,
  program: ProgramRow,
  p: { applicant: { id: string }; files: readonly PracticeFile[]; bank: BankDetails },
): Promise<{ id: string; reference: string }> {
  const id = uuidv7();
  const reference = await unusedReference(trx);
  await repo.insertDraft(trx, {
    id,
    reference,
    programId: program.id,
    programVersion: program.version,
    applicantId: p.applicant.id,
  });
  for (const f of p.files)
    await documents.insertPracticeDocument(trx, {
      id: f.id,
      requestId: id,
      applicantId: p.applicant.id,
      questionId: f.questionId,
      filename: f.filename,
      content: f.content,
    });
  const account = await newPayeeAccount(trx, config, p.applicant.id, p.bank);
  const draft = await repo.findOwnRequest(trx, p.applicant.id, id);
  await repo.updateDraftIfVersion(trx, id, draft!.version, { payeeAccountId: account.id });
  return { id, reference };
}

/**
 * A submitted request in a practice program for a generated applicant, made the way a citizen's is: a draft, its
 * files, its bank account, then the submit checks (the form's schema in the applicant's language, the files, the
 * eligibility rules, the budget left), the submitted step, and the risk signals the inbox shows. The administrator
 * who generated it is audited. A refused check is a 400/409/422 as on submit (the generator checks first).
 */
export async function createPracticeRequest(
  trx: Transaction<Database>,
  config: Config,
  caller: Caller,
  p: {
    programId: string;
    applicant: { id: string; language: Language };
    answers: Answers;
    files: readonly PracticeFile[];
    bank: BankDetails;
    submittedAt: Date;
  },
): Promise<{ id: string; reference: string; amountCents: number }> {
  const program = await programs.loadProgram(trx, { id: p.programId });
  if (!program.practice)
    throw conflict(
      'practice.program_not_practice',
      'Practice requests can be made only in a program marked practice.',
    );
  const { id, reference } = await insertPracticeDraft(trx, config, program, p);
  const language = p.applicant.language;
  const def = programs.definitionOf(program);
  const answers = await checkAnswersComplete(trx, config, id, def, p.answers, language, {
    answers: 'The generated answers do not fit the program form.',
    files: 'Generated files are missing.',
  });
  requireEligible(
    config,
    def,
    answers,
    language,
    (reasons) => `The generated answers do not meet the program rules: ${reasons.join(' ')}`,
  );
  const amount = amountOf(def, answers) ?? 0;
  requireBudgetLeft(
    program,
    amount,
    (remaining) => `The practice program has only ${formatCents(remaining, 'en')} of budget left.`,
  );
  const dueAt = reviewDueAt(p.submittedAt, program.review_deadline_days, config.timezone);
  await recordSubmission(trx, {
    requestId: id,
    applicantId: p.applicant.id,
    answers,
    amount,
    idempotencyKey: `practice-${id}`,
    submittedAt: p.submittedAt,
    dueAt,
    programVersion: program.version,
  });
  await auditUserChange(trx, auditUserOf(caller), 'request.practice_created', 'request', id, {
    reference,
    programId: program.id,
    amountCents: amount,
  });
  await computeRiskSignals(trx, id, {
    encryptionKey: keyRing(config).current.key,
    now: p.submittedAt,
  });
  return { id, reference, amountCents: amount };
}

/**
 * Past requests of a program (submitted, in any state since), with their answers and when they were submitted: the
 * programs module counts how many its eligibility rules would have let through.
 */
export async function submittedAnswersOfProgram(
  db: Db,
  programId: string,
): Promise<Array<{ id: string; answers: Answers; submittedAt: Date }>> {
  const rows = await repo.submittedAnswersOfProgram(db, programId);
  return rows.map((r) => ({
    id: r.id,
    answers: r.answers as Answers,
    submittedAt: new Date(r.submitted_at ?? r.created_at),
  }));
}

// ---- Imports (issue 12): the imports module writes payee accounts and requests through these, in its transaction.

export { latestPayeeAccountsOf, payeeAccountOwnersByFingerprint } from './repo.ts';

export interface ImportedPayeeAccount {
  userId: string;
  holderName: string;
  accountType: 'checking' | 'savings';
  routingNumber: string;
  accountNumber: string;
}

/** New payee accounts, sealed under the current key and fingerprinted like every account a person types. */
export async function insertImportedPayeeAccounts(
  trx: Transaction<Database>,
  config: Config,
  accounts: readonly ImportedPayeeAccount[],
): Promise<string[]> {
  const key = keyRing(config).current;
  const rows = accounts.map((a) => ({
    id: uuidv7(),
    user_id: a.userId,
    holder_name: a.holderName,
    account_type: a.accountType,
    routing_number: a.routingNumber,
    account_number_enc: sealField(a.accountNumber, key),
    account_last4: a.accountNumber.slice(-4),
    key_id: key.id,
    fingerprint: accountFingerprint(key.key, a.routingNumber, a.accountNumber),
  }));
  await repo.insertPayeeAccounts(trx, rows);
  return rows.map((r) => r.id);
}

/**
 * A request brought in from an agency's old system, in the state it reached there. It carries no answers (none were
 * given in HMS, and none are invented), the program's live version, and the payee's bank account.
 */
export interface ImportedRequest {
  programId: string;
  programVersion: number;
  reviewDeadlineDays: number;
  applicantId: string;
  payeeAccountId: string;
  status: RequestStatus;
  amountCents: number;
  submittedAt: Date;
  decidedAt: Date | null;
  assignedTo: string | null;
}

function importedColumns(config: Config, r: ImportedRequest) {
  const approved = r.status === 'approved' || r.status === 'paid';
  return {
    program_id: r.programId,
    program_version: r.programVersion,
    applicant_id: r.applicantId,
    payee_account_id: r.payeeAccountId,
    status: r.status,
    amount_requested_cents: r.amountCents,
    approved_amount_cents: approved ? r.amountCents : null,
    assigned_to: r.assignedTo,
    submitted_at: r.submittedAt,
    due_at: reviewDueAt(r.submittedAt, r.reviewDeadlineDays, config.timezone),
    decided_at: r.decidedAt,
  };
}

/** New imported requests, each with its own reference like any other request; returns their ids and references. */
export async function insertImportedRequests(
  trx: Transaction<Database>,
  config: Config,
  requests: readonly ImportedRequest[],
): Promise<Array<{ id: string; reference: string }>> {
  const references: string[] = [];
  const taken = new Set<string>();
  // Fresh references checked in one query per round; a clash (rare) draws again.
  let wanted = requests.length;
  while (wanted > 0) {
    const drawn = Array.from({ length: wanted }, generateReference).filter((r) => !taken.has(r));
    const existing = await repo.existingReferences(trx, drawn);
    for (const r of drawn)
      if (!existing.has(r) && !taken.has(r)) {
        taken.add(r);
        references.push(r);
      }
    wanted = requests.length - references.length;
  }
  const rows = requests.map((r, i) => ({
    id: uuidv7(r.submittedAt.getTime()),
    reference: references[i]!,
    answers: '{}',
    idempotency_key: null,
    created_at: r.submittedAt,
    updated_at: new Date(),
    ...importedColumns(config, r),
  }));
  await repo.insertRequests(trx, rows);
  return rows.map((r) => ({ id: r.id, reference: r.reference }));
}

export async function updateImportedRequest(
  trx: Transaction<Database>,
  config: Config,
  id: string,
  r: ImportedRequest,
): Promise<void> {
  await repo.updateImportedRequest(trx, id, importedColumns(config, r));
}

export const importedRequestStates = (db: Db | Transaction<Database>, ids: readonly string[]) =>
  repo.requestStates(db, ids);
