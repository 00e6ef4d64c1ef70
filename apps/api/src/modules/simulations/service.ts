import type { Kysely } from 'kysely';
import { startOfZonedDay } from '@hms/contracts/business-days';
import { allQuestions, eligibilityRulesProblems } from '@hms/contracts/question-set';
import { ruleErrors, ruleProblems } from '@hms/contracts/decision-rule-problems';
import {
  SIMULATION_MAX_DAYS,
  type SimulationChanges,
  type SimulationResult,
  type SimulationStart,
} from '@hms/contracts/simulations';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest, HttpProblem } from '../../platform/errors.ts';
import * as applications from '../applications/service.ts';
import * as decisionRules from '../decision-rules/service.ts';
import * as finance from '../finance/service.ts';
import * as programs from '../programs/service.ts';
import * as readModels from '../read-models/service.ts';
import { answersRead, replay, zonedDateMemo, type ReplayInput } from './replay.ts';

type Db = Kysely<Database>;

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
/** Before any program: the start of "committed before the period". */
const BEGINNING = '1900-01-01';

/** The program simulated: a real one (a practice program has no history worth a policy), named by field if not. */
async function programOf(db: Db, slug: string) {
  try {
    return await programs.loadProgram(db, { slug });
  } catch (e) {
    if (e instanceof HttpProblem && e.code === 'program.not_found')
      throw badRequest('validation.failed', 'No program has this slug.', [
        {
          field: 'body.program',
          message: 'program must be the slug of a program from /api/programs.',
        },
      ]);
    throw e;
  }
}

function checkPeriod(from: string, to: string) {
  if (from > to)
    throw badRequest('validation.date_range_reversed', 'The date range is reversed.', [
      { field: 'body.to', message: 'to must be on or after from.' },
    ]);
  if (dayNumber(to) - dayNumber(from) + 1 > SIMULATION_MAX_DAYS)
    throw badRequest('validation.failed', 'The period is too long.', [
      { field: 'body.to', message: `A simulation covers at most ${SIMULATION_MAX_DAYS} days.` },
    ]);
}

/**
 * Rules must read the program's questions: eligibility rules checked as a program definition checks them, decision
 * rules as publishing a rule version checks them (a condition the form cannot answer).
 */
function checkChanges(changes: SimulationChanges, questionSet: Parameters<typeof allQuestions>[0]) {
  const list = allQuestions(questionSet);
  const questions = new Map(list.map((q) => [q.id, q]));
  const eligibility = eligibilityRulesProblems(changes.eligibilityRules ?? [], questions).map(
    (p) => ({
      field: ['body', 'changes', 'eligibilityRules', ...p.path].join('.'),
      message: p.message,
    }),
  );
  const decisions = ruleErrors(ruleProblems(changes.decisionRules ?? [], list)).map((p) => ({
    field: [
      'body',
      'changes',
      'decisionRules',
      p.position - 1,
      'conditions',
      p.conditionIndex ?? 0,
    ].join('.'),
    message: p.message.en,
  }));
  const errors = [...eligibility, ...decisions];
  if (errors.length > 0)
    throw badRequest('validation.failed', 'A rule does not fit the program.', errors);
}

/**
 * What a scenario starts from: the program's live parameters, eligibility rules and decision rules, with the
 * questions a changed rule may read (GET /api/simulations/programs/{slug}).
 */
export async function startingPoint(db: Db, slug: string): Promise<SimulationStart> {
  const program = await programs.loadProgram(db, { slug });
  const definition = programs.definitionOf(program);
  const live = await decisionRules.liveRules(db, program.id);
  return {
    program: program.slug,
    version: program.version,
    maxAmountCents: definition.maxAmountCents,
    approvalThresholdCents: definition.approvalThresholdCents,
    budgetCents: Number(program.budget_cents),
    reviewDeadlineDays: definition.reviewDeadlineBusinessDays,
    questionSet: definition.questionSet,
    eligibilityRules: definition.eligibilityRules,
    decisionRules: live ? { version: live.version, rules: live.rules } : null,
  };
}

/** Replays a period of a program's requests as they happened and under `changes` (POST /api/simulations). */
export async function simulate(
  db: Db,
  timeZone: string,
  body: { program: string; from: string; to: string; changes: SimulationChanges },
): Promise<SimulationResult> {
  const { program, runs } = await simulateMany(db, timeZone, body, [body.changes]);
  const { baseline, scenario } = runs[0]!;
  return {
    program: program.slug,
    from: body.from,
    to: body.to,
    changes: body.changes,
    baseline,
    scenario,
    computedAt: new Date().toISOString(),
  };
}

/**
 * Checks a scenario's period and changes against its program as POST /api/simulations does (400 naming the field),
 * without replaying: saving a scenario refuses what running it would refuse.
 */
export async function checkScenario(
  db: Db,
  body: { program: string; from: string; to: string; changes: SimulationChanges },
) {
  checkPeriod(body.from, body.to);
  const program = await programOf(db, body.program);
  checkChanges(body.changes, programs.definitionOf(program).questionSet);
  return program;
}

/**
 * One period of a program replayed under several sets of changes: the history is read once (with what the most
 * demanding set needs) and each set is replayed over it, so a comparison's baseline is one and the same.
 */
export async function simulateMany(
  db: Db,
  timeZone: string,
  body: { program: string; from: string; to: string },
  changeSets: readonly SimulationChanges[],
) {
  const program = await checkScenario(db, { ...body, changes: {} });
  const definition = programs.definitionOf(program);
  for (const changes of changeSets) checkChanges(changes, definition.questionSet);
  const scope = {
    programId: program.id,
    start: startOfZonedDay(body.from, timeZone),
    end: startOfZonedDay(body.to, timeZone, 1),
  };
  const [rows, committedBefore] = await Promise.all([
    readModels.simulationRequests(db, {
      ...scope,
      // Only the answers some change set's rules look at are read (the union, for a comparison).
      answersRead: changeSets.some(
        (c) => c.decisionRules !== undefined || c.eligibilityRules !== undefined,
      )
        ? [...new Set(changeSets.flatMap((c) => [...answersRead(c)]))]
        : null,
      withRuleInputs: changeSets.some((c) => c.decisionRules !== undefined),
    }),
    finance.committedByProgram(db, [program.id], BEGINNING, dayBefore(body.from)),
  ]);
  const dayOf = zonedDateMemo(timeZone);
  const dueAts = new Map<string, number>();
  const input: ReplayInput = {
    ...scope,
    timeZone,
    program: {
      budgetCents: Number(program.budget_cents),
      approvalThresholdCents: definition.approvalThresholdCents,
    },
    committedBeforeCents: committedBefore.get(program.id) ?? 0,
    // The read model's columns are the replay's requests as they come (numbers already: no second copy).
    requests: rows,
    dueAt: (submittedAt, days) => {
      // Intake's deadline depends only on the agency day of submission: computed once a day, not once a request.
      const key = `${dayOf(submittedAt)} ${days}`;
      let due = dueAts.get(key);
      if (due === undefined)
        dueAts.set(
          key,
          (due = applications.reviewDueAt(new Date(submittedAt), days, timeZone).getTime()),
        );
      return due;
    },
  };
  return { program, runs: changeSets.map((changes) => replay(input, changes)) };
}
