import type { Kysely, Transaction } from 'kysely';
import { seedPrograms } from '@hms/contracts/programs-seed';
import { startOfZonedDay } from '@hms/contracts/business-days';
import {
  programClosedReason,
  programDefinitionSchema,
  type ProgramClosedReason,
  type ProgramDefinition,
  type ProgramDetail,
  type ProgramsResponse,
} from '@hms/contracts/programs';
import type { Database } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import * as repo from './repo.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

// Parsed definitions keyed by id+version: a definition only changes with a version bump.
const definitions = new Map<string, ProgramDefinition>();

export function definitionOf(
  row: Pick<repo.ProgramRow, 'id' | 'version' | 'definition'>,
): ProgramDefinition {
  const key = `${row.id}@${row.version}`;
  let def = definitions.get(key);
  if (!def) {
    def = programDefinitionSchema.parse(row.definition);
    definitions.set(key, def);
  }
  return def;
}

/**
 * The definition a submitted request is shown with: the one of the version it was submitted under, so a reviewer and
 * the applicant read the answers against the questions that were asked (labels, options, since-removed questions).
 * Drafts are answered against today's form and use definitionOf(current program) instead.
 */
export async function definitionForRequest(
  db: Kysely<Database> | Transaction<Database>,
  request: { program_id: string; program_version: number },
): Promise<{ version: number; definition: ProgramDefinition }> {
  const row = await repo.definitionForRequest(db, request.program_id, request.program_version);
  if (!row) throw notFound('program.not_found', 'That program no longer exists.');
  return {
    version: row.version,
    definition: definitionOf({
      id: request.program_id,
      version: row.version,
      definition: row.definition,
    }),
  };
}

/** Why the program takes no applications now, or null when it does. */
export function closedReason(
  row: Pick<repo.ProgramRow, 'window_state' | 'budget_cents' | 'committed_cents'>,
): ProgramClosedReason | null {
  return programClosedReason({
    windowState: row.window_state,
    budgetCents: Number(row.budget_cents),
    committedCents: Number(row.committed_cents),
  });
}

export function remainingBudgetCents(row: repo.ProgramRow): number {
  return Math.max(0, Number(row.budget_cents) - Number(row.committed_cents));
}

export async function loadProgram(
  db: Kysely<Database> | Transaction<Database>,
  by: { slug: string } | { id: string },
): Promise<repo.ProgramRow> {
  const row = await repo.findProgram(db, by);
  // By slug is how citizens reach a program (its page, starting a draft): a practice program is not theirs to see.
  if (!row || ('slug' in by && row.practice)) {
    throw notFound(
      'program.not_found',
      'slug' in by
        ? `There is no program called "${by.slug}". Choose one from the list of programs.`
        : 'That program no longer exists.',
    );
  }
  return row;
}

/**
 * The program page's body. `at` (from definitionForRequest) replaces the version and what comes from the definition
 * (questions, amount question, payee type) with an earlier version's; names, dates and budget stay today's.
 */
export async function programDetail(
  db: Kysely<Database>,
  by: { slug: string } | { id: string },
  at?: { version: number; definition: ProgramDefinition },
): Promise<ProgramDetail> {
  const row = await loadProgram(db, by);
  const def = at?.definition ?? definitionOf(row);
  const reason = closedReason(row);
  return {
    id: row.id,
    slug: row.slug,
    version: at?.version ?? row.version,
    name: { en: row.name_en, es: row.name_es },
    description: { en: row.description_en, es: row.description_es },
    eligibility: { en: row.eligibility_en, es: row.eligibility_es },
    maxAmountCents: Number(row.max_amount_cents),
    opensAt: iso(row.opens_at),
    closesAt: iso(row.closes_at),
    isOpen: row.window_state === 'open',
    reviewDeadlineDays: row.review_deadline_days,
    payeeType: def.payeeType,
    acceptingApplications: reason === null,
    closedReason: reason,
    amountQuestionId: def.amountQuestionId,
    questionSet: def.questionSet,
  };
}

export const lockProgram = repo.lockProgram;
export const lockProgramBudget = repo.lockProgramBudget;

/** The program list (GET /api/programs): public, with whether each accepts applications now. */
export async function programCatalog(db: Kysely<Database>): Promise<ProgramsResponse> {
  const rows = await repo.listPrograms(db);
  return {
    items: rows.map((p) => {
      // The same rule and budget source as the program page and the submit check (programs module).
      const reason = closedReason(p);
      return {
        id: p.id,
        slug: p.slug,
        name: { en: p.name_en, es: p.name_es },
        description: { en: p.description_en, es: p.description_es },
        eligibility: { en: p.eligibility_en, es: p.eligibility_es },
        maxAmountCents: p.max_amount_cents,
        opensAt: iso(p.opens_at),
        closesAt: iso(p.closes_at),
        isOpen: p.window_state === 'open',
        reviewDeadlineDays: p.review_deadline_days,
        acceptingApplications: reason === null,
        closedReason: reason,
      };
    }),
  };
}

function programRow(p: ProgramDefinition, timeZone: string) {
  return {
    slug: p.slug,
    name_en: p.name.en,
    name_es: p.name.es,
    description_en: p.description.en,
    description_es: p.description.es,
    eligibility_en: p.eligibilitySummary.en,
    eligibility_es: p.eligibilitySummary.es,
    sec_code: p.secCode,
    max_amount_cents: p.maxAmountCents,
    budget_cents: p.budgetCents,
    approval_threshold_cents: p.approvalThresholdCents,
    review_deadline_days: p.reviewDeadlineBusinessDays,
    requires_prenote: p.requiresPrenote,
    // Definitions give inclusive local dates; the table holds [opens_at, closes_at) instants.
    opens_at: startOfZonedDay(p.opensAt, timeZone),
    closes_at: startOfZonedDay(p.closesAt, timeZone, 1),
    definition: JSON.stringify(p),
  };
}

/**
 * Upserts the seed programs by slug. An unchanged definition is left alone (idempotent); a changed one is updated
 * and its version bumped, so requests made under the old version keep pointing at the version they were made under.
 */
export async function upsertSeedPrograms(db: Kysely<Database>, timeZone: string): Promise<number> {
  let written = 0;
  await db.transaction().execute(async (trx) => {
    for (const def of seedPrograms) {
      const p = programDefinitionSchema.parse(def);
      const row = programRow(p, timeZone);
      if (await repo.upsertProgram(trx, row)) written += 1;
    }
  });
  return written;
}

// ---- Practice space (issue 11 item 9). The practice module decides when; the programs table is written here.

export const programsWithPractice = (db: Kysely<Database> | Transaction<Database>) =>
  repo.listProgramsWithPractice(db);

export const setPractice = repo.setPractice;

/**
 * A practice copy of a program: the same questions, rules, amounts and threshold under the slug `practice-<slug>`
 * (or `practice-<slug>-2`…), named "Practice: …" / "Práctica: …", marked practice, with no opening or closing date.
 * Returns the new program's id, or undefined when there is no such source program.
 */
export async function createPracticeCopy(
  trx: Transaction<Database>,
  sourceId: string,
): Promise<{ id: string; slug: string } | undefined> {
  const source = await repo.findProgram(trx, { id: sourceId });
  if (!source) return undefined;
  const def = definitionOf(source);
  const base = `practice-${source.slug.replace(/^practice-/, '')}`.slice(0, 55).replace(/-+$/, '');
  let slug = base;
  for (let n = 2; await repo.slugExists(trx, slug); n += 1) slug = `${base}-${n}`;
  const name = { en: `Practice: ${source.name_en}`, es: `Práctica: ${source.name_es}` };
  const definition = programDefinitionSchema.parse({ ...def, slug, name });
  const id = await repo.insertPracticeCopy(trx, source.id, {
    slug,
    name_en: name.en,
    name_es: name.es,
    definition,
  });
  return id ? { id, slug } : undefined;
}
