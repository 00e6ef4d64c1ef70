import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type {
  ClearPracticeResponse,
  CreatePracticeRequestsResponse,
  PracticeOverview,
} from '@hms/contracts/practice';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Caller } from '../../platform/auth/sessions.ts';
import { auditUserChange, auditUserOf } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { HttpProblem, conflict, notFound } from '../../platform/errors.ts';
import { deleteRequestEventsOfRequests } from '../../platform/request-events.ts';
import * as applications from '../applications/service.ts';
import * as auth from '../auth/service.ts';
import * as decisions from '../decisions/service.ts';
import * as decisionRules from '../decision-rules/service.ts';
import * as documents from '../documents/service.ts';
import * as notifications from '../notifications/service.ts';
import * as payments from '../payments/service.ts';
import * as programs from '../programs/service.ts';
import * as quality from '../quality/service.ts';
import * as review from '../review/service.ts';
import * as risk from '../risk/service.ts';
import {
  PracticeGenerationError,
  generateAnswers,
  practiceApplicant,
  practiceBankAccount,
  practiceToday,
} from './generate.ts';
import * as repo from './repo.ts';
import { seededRandom } from '../../platform/seeded-random.ts';

type Db = Kysely<Database>;

const PROGRAM_NOT_FOUND = 'That program does not exist. Choose one from the list.';

/** Every program, whether it is practice, and how many practice requests each practice program holds. */
export async function overview(db: Db | Transaction<Database>): Promise<PracticeOverview> {
  const [rows, counts] = await Promise.all([
    programs.programsWithPractice(db),
    applications.practiceCounts(db),
  ]);
  const byProgram = new Map<string, Array<{ status: RequestStatus; count: number }>>();
  for (const c of counts) {
    const list = byProgram.get(c.program_id) ?? [];
    list.push({ status: c.status, count: Number(c.n) });
    byProgram.set(c.program_id, list);
  }
  const items = rows.map((p) => {
    const byStatus = (byProgram.get(p.id) ?? []).sort((a, b) => a.status.localeCompare(b.status));
    return {
      id: p.id,
      slug: p.slug,
      name: { en: p.name_en, es: p.name_es },
      practice: p.practice,
      practiceRequestCount: byStatus.reduce((t, s) => t + s.count, 0),
      byStatus,
    };
  });
  return {
    programs: items,
    practiceRequestCount: items.reduce((t, p) => t + p.practiceRequestCount, 0),
  };
}

/** A practice copy of a real program (its questions, rules and amounts), ready to hold practice requests. */
export async function copyProgram(
  db: Db,
  caller: Caller,
  sourceProgramId: string,
): Promise<{ id: string; slug: string }> {
  return db.transaction().execute(async (trx) => {
    await repo.serializePractice(trx);
    const copy = await programs.createPracticeCopy(trx, sourceProgramId);
    if (!copy) throw notFound('program.not_found', PROGRAM_NOT_FOUND);
    await auditUserChange(trx, auditUserOf(caller), 'practice.program_copied', 'program', copy.id, {
      sourceProgramId,
      slug: copy.slug,
    });
    return copy;
  });
}

/**
 * Marks a program practice, or back. Only a program with no requests at all can become practice (real requests must
 * never turn into training data and drop out of batches); a practice program must be cleared before it is unmarked.
 */
export async function setProgramPractice(
  db: Db,
  caller: Caller,
  programId: string,
  practice: boolean,
): Promise<PracticeOverview> {
  return db.transaction().execute(async (trx) => {
    await repo.serializePractice(trx);
    const program = (await programs.programsWithPractice(trx)).find((p) => p.id === programId);
    if (!program) throw notFound('program.not_found', PROGRAM_NOT_FOUND);
    if (program.practice !== practice) {
      const requests = await applications.countRequestsOfProgram(trx, programId);
      if (practice && requests > 0)
        throw conflict(
          'practice.program_has_requests',
          `${program.name_en} already has ${requests} request(s) of its own, so it cannot be marked practice. Make a practice copy of it instead.`,
          { count: requests },
        );
      if (!practice && requests > 0)
        throw conflict(
          'practice.program_has_practice_requests',
          `${program.name_en} still holds ${requests} practice request(s). Clear them first, then unmark it.`,
          { count: requests },
        );
      await programs.setPractice(trx, programId, practice);
      await auditUserChange(
        trx,
        auditUserOf(caller),
        'practice.program_marked',
        'program',
        programId,
        { practice },
      );
    }
    return overview(trx);
  });
}

/** The range an amount is drawn from: most cases at or under the second-approval threshold, every third above it. */
function amountRange(
  program: { max_amount_cents: number; approval_threshold_cents: number },
  remainingCents: number,
  index: number,
  left: number,
) {
  const max = Math.min(Number(program.max_amount_cents), Math.floor(remainingCents / left));
  const threshold = Number(program.approval_threshold_cents);
  if (index % 3 === 2 && threshold + 100 <= max)
    return { minCents: threshold + 100, maxCents: max };
  return { minCents: 100, maxCents: threshold >= 100 ? Math.min(max, threshold) : max };
}

/**
 * `count` submitted practice requests in a practice program, in one transaction: each with a generated applicant (a
 * practice user, English and Spanish in turn), answers valid for the program's form in both languages and meeting
 * its rules, generated files for its document questions, and a bank account with a test routing number. They wait
 * in the inbox, marked practice, and go through claim, review and decision like any request.
 */
export async function createRequests(
  db: Db,
  config: Config,
  caller: Caller,
  body: { programId: string; count: number },
  now = new Date(),
): Promise<CreatePracticeRequestsResponse> {
  return db.transaction().execute(async (trx) => {
    await repo.serializePractice(trx);
    const program = await programs.loadProgram(trx, { id: body.programId });
    if (!program.practice)
      throw conflict(
        'practice.program_not_practice',
        `${program.name_en} is not a practice program. Choose a program marked practice, or make a practice copy first.`,
      );
    const def = programs.definitionOf(program);
    const thresholds = await programs.lockProgramBudget(trx, program.id, uuidv7());
    let remaining = programs.remainingBudgetCents(program);
    const rng = seededRandom(randomInt(2 ** 31));
    const today = practiceToday(now, config.timezone);
    const created: CreatePracticeRequestsResponse['created'] = [];
    for (let i = 0; i < body.count; i += 1) {
      const person = practiceApplicant(rng, i);
      const applicant = await auth.createPracticeApplicant(trx, person);
      let generated;
      try {
        generated = generateAnswers(
          def,
          rng,
          {
            applicant: {
              name: person.displayName,
              email: applicant.email,
              language: person.language,
            },
            today,
            amount: {
              questionId: def.amountQuestionId,
              ...amountRange(
                {
                  max_amount_cents: thresholds.maxAmountCents,
                  approval_threshold_cents: thresholds.thresholdCents,
                },
                remaining,
                i,
                body.count - i,
              ),
            },
          },
          uuidv7,
          config.timezone,
        );
      } catch (err) {
        if (!(err instanceof PracticeGenerationError)) throw err;
        throw new HttpProblem(
          'practice.answers_not_generated',
          422,
          'Practice answers not generated',
          `No answers could be made up that meet the form and rules of ${program.name_en}.`,
          { errors: err.errors.map((e) => ({ field: `body.${e.field}`, message: e.message })) },
        );
      }
      const request = await applications.createPracticeRequest(trx, config, caller, {
        programId: program.id,
        applicant: { id: applicant.id, language: person.language },
        answers: generated.answers,
        files: generated.files,
        bank: practiceBankAccount(rng, person.displayName, person.language),
        // Submitted over the last few days, so the inbox shows different deadlines.
        submittedAt: new Date(now.getTime() - rng.int(0, 4 * 24 * 60) * 60_000),
      });
      remaining -= request.amountCents;
      created.push({
        id: request.id,
        reference: request.reference,
        amountRequestedCents: request.amountCents,
      });
    }
    await auditUserChange(
      trx,
      auditUserOf(caller),
      'practice.requests_created',
      'program',
      program.id,
      { count: created.length, references: created.map((c) => c.reference) },
    );
    return { created, practiceRequestCount: (await overview(trx)).practiceRequestCount };
  });
}

/**
 * Deletes practice data in one transaction: every practice request (of one practice program, or of all) and what
 * hangs off it — decisions, comments, risk signals, payments, files, steps, notifications, bank accounts — and the
 * generated applicants. Each table is cleared by its owner, and each owner's delete is limited to these requests,
 * whose ids come only from programs marked practice: nothing real can be touched. The audit log keeps its rows.
 */
export async function clear(
  db: Db,
  caller: Caller,
  body: { programId?: string | undefined },
): Promise<ClearPracticeResponse> {
  return db.transaction().execute(async (trx) => {
    await repo.serializePractice(trx);
    if (body.programId) {
      const program = (await programs.programsWithPractice(trx)).find(
        (p) => p.id === body.programId,
      );
      if (!program) throw notFound('program.not_found', PROGRAM_NOT_FOUND);
      if (!program.practice)
        throw conflict(
          'practice.program_not_practice',
          `${program.name_en} is not a practice program: it has no practice data to clear.`,
        );
    }
    const rows = await applications.lockPracticeRequests(trx, body.programId);
    const ids = rows.map((r) => r.id);
    const applicantIds = [...new Set(rows.map((r) => r.applicant_id))];
    await quality.deleteSamplesOfRequests(trx, ids);
    await decisions.deleteDecisionsOfRequests(trx, ids);
    await decisionRules.deleteEvaluationsOfRequests(trx, ids);
    await review.deleteCommentsOfRequests(trx, ids);
    await risk.deleteSignalsOfRequests(trx, ids);
    const paymentsDeleted = await payments.deletePaymentsOfRequests(trx, ids);
    const documentsDeleted = await documents.deleteDocumentsOfRequests(trx, ids);
    await notifications.deleteNotificationsOfRequests(trx, ids);
    await deleteRequestEventsOfRequests(trx, ids);
    const requestsDeleted = await applications.deletePracticeRequests(trx, ids, applicantIds);
    const applicantsDeleted = await auth.deletePracticeApplicants(trx, applicantIds);
    const result = { requestsDeleted, paymentsDeleted, documentsDeleted, applicantsDeleted };
    await auditUserChange(
      trx,
      auditUserOf(caller),
      'practice.cleared',
      'program',
      body.programId ?? null,
      result,
    );
    return result;
  });
}
