import type { Kysely, Transaction } from 'kysely';
import { seedPrograms } from '@hms/contracts/programs-seed';
import { startOfZonedDay, toZonedDate, type PlainDate } from '@hms/contracts/business-days';
import {
  definitionToDraft,
  describeRule,
  draftToDefinition,
  programDraftSchema,
  type AdminProgram,
  type AdminProgramList,
  type Checklist,
  type CreateProgramBody,
  type EligibilityPreview,
  type ProgramDiff,
  type ProgramDraft,
  type ProgramVersions,
  type PublishRequest,
} from '@hms/contracts/program-admin';
import { diffDrafts } from '@hms/contracts/program-diff';
import type { ProblemFieldError } from '@hms/contracts/problem';
import { evaluateRule, type EligibilityRule, type QuestionSet } from '@hms/contracts/question-set';
import { questionSetProblems } from '@hms/contracts/question-set-problems';
import {
  achEntryDescriptionSchema,
  programClosedReason,
  programDefinitionSchema,
  type ProgramClosedReason,
  type ProgramDefinition,
  type ProgramDetail,
  type ProgramsResponse,
} from '@hms/contracts/programs';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import type { Config } from '../../platform/config.ts';
import { auditUserChange, canonicalJson } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { badRequest, conflict, forbidden, HttpProblem, notFound } from '../../platform/errors.ts';
import * as applications from '../applications/service.ts';
import * as settings from '../settings/service.ts';
import * as repo from './repo.ts';
import { iso, personRef } from '../../platform/response-fields.ts';

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
  db: Queryable,
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

/**
 * The ACH company entry description each program's live version sets (null where it set none: the agency's default
 * applies). A batch reads it at build time, like the originator settings, so a publish applies to the next file.
 */
export async function achEntryDescriptions(
  db: Queryable,
  programIds: readonly string[],
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const id of new Set(programIds)) {
    const row = await repo.findProgram(db, { id });
    out.set(id, row ? (definitionOf(row).achEntryDescription ?? null) : null);
  }
  return out;
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

/**
 * The statuses whose money counts as committed against a budget (the one rule: intake, the catalog and finance's
 * budgets read it), and each real program's budget and committed money as that rule keeps it.
 */
export const BUDGET_STATUSES = repo.BUDGET_STATUSES;
export type BudgetStatus = (typeof repo.BUDGET_STATUSES)[number];

export async function programBudgets(db: Queryable, programId: string | null) {
  const rows = await repo.listProgramBudgets(db, programId);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: { en: r.name_en, es: r.name_es },
    budgetCents: Number(r.budget_cents),
    committedCents: Number(r.committed_cents),
  }));
}

export function remainingBudgetCents(row: repo.ProgramRow): number {
  return Math.max(0, Number(row.budget_cents) - Number(row.committed_cents));
}

export async function loadProgram(
  db: Queryable,
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
export const committedCentsExcept = repo.committedCentsExcept;
export const realProgramsBySlugs = repo.realProgramsBySlugs;
export const programRowBySlug = repo.programRowBySlug;

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
 * `defs` are the seed's programs unless given (the demo history adds its own program).
 */
export async function upsertSeedPrograms(
  db: Kysely<Database>,
  timeZone: string,
  defs: readonly ProgramDefinition[] = seedPrograms,
): Promise<number> {
  let written = 0;
  await db.transaction().execute(async (trx) => {
    for (const def of defs) {
      const p = programDefinitionSchema.parse(def);
      const row = programRow(p, timeZone);
      if (await repo.upsertProgram(trx, row)) written += 1;
    }
  });
  return written;
}

// ---- Practice space (issue 11 item 9). The practice module decides when; the programs table is written here.

export const programsWithPractice = (db: Queryable) => repo.listProgramsWithPractice(db);

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

// ── Administration (issue 11): drafts, the go-live checklist, publishing under dual control, versions. ────────

export interface AdminActor {
  id: string;
  ip: string | null;
}

export interface AdminOptions {
  timeZone: string;
  /** The agency's ACH entry description: a new program's, and a published one's that never set its own. */
  defaultEntryDescription: string;
}

/** The administration's options as the app is configured: the agency time zone and ACH entry description. */
export const adminOptions = (config: Config): AdminOptions => ({
  timeZone: config.timezone,
  defaultEntryDescription: config.originator.entryDescription,
});

type Db = Kysely<Database>;

function entryDescriptionOr(value: string): string {
  return achEntryDescriptionSchema.safeParse(value).success ? value : 'BENEFIT';
}

/** Whether publishing needs a second administrator: the agency setting (on by default), read at each use. */
function secondApprovalRequired(db: Db | Transaction<Database>): Promise<boolean> {
  return settings.publishNeedsSecondApproval(db);
}

/** The program's draft: its saved draft, or (never edited since the seed) its live definition as a draft. */
async function loadDraft(
  db: Db | Transaction<Database>,
  programId: string,
  opts: AdminOptions,
): Promise<{
  draft: ProgramDraft;
  row: Awaited<ReturnType<typeof repo.findDraft>>;
  live: repo.LiveProgramRow | undefined;
}> {
  const [row, live] = await Promise.all([
    repo.findDraft(db, programId),
    repo.findLiveProgram(db, programId),
  ]);
  if (row) return { draft: programDraftSchema.parse(row.definition), row, live };
  if (!live) throw notFound('program.not_found', 'That program does not exist.');
  return {
    draft: definitionToDraft(definitionOf(live), entryDescriptionOr(opts.defaultEntryDescription)),
    row,
    live,
  };
}

/**
 * One administrator's change to a program: in a transaction with the draft row locked (see lockDraftRow), then the
 * program as the admin screen shows it after the change.
 */
async function changeProgram(
  db: Db,
  actor: AdminActor,
  programId: string,
  opts: AdminOptions,
  change: (trx: Transaction<Database>, locked: LockedDraft) => Promise<void>,
): Promise<AdminProgram> {
  await db.transaction().execute(async (trx) => {
    await change(trx, await lockDraftRow(trx, programId, actor, opts));
  });
  return adminProgram(db, programId, opts, actor.id);
}

type LockedDraft = { revision: number; draft: ProgramDraft; live: repo.LiveProgramRow | undefined };

/** Locks the program's draft row, creating it from the live definition the first time it is written. */
async function lockDraftRow(
  trx: Transaction<Database>,
  programId: string,
  actor: AdminActor,
  opts: AdminOptions,
): Promise<LockedDraft> {
  let locked = await repo.lockDraft(trx, programId);
  const live = await repo.findLiveProgram(trx, programId);
  if (!locked) {
    if (!live) throw notFound('program.not_found', 'That program does not exist.');
    const draft = definitionToDraft(
      definitionOf(live),
      entryDescriptionOr(opts.defaultEntryDescription),
    );
    await repo.insertDraft(trx, {
      programId,
      slug: draft.slug,
      definition: draft,
      userId: actor.id,
    });
    locked = (await repo.lockDraft(trx, programId))!;
  }
  if (live?.archived_at)
    throw conflict('program.archived', 'The program is archived and can no longer change.');
  return { revision: locked.revision, draft: programDraftSchema.parse(locked.definition), live };
}

const SPANISH_CODES = new Set([
  'question_set.spanish_missing',
  'question_set.step_spanish_missing',
  'question_set.option_spanish_missing',
]);

const PROGRAM_TEXTS = ['name', 'eligibilitySummary', 'description'] as const;

/**
 * The go-live checklist of a draft. `approved` says whether the approval item holds (a second administrator
 * approved, or the agency needs none).
 */
export function checklistFor(draft: ProgramDraft, approved: boolean): Checklist {
  const spanish: ProblemFieldError[] = [];
  const form: ProblemFieldError[] = [];
  const budget: ProblemFieldError[] = [];
  for (const key of PROGRAM_TEXTS)
    if (!draft[key].es.trim())
      spanish.push({ field: `${key}.es`, message: `${key} has no Spanish text` });
  for (const problem of questionSetProblems(draft.questionSet)) {
    const error = { field: ['questionSet', ...problem.path].join('.'), message: problem.message };
    (SPANISH_CODES.has(problem.code) ? spanish : form).push(error);
  }
  if (draft.budgetCents === null || draft.budgetCents <= 0)
    budget.push({ field: 'budgetCents', message: 'Set a budget' });
  if (draft.approvalThresholdCents === null)
    budget.push({ field: 'approvalThresholdCents', message: 'Set an approval threshold' });
  // A live program takes applications between two dates; a draft may leave them empty until it goes live.
  if (draft.opensAt === null)
    budget.push({ field: 'opensAt', message: 'Set the first day applications are accepted' });
  if (draft.closesAt === null)
    budget.push({ field: 'closesAt', message: 'Set the last day applications are accepted' });
  // The definition it would publish: everything else a live program needs (dates, the amount question…).
  // Question texts and budget are reported above; the rest goes to "form".
  const parsed = programDefinitionSchema.safeParse(draftToDefinition(draft));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      if (field.startsWith('questionSet') && form.length + spanish.length > 0) continue;
      if (budget.some((e) => e.field === field)) continue;
      if (/^(name|eligibilitySummary|description)\.es$/.test(field)) continue;
      if (!form.some((e) => e.field === field)) form.push({ field, message: issue.message });
    }
  const items = [
    { id: 'spanish' as const, ok: spanish.length === 0, problems: spanish },
    { id: 'form' as const, ok: form.length === 0, problems: form },
    { id: 'budget' as const, ok: budget.length === 0, problems: budget },
    {
      id: 'approval' as const,
      ok: approved,
      problems: approved
        ? []
        : [{ field: 'approval', message: 'A second administrator has not approved yet' }],
    },
  ];
  const readyForApproval = items.filter((i) => i.id !== 'approval').every((i) => i.ok);
  return { items, readyForApproval, canPublish: readyForApproval && approved };
}

const sameDefinition = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function publishRequestOut(r: repo.PublishRequestRow): PublishRequest {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    changeSummary: r.change_summary,
    revertToVersion: r.revert_to_version,
    requestedBy: personRef(r.requested_by, r.requested_by_name)!,
    requestedAt: new Date(r.requested_at).toISOString(),
    decidedBy: personRef(r.decided_by, r.decided_by_name),
    decidedAt: iso(r.decided_at),
    publishedVersion: r.published_version,
  };
}

const plainDate = (d: Date | string | null, timeZone: string, endExclusive = false) => {
  if (d === null) return null;
  const instant = new Date(d);
  // closes_at is the first instant it is closed: the last open day is the day before it.
  return toZonedDate(endExclusive ? new Date(instant.getTime() - 1) : instant, timeZone);
};

export async function adminProgramList(db: Db, opts: AdminOptions): Promise<AdminProgramList> {
  const rows = await repo.listAdminPrograms(db);
  return {
    items: rows.map((r) => {
      const draft = r.draft_definition as ProgramDraft | null;
      return {
        id: r.id,
        slug: r.slug,
        name: { en: r.name_en, es: r.name_es },
        status: r.archived_at ? 'archived' : r.live_version === null ? 'draft' : 'live',
        liveVersion: r.live_version,
        window: r.window_state,
        opensAt:
          r.live_version === null ? (draft?.opensAt ?? null) : plainDate(r.opens_at, opts.timeZone),
        closesAt:
          r.live_version === null
            ? (draft?.closesAt ?? null)
            : plainDate(r.closes_at, opts.timeZone, true),
        hasUnpublishedChanges:
          draft !== null &&
          (r.live_definition === null ||
            !sameDefinition(
              withoutDates(draftToDefinition(draft)),
              withoutDates(r.live_definition),
            )),
        pendingPublishRequest: r.pending,
      };
    }),
  };
}

/** Definitions compared for "unpublished changes": opening and closing change the live dates, not the draft's. */
function withoutDates(def: Record<string, unknown>) {
  const { opensAt: _o, closesAt: _c, achEntryDescription: _a, ...rest } = def;
  return rest;
}

/**
 * Dual control of publishing, decided once: who may approve a waiting publish request. approvePublish refuses
 * everyone else and the program page offers the button only to those it lets through.
 */
function mayApprove(
  pending: Pick<repo.PublishRequestRow, 'second_approval_required' | 'requested_by'>,
  viewerId: string,
): boolean {
  return !(pending.second_approval_required && pending.requested_by === viewerId);
}

/** The program page as `viewerId` sees it (what they may do with a waiting publish request depends on who asked). */
export async function adminProgram(
  db: Db,
  programId: string,
  opts: AdminOptions,
  viewerId: string,
): Promise<AdminProgram> {
  const { draft, row, live } = await loadDraft(db, programId, opts);
  const [pending, needsSecond] = await Promise.all([
    repo.findPendingRequest(db, programId),
    secondApprovalRequired(db),
  ]);
  const approved = !needsSecond;
  return {
    id: programId,
    status: live?.archived_at ? 'archived' : live ? 'live' : 'draft',
    liveVersion: live?.version ?? null,
    window: live ? live.window_state : null,
    draft,
    draftUpdatedAt: new Date(row?.updated_at ?? live?.opens_at ?? Date.now()).toISOString(),
    draftUpdatedBy: row ? personRef(row.updated_by, row.updated_by_name) : null,
    hasUnpublishedChanges:
      !live ||
      !sameDefinition(
        withoutDates(draftToDefinition(draft)),
        withoutDates(live.definition as Record<string, unknown>),
      ),
    // The approval item holds only when approval is not needed; a pending request is approved by publishing it.
    checklist: checklistFor(draft, approved),
    pendingPublishRequest: pending ? publishRequestOut(pending) : null,
    viewerMayApprovePublish: pending ? mayApprove(pending, viewerId) : false,
    publishNeedsSecondApproval: needsSecond,
  };
}

function starterDraft(body: CreateProgramBody, opts: AdminOptions): ProgramDraft {
  return {
    slug: body.slug,
    name: body.name,
    eligibilitySummary: { en: body.name.en, es: '' },
    description: { en: body.name.en, es: '' },
    payeeType: body.payeeType,
    maxAmountCents: body.maxAmountCents,
    budgetCents: null,
    approvalThresholdCents: null,
    reviewDeadlineDays: 10,
    opensAt: null,
    closesAt: null,
    prenotePolicy: 'none',
    achEntryDescription: entryDescriptionOr(opts.defaultEntryDescription),
    amountQuestionId: 'amountRequested',
    questionSet: { steps: [amountRequestStep(body.maxAmountCents)] },
    eligibilityRules: [],
  };
}

/** The step a new program starts with: the amount asked for (question amountRequested), up to the program's maximum. */
export function amountRequestStep(maxAmountCents: number): QuestionSet['steps'][number] {
  return {
    id: 'request',
    title: { en: 'Your request', es: 'Su solicitud' },
    questions: [
      {
        id: 'amountRequested',
        type: 'money',
        label: { en: 'How much are you asking for?', es: '¿Cuánto solicita?' },
        required: true,
        min: 1,
        max: maxAmountCents,
      },
    ],
  };
}

async function refuseTakenSlug(
  db: Db | Transaction<Database>,
  slug: string,
  programId: string | null,
  field: string,
) {
  if (await repo.slugTaken(db, slug, programId)) {
    const detail = `Another program already uses the address "${slug}".`;
    throw new HttpProblem('program.slug_taken', 409, 'Conflict', detail, {
      errors: [{ field, message: detail }],
    });
  }
}

export async function createProgram(
  db: Db,
  actor: AdminActor,
  body: CreateProgramBody,
  opts: AdminOptions,
): Promise<AdminProgram> {
  const programId = uuidv7();
  const draft = programDraftSchema.parse(starterDraft(body, opts));
  await db.transaction().execute(async (trx) => {
    await refuseTakenSlug(trx, body.slug, null, 'body.slug');
    await repo.insertDraft(trx, {
      programId,
      slug: body.slug,
      definition: draft,
      userId: actor.id,
    });
    await auditUserChange(trx, actor, 'program.created', 'program', programId, {
      slug: body.slug,
      name: body.name.en,
    });
  });
  return adminProgram(db, programId, opts, actor.id);
}

/**
 * Writes the draft and audits it as saved by the administrator; `why` goes into the audit entry beside the new
 * revision (the publish request it superseded, or the version it reverts to). Returns the revision.
 */
async function writeDraft(
  trx: Transaction<Database>,
  actor: AdminActor,
  programId: string,
  draft: ProgramDraft,
  why: Record<string, unknown>,
): Promise<number> {
  const revision = await repo.updateDraft(trx, {
    programId,
    slug: draft.slug,
    definition: draft,
    userId: actor.id,
  });
  await auditUserChange(trx, actor, 'program.draft_saved', 'program', programId, {
    revision,
    ...why,
  });
  return revision;
}

export async function saveDraft(
  db: Db,
  actor: AdminActor,
  programId: string,
  draft: ProgramDraft,
  opts: AdminOptions,
): Promise<AdminProgram> {
  return changeProgram(db, actor, programId, opts, async (trx, current) => {
    if (current.live && draft.slug !== current.live.slug)
      throw badRequest('validation.failed', 'A published program keeps its web address.', [
        { field: 'body.draft.slug', message: 'A published program keeps its web address' },
      ]);
    await refuseTakenSlug(trx, draft.slug, programId, 'body.draft.slug');
    const superseded = await repo.closePendingRequest(trx, programId, 'superseded', actor.id);
    await writeDraft(trx, actor, programId, draft, {
      supersededPublishRequest: superseded?.id ?? null,
    });
  });
}

/**
 * A change another module proposes, saved as the program's draft in the caller's transaction (a simulation
 * scenario turned into a draft version, issue 14 part 3), so it commits or rolls back with what the caller writes
 * beside it. The draft starts from the live version (with the live window's dates), `edit` changes it, and it is
 * saved as an administrator's save is: checked with the draft schema (400 naming the draft's fields), a waiting
 * publish request superseded, audited as program.draft_saved with `why`. From there the normal checklist and
 * publishing under dual control apply. A draft with unpublished changes, or a waiting publish request, is someone's
 * work: it is replaced only when `replace` says so, else 409 program.draft_has_changes.
 */
export async function saveDraftFromLive(
  trx: Transaction<Database>,
  actor: AdminActor,
  programId: string,
  opts: AdminOptions,
  change: {
    replace: boolean;
    why: Record<string, unknown>;
    edit: (live: ProgramDraft) => ProgramDraft;
  },
): Promise<{ revision: number; live: ProgramDraft; draft: ProgramDraft }> {
  const current = await lockDraftRow(trx, programId, actor, opts);
  if (!current.live)
    throw conflict('program.not_published', 'The program has no live version to start from.');
  const pending = await repo.findPendingRequest(trx, programId);
  const unpublished = !sameDefinition(
    withoutDates(draftToDefinition(current.draft)),
    withoutDates(current.live.definition as Record<string, unknown>),
  );
  if ((unpublished || pending) && !change.replace)
    throw conflict(
      'program.draft_has_changes',
      pending
        ? 'A publish request of the program draft is waiting for approval; confirm replacing the draft to go on.'
        : 'The program draft has unpublished changes; confirm replacing them to go on.',
      { publishRequestPending: pending ? 1 : 0 },
    );
  const liveDef = definitionOf(current.live);
  const live: ProgramDraft = {
    ...definitionToDraft(liveDef, entryDescriptionOr(opts.defaultEntryDescription)),
    // Opening and closing move the live window, not the published definition: the draft takes today's window.
    opensAt: plainDate(current.live.opens_at, opts.timeZone) ?? liveDef.opensAt,
    closesAt: plainDate(current.live.closes_at, opts.timeZone, true) ?? liveDef.closesAt,
  };
  const parsed = programDraftSchema.safeParse(change.edit(live));
  if (!parsed.success)
    throw badRequest(
      'validation.failed',
      'The changes do not make a program draft that can be saved.',
      parsed.error.issues.map((i) => ({
        field: ['draft', ...i.path].join('.'),
        message: i.message,
      })),
    );
  const superseded = await repo.closePendingRequest(trx, programId, 'superseded', actor.id);
  const revision = await writeDraft(trx, actor, programId, parsed.data, {
    ...change.why,
    supersededPublishRequest: superseded?.id ?? null,
  });
  return { revision, live, draft: parsed.data };
}

function checklistProblem(checklist: Checklist) {
  return new HttpProblem(
    'program.checklist_incomplete',
    422,
    'Not ready to go live',
    'The go-live checklist does not hold.',
    {
      errors: checklist.items.filter((i) => i.id !== 'approval').flatMap((i) => i.problems),
    },
  );
}

/** Makes the definition the live version (called with the draft row locked). */
async function publish(
  trx: Transaction<Database>,
  programId: string,
  request: { id: string; definition: unknown; change_summary: string; requested_by: string },
  approverId: string | null,
  actor: AdminActor,
  opts: AdminOptions,
): Promise<number> {
  const def = programDefinitionSchema.parse(request.definition);
  const version = await repo.publishProgram(trx, programId, programRow(def, opts.timeZone), {
    publishedBy: request.requested_by,
    approvedBy: approverId,
    changeSummary: request.change_summary,
    publishRequestId: request.id,
  });
  await repo.markRequestPublished(trx, request.id, actor.id, version);
  await auditUserChange(trx, actor, 'program.published', 'program', programId, {
    version,
    publishRequestId: request.id,
    requestedBy: request.requested_by,
    approvedBy: approverId,
    changeSummary: request.change_summary,
  });
  return version;
}

/** A program has one publish request waiting at a time. */
async function refuseSecondPublishRequest(trx: Transaction<Database>, programId: string) {
  if (await repo.findPendingRequest(trx, programId))
    throw conflict('program.publish_pending', 'A publish request is already waiting for approval.');
}

/** What a publish request asks for: the draft at its revision, going live as edited or as an earlier version. */
interface PublishAsk {
  revision: number;
  draft: ProgramDraft;
  /** The earlier version the draft brings back (a revert); null for the draft as edited (a publish). */
  revertToVersion: number | null;
  changeSummary: string;
}

async function createPublishRequest(
  trx: Transaction<Database>,
  actor: AdminActor,
  programId: string,
  { revision, draft, revertToVersion, changeSummary }: PublishAsk,
  opts: AdminOptions,
) {
  await refuseSecondPublishRequest(trx, programId);
  const kind = revertToVersion === null ? 'publish' : 'revert';
  const checklist = checklistFor(draft, false);
  if (!checklist.readyForApproval) throw checklistProblem(checklist);
  const needsSecond = await secondApprovalRequired(trx);
  const id = uuidv7();
  const definition = programDefinitionSchema.parse(draftToDefinition(draft));
  await repo.insertPublishRequest(trx, {
    id,
    programId,
    kind,
    definition,
    draftRevision: revision,
    revertToVersion,
    changeSummary,
    secondApprovalRequired: needsSecond,
    requestedBy: actor.id,
  });
  await auditUserChange(trx, actor, 'program.publish_requested', 'program', programId, {
    publishRequestId: id,
    kind,
    revertToVersion,
    changeSummary,
    needsSecond,
  });
  // The agency switched the second approval off: the request publishes at once.
  if (!needsSecond)
    await publish(
      trx,
      programId,
      { id, definition, change_summary: changeSummary, requested_by: actor.id },
      null,
      actor,
      opts,
    );
}

export async function requestPublish(
  db: Db,
  actor: AdminActor,
  programId: string,
  changeSummary: string,
  opts: AdminOptions,
): Promise<AdminProgram> {
  return changeProgram(db, actor, programId, opts, async (trx, { revision, draft }) => {
    const ask = { revision, draft, revertToVersion: null, changeSummary };
    await createPublishRequest(trx, actor, programId, ask, opts);
  });
}

/** A second administrator approves the pending request: the checklist is checked again and the version goes live. */
export async function approvePublish(
  db: Db,
  actor: AdminActor,
  programId: string,
  opts: AdminOptions,
): Promise<AdminProgram> {
  return changeProgram(db, actor, programId, opts, async (trx) => {
    const pending = await repo.findPendingRequest(trx, programId);
    if (!pending)
      throw notFound('program.no_publish_request', 'No publish request is waiting for approval.');
    if (!mayApprove(pending, actor.id))
      throw forbidden(
        'program.own_publish_request',
        'You asked to publish this change; a different administrator must approve it.',
      );
    const def = programDefinitionSchema.parse(pending.definition);
    const checklist = checklistFor(
      definitionToDraft(def, def.achEntryDescription ?? 'BENEFIT'),
      true,
    );
    if (!checklist.canPublish) throw checklistProblem(checklist);
    await publish(trx, programId, pending, actor.id, actor, opts);
  });
}

export async function withdrawPublish(
  db: Db,
  actor: AdminActor,
  programId: string,
  opts: AdminOptions,
): Promise<AdminProgram> {
  return changeProgram(db, actor, programId, opts, async (trx) => {
    const closed = await repo.closePendingRequest(trx, programId, 'withdrawn', actor.id);
    if (!closed)
      throw notFound('program.no_publish_request', 'No publish request is waiting for approval.');
    await auditUserChange(trx, actor, 'program.publish_withdrawn', 'program', programId, {
      publishRequestId: closed.id,
    });
  });
}

/**
 * Opening or closing changes the live dates at once; the draft takes the same dates, or the next publish (made from
 * the draft) would put the old ones back.
 */
async function keepDraftDates(
  trx: Transaction<Database>,
  programId: string,
  draft: ProgramDraft,
  actor: AdminActor,
  dates: { opensAt: PlainDate; closesAt: PlainDate },
) {
  if (draft.opensAt === dates.opensAt && draft.closesAt === dates.closesAt) return;
  await repo.updateDraft(trx, {
    programId,
    slug: draft.slug,
    definition: { ...draft, ...dates },
    userId: actor.id,
  });
}

/** Opens a live program from today (until `closesAt`, or its current closing date when that is still ahead). */
export async function openProgram(
  db: Db,
  actor: AdminActor,
  programId: string,
  closesAt: PlainDate | undefined,
  opts: AdminOptions,
): Promise<AdminProgram> {
  return changeProgram(db, actor, programId, opts, async (trx, { live, draft }) => {
    if (!live) throw conflict('program.not_published', 'Publish the program before opening it.');
    const today = toZonedDate(new Date(), opts.timeZone);
    const lastDay = closesAt ?? plainDate(live.closes_at, opts.timeZone, true);
    if (!lastDay || lastDay < today)
      throw new HttpProblem(
        'program.closes_before_today',
        400,
        'Your request has errors',
        'Give a closing date from today on.',
        { errors: [{ field: 'body.closesAt', message: 'Give a closing date from today on' }] },
      );
    const opensAt = startOfZonedDay(today, opts.timeZone);
    const closes = startOfZonedDay(lastDay, opts.timeZone, 1);
    await repo.setWindow(trx, programId, opensAt, closes);
    await keepDraftDates(trx, programId, draft, actor, { opensAt: today, closesAt: lastDay });
    await auditUserChange(trx, actor, 'program.opened', 'program', programId, {
      opensAt: today,
      closesAt: lastDay,
    });
  });
}

/** Closes a live program now: no new applications; drafts and requests already made stay. */
export async function closeProgram(
  db: Db,
  actor: AdminActor,
  programId: string,
  opts: AdminOptions,
): Promise<AdminProgram> {
  return changeProgram(db, actor, programId, opts, async (trx, { live, draft }) => {
    if (!live) throw conflict('program.not_published', 'Publish the program before closing it.');
    const now = new Date();
    const opens =
      live.opens_at && new Date(live.opens_at) < now
        ? new Date(live.opens_at)
        : new Date(now.getTime() - 1000);
    await repo.setWindow(trx, programId, opens, now);
    // In the draft, closed now reads "open until yesterday": publishing it later must not reopen the program.
    const startOfToday = startOfZonedDay(toZonedDate(now, opts.timeZone), opts.timeZone);
    const yesterday = toZonedDate(new Date(startOfToday.getTime() - 1), opts.timeZone);
    const opened = plainDate(opens, opts.timeZone)!;
    await keepDraftDates(trx, programId, draft, actor, {
      opensAt: opened < yesterday ? opened : yesterday,
      closesAt: yesterday,
    });
    await auditUserChange(trx, actor, 'program.closed', 'program', programId, {
      closedAt: now.toISOString(),
    });
  });
}

/** Archives a live program: closed now and gone from the catalog; its requests keep showing it. */
export async function archiveProgram(
  db: Db,
  actor: AdminActor,
  programId: string,
  opts: AdminOptions,
): Promise<AdminProgram> {
  return changeProgram(db, actor, programId, opts, async (trx, { live }) => {
    if (!live) throw conflict('program.not_published', 'Only a published program is archived.');
    await repo.closePendingRequest(trx, programId, 'withdrawn', actor.id);
    await repo.archiveProgram(trx, programId);
    await auditUserChange(trx, actor, 'program.archived', 'program', programId, {
      version: live.version,
    });
  });
}

export async function programVersions(db: Db, programId: string): Promise<ProgramVersions> {
  const live = await repo.findLiveProgram(db, programId);
  if (!live) {
    if (!(await repo.findDraft(db, programId)))
      throw notFound('program.not_found', 'That program does not exist.');
    return { items: [] };
  }
  const rows = await repo.listVersions(db, programId);
  return {
    items: rows.map((v) => ({
      version: v.version,
      live: v.version === live.version,
      publishedBy: personRef(v.published_by, v.published_by_name),
      approvedBy: personRef(v.approved_by, v.approved_by_name),
      publishedAt: new Date(v.created_at).toISOString(),
      changeSummary: v.change_summary,
      requestCount: Number(v.request_count),
    })),
  };
}

async function versionDraft(db: Db, programId: string, version: number, opts: AdminOptions) {
  const row = await repo.findVersion(db, programId, version);
  if (!row) throw notFound('program.version_not_found', `The program has no version ${version}.`);
  const def = definitionOf({ id: programId, version, definition: row.definition });
  return definitionToDraft(
    def,
    def.achEntryDescription ?? entryDescriptionOr(opts.defaultEntryDescription),
  );
}

/**
 * What changed between two versions (or a version and the draft): `to` against `against` (by default the version
 * before `to`; for the draft, the live version).
 */
export async function programDiff(
  db: Db,
  programId: string,
  to: number | 'draft',
  against: number | undefined,
  opts: AdminOptions,
): Promise<ProgramDiff> {
  const { draft, live } = await loadDraft(db, programId, opts);
  const toDraft = to === 'draft' ? draft : await versionDraft(db, programId, to, opts);
  const from = against ?? (to === 'draft' ? (live?.version ?? null) : to > 1 ? to - 1 : null);
  const fromDraft = from === null ? null : await versionDraft(db, programId, from, opts);
  return { from, to, changes: diffDrafts(fromDraft, toDraft) };
}

/**
 * Revert: the definition of an earlier version comes back as the draft (with today's open and close dates) and goes
 * to a publish request, through the same checklist and second approval; publishing it makes a new version.
 */
export async function revertToVersion(
  db: Db,
  actor: AdminActor,
  programId: string,
  version: number,
  changeSummary: string,
  opts: AdminOptions,
): Promise<AdminProgram> {
  const old = await versionDraft(db, programId, version, opts);
  return changeProgram(db, actor, programId, opts, async (trx, current) => {
    if (!current.live) throw conflict('program.not_published', 'The program has no live version.');
    if (current.live.version === version)
      throw conflict('program.version_is_live', `Version ${version} is already live.`);
    await refuseSecondPublishRequest(trx, programId);
    const draft: ProgramDraft = {
      ...old,
      slug: current.draft.slug,
      opensAt: current.draft.opensAt,
      closesAt: current.draft.closesAt,
    };
    const revision = await writeDraft(trx, actor, programId, draft, { revertToVersion: version });
    const ask = { revision, draft, revertToVersion: version, changeSummary };
    await createPublishRequest(trx, actor, programId, ask, opts);
  });
}

/**
 * How many of the program's past requests each rule would have let through: the stored (validated) answers run
 * through evaluateRule, the same code checkEligibility uses when a citizen submits, with "today" the day the
 * request was submitted.
 */
export async function eligibilityPreview(
  db: Db,
  programId: string,
  rules: EligibilityRule[] | undefined,
  opts: AdminOptions,
): Promise<EligibilityPreview> {
  const { draft } = await loadDraft(db, programId, opts);
  const checked = rules ?? draft.eligibilityRules;
  const requests = await applications.submittedAnswersOfProgram(db, programId);
  const counts = checked.map(() => ({ passed: 0, failed: 0, notApplicable: 0 }));
  let passedAll = 0;
  for (const r of requests) {
    const today = toZonedDate(r.submittedAt, opts.timeZone);
    let all = true;
    checked.forEach((rule, i) => {
      const verdict = evaluateRule(rule, r.answers, { today });
      if (verdict === 'pass') counts[i]!.passed += 1;
      else if (verdict === 'fail') {
        counts[i]!.failed += 1;
        all = false;
      } else {
        counts[i]!.notApplicable += 1;
        counts[i]!.passed += 1;
      }
    });
    if (all) passedAll += 1;
  }
  return {
    totalRequests: requests.length,
    rules: checked.map((rule, index) => ({
      index,
      text: {
        en: describeRule(rule, draft.questionSet, 'en'),
        es: describeRule(rule, draft.questionSet, 'es'),
      },
      ...counts[index]!,
    })),
    passedAll,
  };
}
