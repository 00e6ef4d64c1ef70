import type { Kysely } from 'kysely';
import type { ProgramDraft } from '@hms/contracts/program-admin';
import { simulationChangesSchema, type SimulationChanges } from '@hms/contracts/simulations';
import type {
  SavedScenario,
  SavedScenarioList,
  SaveScenarioBody,
  ScenarioComparison,
  ScenarioDraftResult,
} from '@hms/contracts/simulation-scenarios';
import type { Database } from '../../platform/db/schema.ts';
import { auditUserChange, type AuditUser } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { badRequest, HttpProblem, notFound } from '../../platform/errors.ts';
import * as decisionRules from '../decision-rules/service.ts';
import * as programs from '../programs/service.ts';
import * as repo from './repo.ts';
import { checkScenario, simulateMany } from './service.ts';

/**
 * Saved scenarios (issue 14 part 3): kept by name per program, opened and compared by replaying them now (the
 * figures are never stored, so they are always today's), and turned into a draft program version through the
 * programs and decision-rules services, so the normal checklist and publishing under dual control apply.
 */

type Db = Kysely<Database>;

const notFoundProblem = () =>
  notFound(
    'simulation.scenario_not_found',
    'There is no saved scenario with that id. Reload the list of scenarios.',
  );

const nameTakenProblem = (name: string) => {
  const detail = `The program already has a saved scenario called "${name}".`;
  return new HttpProblem('simulation.scenario_name_taken', 409, 'Conflict', detail, {
    errors: [{ field: 'body.name', message: `${detail} Choose another name.` }],
  });
};

function toScenario(r: repo.ScenarioRow): SavedScenario {
  return {
    id: r.id,
    name: r.name,
    programId: r.program_id,
    program: r.program_slug,
    from: r.period_from,
    to: r.period_to,
    // Stored from a checked body only; parsed again so a reader never trusts a shape by assumption.
    changes: simulationChangesSchema.parse(r.changes),
    savedBy: { id: r.created_by, name: r.created_by_name },
    savedAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

async function scenarioOrThrow(db: Db, id: string): Promise<SavedScenario> {
  const row = await repo.scenarioById(db, id);
  if (!row) throw notFoundProblem();
  return toScenario(row);
}

export async function listScenarios(
  db: Db,
  programSlug: string | null,
): Promise<SavedScenarioList> {
  const program = programSlug ? await programs.loadProgram(db, { slug: programSlug }) : null;
  const rows = await repo.listScenarios(db, program?.id ?? null);
  return { items: rows.map(toScenario) };
}

export const getScenario = scenarioOrThrow;

/**
 * Saves a scenario: the period and changes are checked as POST /api/simulations checks them (a scenario that cannot
 * run cannot be saved), the name is unique within the program. Audited.
 */
export async function saveScenario(
  db: Db,
  actor: AuditUser,
  body: Required<SaveScenarioBody> & { changes: SimulationChanges },
): Promise<SavedScenario> {
  const program = await checkScenario(db, body);
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    const inserted =
      !(await repo.nameTaken(trx, program.id, body.name, null)) &&
      (await repo.insertScenario(trx, {
        id,
        programId: program.id,
        name: body.name,
        from: body.from,
        to: body.to,
        changes: body.changes,
        userId: actor.id,
      }));
    if (!inserted) throw nameTakenProblem(body.name);
    await auditUserChange(trx, actor, 'simulation.scenario_saved', 'simulation_scenario', id, {
      programId: program.id,
      name: body.name,
      from: body.from,
      to: body.to,
      changes: Object.keys(body.changes).sort(),
    });
  });
  return scenarioOrThrow(db, id);
}

export async function renameScenario(
  db: Db,
  actor: AuditUser,
  id: string,
  name: string,
): Promise<SavedScenario> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.lockScenario(trx, id);
    if (!row) throw notFoundProblem();
    if (row.name === name) return;
    if (await repo.nameTaken(trx, row.program_id, name, id)) throw nameTakenProblem(name);
    await repo.renameScenario(trx, id, name, actor.id);
    await auditUserChange(trx, actor, 'simulation.scenario_renamed', 'simulation_scenario', id, {
      programId: row.program_id,
      from: row.name,
      to: name,
    });
  });
  return scenarioOrThrow(db, id);
}

export async function deleteScenario(db: Db, actor: AuditUser, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.lockScenario(trx, id);
    if (!row) throw notFoundProblem();
    await repo.deleteScenario(trx, id);
    await auditUserChange(trx, actor, 'simulation.scenario_deleted', 'simulation_scenario', id, {
      programId: row.program_id,
      name: row.name,
    });
  });
}

/**
 * Two saved scenarios replayed now over their one period: a comparison needs the same program and the same period,
 * or the two columns would not stand on the same requests (400 with a code saying which differs).
 */
export async function compareScenarios(
  db: Db,
  timeZone: string,
  aId: string,
  bId: string,
): Promise<ScenarioComparison> {
  if (aId === bId)
    throw badRequest('simulation.compare_same_scenario', 'Choose two different scenarios.', [
      { field: 'params.otherId', message: 'Compare with a different scenario.' },
    ]);
  const [a, b] = await Promise.all([scenarioOrThrow(db, aId), scenarioOrThrow(db, bId)]);
  if (a.programId !== b.programId)
    throw badRequest(
      'simulation.compare_programs_differ',
      `"${a.name}" and "${b.name}" are scenarios of different programs.`,
      [{ field: 'params.otherId', message: 'Compare with a scenario of the same program.' }],
      { programA: a.program, programB: b.program },
    );
  if (a.from !== b.from || a.to !== b.to)
    throw badRequest(
      'simulation.compare_periods_differ',
      `"${a.name}" covers ${a.from} to ${a.to} and "${b.name}" ${b.from} to ${b.to}; a comparison replays one period.`,
      [{ field: 'params.otherId', message: 'Compare with a scenario of the same period.' }],
      { fromA: a.from, toA: a.to, fromB: b.from, toB: b.to },
    );
  const { runs } = await simulateMany(db, timeZone, a, [a.changes, b.changes]);
  return {
    program: a.program,
    from: a.from,
    to: a.to,
    baseline: runs[0]!.baseline,
    scenarios: [
      { scenario: a, figures: runs[0]!.scenario },
      { scenario: b, figures: runs[1]!.scenario },
    ],
    computedAt: new Date().toISOString(),
  };
}

/** The scenario's parameters applied to the live version as a program draft (decision rules go to their own draft). */
function applyChanges(live: ProgramDraft, changes: SimulationChanges): ProgramDraft {
  const draft = { ...live };
  if (changes.maxAmountCents !== undefined) {
    draft.maxAmountCents = changes.maxAmountCents;
    // The amount question caps what a citizen may ask for (a definition needs its max no higher than the program's):
    // it follows the new maximum both ways, as the program's starter form sets it.
    draft.questionSet = {
      ...draft.questionSet,
      steps: draft.questionSet.steps.map((step) => ({
        ...step,
        questions: step.questions.map((q) =>
          q.id === draft.amountQuestionId && q.type === 'money'
            ? { ...q, max: changes.maxAmountCents }
            : q,
        ),
      })),
    };
  }
  if (changes.approvalThresholdCents !== undefined)
    draft.approvalThresholdCents = changes.approvalThresholdCents;
  if (changes.budgetCents !== undefined) draft.budgetCents = changes.budgetCents;
  if (changes.reviewDeadlineDays !== undefined)
    draft.reviewDeadlineDays = changes.reviewDeadlineDays;
  if (changes.eligibilityRules !== undefined) draft.eligibilityRules = changes.eligibilityRules;
  return draft;
}

/**
 * Turns a saved scenario into a draft program version: its parameters applied to the live version are saved as the
 * program's draft through the programs service, and its decision rules (when it changes them) as the program's
 * decision-rules draft through that service, in one transaction. Drafts someone is working on are replaced only
 * with `replaceDrafts` (409 program.draft_has_changes / decision_rules.draft_exists otherwise). Publishing stays the
 * publishing flow's: the checklist, then a second administrator.
 */
export async function scenarioToDraft(
  db: Db,
  actor: programs.AdminActor,
  id: string,
  replaceDrafts: boolean,
  opts: programs.AdminOptions,
): Promise<ScenarioDraftResult> {
  const scenario = await scenarioOrThrow(db, id);
  const changed = Object.keys(scenario.changes).sort();
  if (changed.length === 0)
    throw badRequest(
      'validation.failed',
      'The scenario changes nothing, so there is no draft to make of it.',
      [{ field: 'changes', message: 'Save a scenario that changes at least one parameter.' }],
    );
  const why = { fromScenario: id, scenarioName: scenario.name };
  // Only the decision rules changed: the program draft is left as it is (no empty save, no publish request superseded).
  const changesProgram = changed.some((c) => c !== 'decisionRules');
  return db.transaction().execute(async (trx) => {
    const programDraft = changesProgram
      ? await programs.saveDraftFromLive(trx, actor, scenario.programId, opts, {
          replace: replaceDrafts,
          why,
          edit: (live) => applyChanges(live, scenario.changes),
        })
      : null;
    const revision = programDraft?.revision ?? null;
    const rulesDraft =
      scenario.changes.decisionRules === undefined
        ? null
        : await decisionRules.saveDraftRulesIn(
            trx,
            actor,
            scenario.programId,
            scenario.changes.decisionRules,
            { replace: replaceDrafts, why },
          );
    await auditUserChange(trx, actor, 'simulation.scenario_drafted', 'simulation_scenario', id, {
      programId: scenario.programId,
      programDraftRevision: revision,
      decisionRulesVersion: rulesDraft?.version ?? null,
      changes: changed,
      replaceDrafts,
    });
    return {
      programId: scenario.programId,
      scenarioId: id,
      programDraftRevision: revision,
      decisionRulesDraft: rulesDraft,
      changed,
    };
  });
}
