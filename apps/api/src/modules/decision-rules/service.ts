import type { Kysely, Transaction } from 'kysely';
import {
  decisionRuleSchema,
  ruleTestCaseSchema,
  runTestCases,
  type DecisionRule,
  type ProgramAutomation,
  type RuleEvaluation,
  type RuleEvaluationList,
  type RuleTestCase,
  type RuleVersion,
  type RuleVersionBody,
  type RuleVersionList,
  ruleInputsSchema,
} from '@hms/contracts/decision-rules';
import { ruleErrors, ruleProblems } from '@hms/contracts/decision-rule-problems';
import { allQuestions } from '@hms/contracts/question-set';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { auditUserChange, type AuditUser } from '../../platform/audit.ts';
import { conflict, HttpProblem, notFound } from '../../platform/errors.ts';
import * as programs from '../programs/service.ts';
import * as applications from '../applications/service.ts';
import * as repo from './repo.ts';
import { iso, personRef } from '../../platform/response-fields.ts';

type Db = Kysely<Database>;
function toVersion(r: repo.VersionRow): RuleVersion {
  return {
    id: r.id,
    programId: r.program_id,
    version: r.version,
    status: r.status,
    // Stored by this module from checked bodies only; parsed again so a reader never trusts a shape by assumption.
    rules: (r.rules as unknown[]).map((x) => decisionRuleSchema.parse(x)),
    testCases: (r.test_cases as unknown[]).map((x) => ruleTestCaseSchema.parse(x)),
    createdBy: personRef(r.created_by, r.created_by_name),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    publishedBy: personRef(r.published_by, r.published_by_name),
    publishedAt: r.published_at ? iso(r.published_at) : null,
    retiredAt: r.retired_at ? iso(r.retired_at) : null,
  };
}

/** The program (404 when there is none) and the questions its live form asks, which rules may read. */
async function programQuestions(db: Queryable, programId: string) {
  const program = await programs.loadProgram(db, { id: programId });
  return { program, questions: allQuestions(programs.definitionOf(program).questionSet) };
}

export async function automation(db: Queryable, programId: string): Promise<ProgramAutomation> {
  const a = await repo.automationOf(db, programId);
  return {
    programId,
    enabled: a?.enabled ?? false,
    changedBy: a ? personRef(a.changed_by, a.display_name) : null,
    changedAt: a ? iso(a.changed_at) : null,
  };
}

export async function listVersions(db: Db, programId: string): Promise<RuleVersionList> {
  await programs.loadProgram(db, { id: programId });
  const [rows, auto] = await Promise.all([
    repo.versionsOfProgram(db, programId),
    automation(db, programId),
  ]);
  return { programId, automation: auto, versions: rows.map(toVersion) };
}

const versionNotFound = () =>
  notFound(
    'decision_rules.version_not_found',
    'The program has no decision rules version with that id. Reload the list of versions.',
  );

export async function getVersion(
  db: Queryable,
  programId: string,
  versionId: string,
): Promise<RuleVersion> {
  const row = await repo.versionById(db, programId, versionId);
  if (!row) throw versionNotFound();
  return toVersion(row);
}

/** The program's live rules, or null when it has none. */
export async function liveRules(
  db: Queryable,
  programId: string,
): Promise<{ id: string; version: number; rules: DecisionRule[] } | null> {
  const row = await repo.liveVersion(db, programId);
  if (!row) return null;
  const v = toVersion(row);
  return { id: v.id, version: v.version, rules: v.rules };
}

/**
 * A new draft (the next version number) holding `body`. One draft per program at a time, so two administrators never
 * edit two drafts that would both want to go live: a second is refused, naming the first.
 * `at` dates it in the past (the demo seed); real work leaves it out.
 */
export async function createDraft(
  db: Db,
  actor: AuditUser | null,
  programId: string,
  body: RuleVersionBody,
  at?: Date,
): Promise<RuleVersion> {
  return db.transaction().execute(async (trx) => {
    await programs.loadProgram(trx, { id: programId });
    await repo.lockProgramRules(trx, programId);
    const existing = await repo.draftOfProgram(trx, programId);
    if (existing)
      throw conflict(
        'decision_rules.draft_exists',
        `The program already has a draft (version ${existing.version}) of its decision rules; change that draft instead of starting another.`,
        { version: existing.version },
      );
    const version = await repo.nextVersionNumber(trx, programId);
    const id = await repo.insertVersion(trx, {
      programId,
      version,
      rules: body.rules,
      testCases: body.testCases,
      createdBy: actor?.id ?? null,
      at,
    });
    if (actor)
      await auditUserChange(trx, actor, 'decision_rules.draft_created', 'program', programId, {
        versionId: id,
        version,
        rules: body.rules.length,
        testCases: body.testCases.length,
      });
    return getVersion(trx, programId, id);
  });
}

/**
 * Rules another module proposes, saved as the program's decision-rules draft in the caller's transaction (a
 * simulation scenario turned into a draft version, issue 14 part 3). The one draft per program holds: an existing
 * draft is replaced (keeping its test cases) only when `replace` says so, else 409 decision_rules.draft_exists; a new
 * draft takes the live version's test cases, so what the live rules promise is checked again before it can go live.
 */
export async function saveDraftRulesIn(
  trx: Transaction<Database>,
  actor: AuditUser,
  programId: string,
  rules: DecisionRule[],
  opts: { replace: boolean; why: Record<string, unknown> },
): Promise<{ id: string; version: number }> {
  await programs.loadProgram(trx, { id: programId });
  await repo.lockProgramRules(trx, programId);
  const existing = await repo.draftOfProgram(trx, programId);
  if (existing) {
    if (!opts.replace)
      throw conflict(
        'decision_rules.draft_exists',
        `The program already has a draft (version ${existing.version}) of its decision rules; confirm replacing its rules to go on.`,
        { version: existing.version },
      );
    const row = await lockedDraft(trx, programId, existing.id);
    const testCases = toVersion(row).testCases;
    await repo.updateDraft(trx, existing.id, { rules, testCases });
    await auditUserChange(trx, actor, 'decision_rules.draft_saved', 'program', programId, {
      ...opts.why,
      versionId: existing.id,
      version: existing.version,
      rules: rules.length,
      testCases: testCases.length,
    });
    return { id: existing.id, version: existing.version };
  }
  const live = await repo.liveVersion(trx, programId);
  const testCases = live ? toVersion(live).testCases : [];
  const version = await repo.nextVersionNumber(trx, programId);
  const id = await repo.insertVersion(trx, {
    programId,
    version,
    rules,
    testCases,
    createdBy: actor.id,
  });
  await auditUserChange(trx, actor, 'decision_rules.draft_created', 'program', programId, {
    ...opts.why,
    versionId: id,
    version,
    rules: rules.length,
    testCases: testCases.length,
  });
  return { id, version };
}

async function lockedDraft(trx: Transaction<Database>, programId: string, versionId: string) {
  await repo.lockProgramRules(trx, programId);
  const row = await repo.versionById(trx, programId, versionId);
  if (!row) throw versionNotFound();
  if (row.status !== 'draft')
    throw conflict(
      'decision_rules.not_draft',
      `Version ${row.version} is ${row.status}: only a draft can change. Start a new draft from it.`,
      { version: row.version },
    );
  return row;
}

/** Replaces a draft's rules and test cases (a published version never changes). */
export async function saveDraft(
  db: Db,
  actor: AuditUser,
  programId: string,
  versionId: string,
  body: RuleVersionBody,
): Promise<RuleVersion> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedDraft(trx, programId, versionId);
    await repo.updateDraft(trx, versionId, body);
    await auditUserChange(trx, actor, 'decision_rules.draft_saved', 'program', programId, {
      versionId,
      version: row.version,
      rules: body.rules.length,
      testCases: body.testCases.length,
    });
    return getVersion(trx, programId, versionId);
  });
}

const describeCase = (c: { index: number; name: string; expected: string; actual: string }) =>
  `Test case ${c.index} "${c.name}" expects ${c.expected} but gets ${c.actual}.`;

/**
 * Why this draft may not go live, as a 422 naming each problem: no test cases, a rule that reads what the program's
 * form cannot give (ruleProblems' errors), a test case that does not get its expected outcome.
 */
function publishRefusal(
  rules: DecisionRule[],
  testCases: RuleTestCase[],
  questions: Parameters<typeof ruleProblems>[1],
  version: number,
): HttpProblem | null {
  if (testCases.length === 0)
    return new HttpProblem(
      'decision_rules.no_test_cases',
      422,
      'No test cases',
      `Version ${version} has no test cases. Add at least one (inputs and the outcome you expect) before it can go live.`,
      { errors: [{ field: 'testCases', message: 'Add at least one test case.' }] },
    );
  const errors = ruleErrors(ruleProblems(rules, questions));
  if (errors.length > 0)
    return new HttpProblem(
      'decision_rules.rule_errors',
      422,
      'Rules that cannot work',
      `${errors.length} condition(s) of version ${version} cannot read the program's answers: ${errors
        .map((e) => `rule ${e.position}: ${e.message.en}`)
        .join(' ')}`,
      {
        errors: errors.map((e) => ({
          field: `rules.${e.position - 1}.conditions.${e.conditionIndex ?? 0}`,
          message: e.message.en,
        })),
      },
    );
  const failing = runTestCases(rules, testCases).filter((r) => !r.passed);
  if (failing.length > 0)
    return new HttpProblem(
      'decision_rules.test_cases_failing',
      422,
      'Test cases failing',
      `${failing.length} of ${testCases.length} test case(s) of version ${version} do not get their expected outcome. ${failing
        .map(describeCase)
        .join(' ')}`,
      {
        errors: failing.map((f) => ({
          field: `testCases.${f.index - 1}`,
          message: describeCase(f),
        })),
        params: { failing: failing.length, total: testCases.length },
      },
    );
  return null;
}

/**
 * A draft goes live: refused (422) unless it has test cases and every one passes and its rules can read the
 * program's form; the live version (if any) retires in the same transaction. Requests submitted from now on are
 * evaluated by it; requests evaluated before keep the version that evaluated them. `at` dates it (the demo seed).
 */
export async function publish(
  db: Db,
  actor: AuditUser | null,
  programId: string,
  versionId: string,
  at?: Date,
): Promise<RuleVersion> {
  return db.transaction().execute(async (trx) => {
    const { questions } = await programQuestions(trx, programId);
    const row = await lockedDraft(trx, programId, versionId);
    const v = toVersion(row);
    const refusal = publishRefusal(v.rules, v.testCases, questions, v.version);
    if (refusal) throw refusal;
    const when = at ?? new Date();
    const { retiredId } = await repo.makeLive(trx, programId, versionId, actor?.id ?? null, when);
    if (actor)
      await auditUserChange(trx, actor, 'decision_rules.published', 'program', programId, {
        versionId,
        version: v.version,
        retiredVersionId: retiredId,
        rules: v.rules.length,
        testCases: v.testCases.length,
      });
    return getVersion(trx, programId, versionId);
  });
}

/** Switches automated approvals of a program on or off, at once (the next submission sees it). */
export async function setAutomation(
  db: Db,
  actor: AuditUser | null,
  programId: string,
  enabled: boolean,
  at?: Date,
): Promise<ProgramAutomation> {
  return db.transaction().execute(async (trx) => {
    await programs.loadProgram(trx, { id: programId });
    const before = await automation(trx, programId);
    await repo.setAutomation(trx, programId, enabled, actor?.id ?? null, at ?? new Date());
    if (actor)
      await auditUserChange(trx, actor, 'decision_rules.automation_changed', 'program', programId, {
        enabled,
        wasEnabled: before.enabled,
      });
    return automation(trx, programId);
  });
}

type EvaluationRow = Awaited<ReturnType<typeof repo.evaluationsOfRequest>>[number];

function toEvaluation(r: EvaluationRow): RuleEvaluation {
  return {
    id: r.id,
    requestId: r.request_id,
    programId: r.program_id,
    ruleVersionId: r.rule_version_id,
    ruleVersion: r.rule_version ?? null,
    rulePosition: r.rule_position,
    ruleId: r.rule_id,
    ruleLabel: r.rule_label,
    outcome: r.outcome,
    effect: r.effect,
    heldBack: r.held_back,
    inputs: ruleInputsSchema.parse(r.inputs),
    evaluatedAt: iso(r.evaluated_at),
  };
}

/** Every evaluation of a request, oldest first (404 when there is no such request). */
export async function evaluationsOfRequest(
  db: Queryable,
  requestId: string,
): Promise<RuleEvaluationList> {
  const request = await applications.requestBrief(db, requestId);
  if (!request) throw applications.staffRequestNotFound(requestId);
  const rows = await repo.evaluationsOfRequest(db, requestId);
  return { items: rows.map(toEvaluation) };
}

export { evaluateAtSubmission } from './evaluate-at-submit.ts';

/** Practice space: clearing the practice data deletes the evaluations of practice requests. */
export const deleteEvaluationsOfRequests = repo.deleteOfRequests;
