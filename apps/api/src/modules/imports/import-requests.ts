import { createHash } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import { formatCents } from '@hms/contracts/money';
import type { RequestEventType } from '@hms/contracts/request-events';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { canonicalJson } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { insertPastRequestEvents } from '../../platform/request-events.ts';
import * as auth from '../auth/service.ts';
import * as applications from '../applications/service.ts';
import * as payments from '../payments/service.ts';
import * as programs from '../programs/service.ts';
import * as readModels from '../read-models/service.ts';
import {
  asSourceRow,
  HMS_ID_PREFIX,
  hmsReferences,
  hmsUserIds,
  requestCells,
} from './export-rows.ts';
import type { SourceRow } from './parse-csv.ts';
import { checkRepeatedExternalId, externalIdUse, FileKeys } from './file-keys.ts';
import { knownRecords, refuseChangedHmsRecord, type Known } from './known-records.ts';
import type { BatchResult, Outcome, RunContext } from './run-context.ts';
import { checkRequestRow, type RequestRow } from './validate-requests.ts';
import * as repo from './repo.ts';

type Program = Awaited<ReturnType<typeof programs.realProgramsBySlugs>>[number];

interface Planned {
  row: RequestRow;
  hash: string;
  request: applications.ImportedRequest;
  decidedBy: string | null;
}

function rowHash(row: RequestRow): string {
  const { line: _line, ...rest } = row;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** The payment the request's state implies: approved waits for a batch, paid was settled when it was paid. */
function paymentOf(requestId: string, p: Planned): payments.ImportedPayment {
  const { row, request } = p;
  return {
    requestId,
    payeeAccountId: request.payeeAccountId,
    amountCents: row.amountCents,
    state: row.status === 'approved' ? 'pending' : row.status === 'paid' ? 'settled' : null,
    at: row.status === 'paid' ? row.paidAt! : (row.decidedAt ?? row.submittedAt),
  };
}

/** The steps the request took in the old system after it was submitted, each at its own time. */
function laterSteps(row: RequestRow): Array<{ type: RequestEventType; at: Date; staff: boolean }> {
  const decided = row.decidedAt ?? row.submittedAt;
  switch (row.status) {
    case 'needs_info':
      return [{ type: 'info_requested', at: decided, staff: true }];
    case 'approved':
      return [{ type: 'approved', at: decided, staff: true }];
    case 'rejected':
      return [{ type: 'rejected', at: decided, staff: true }];
    case 'withdrawn':
      return [{ type: 'withdrawn', at: decided, staff: false }];
    case 'paid':
      return [
        { type: 'approved', at: decided, staff: true },
        { type: 'paid', at: row.paidAt!, staff: true },
      ];
    default:
      return [];
  }
}

/** The state kept across batches of one requests file: earlier lines' ids (in the database), and the programs looked up. */
export class RequestImport {
  private readonly keys = new FileKeys();
  private readonly programs = new Map<string, Program | null>();
  private readonly now = new Date();

  constructor(
    private readonly config: Config,
    private readonly ctx: RunContext,
  ) {}

  async process(
    trx: Transaction<Database>,
    batch: SourceRow[],
    write: boolean,
  ): Promise<BatchResult> {
    const checked = batch.map((src) => ({
      src,
      ...checkRequestRow(src, this.config.timezone, this.now),
    }));
    const valid = checked.flatMap((c) => (c.row ? [c.row] : []));
    const firsts = await this.keys.firsts(
      trx,
      checked.flatMap((c) => externalIdUse(c.check)),
    );
    const missing = [...new Set(valid.map((r) => r.program))].filter((s) => !this.programs.has(s));
    for (const s of missing) this.programs.set(s, null);
    for (const p of await programs.realProgramsBySlugs(trx, missing)) this.programs.set(p.slug, p);
    const [records, payees, staff] = await Promise.all([
      repo.importedRecords(
        trx,
        'requests',
        valid.map((r) => r.externalId),
      ),
      repo.importedRecords(trx, 'payees', [...new Set(valid.map((r) => r.payeeExternalId))]),
      auth.usersByEmails(trx, [
        ...new Set(valid.flatMap((r) => (r.decidedByEmail ? [r.decidedByEmail] : []))),
      ]),
    ]);
    const recordOf = await knownRecords(
      records,
      valid.map((r) => r.externalId),
      (ids) => this.hmsRecords(trx, ids),
    );
    const userOfPayee = new Map(payees.map((p) => [p.external_id, p.entity_id]));
    // Payees HMS made itself, as an export names them (hms-<user id>).
    const hmsPayees = hmsUserIds(
      [...new Set(valid.map((r) => r.payeeExternalId))].filter((id) => !userOfPayee.has(id)),
    );
    for (const p of await readModels.exportPayees(
      trx,
      { after: null, limit: hmsPayees.length, ids: hmsPayees },
      false,
    ))
      if (!p.external_id) userOfPayee.set(`${HMS_ID_PREFIX}${p.id}`, p.id);
    const staffOf = new Map(staff.filter((u) => u.staff).map((u) => [u.email, u.id]));
    const [accounts, states, live] = await Promise.all([
      applications.latestPayeeAccountsOf(trx, [...new Set(userOfPayee.values())]),
      applications.importedRequestStates(
        trx,
        records.map((r) => r.entity_id),
      ),
      payments.livePaymentsOf(
        trx,
        records.map((r) => r.entity_id),
      ),
    ]);
    const accountOf = new Map(accounts.map((a) => [a.user_id, a.id]));
    const stateOf = new Map(states.map((s) => [s.id, s]));
    const liveOf = new Map(live.map((p) => [p.request_id, p]));

    const result: BatchResult = { outcomes: [] };
    const creates: Planned[] = [];
    const updates: Array<Planned & { requestId: string }> = [];
    for (const { src, row, check } of checked) {
      // The file-wide check runs on every row that has an external id, valid or not, so each is said once.
      checkRepeatedExternalId(check, firsts, 'request');
      if (!row) {
        result.outcomes.push({ line: src.line, outcome: 'rejected', errors: check.errors });
        continue;
      }
      // An empty value here is a column missing from the header, which line 1 already reports.
      const program = this.programs.get(row.program) ?? null;
      if (!program && row.program)
        check.fail(
          'program',
          'import.program_unknown',
          `program "${row.program}" is not the slug of a program in HMS. Use the slug from the program's web address.`,
        );
      else if (program && row.amountCents > Number(program.max_amount_cents))
        check.fail(
          'amount',
          'import.amount_above_maximum',
          `amount is above the maximum of ${row.program} (${formatCents(Number(program.max_amount_cents), 'en')}). Correct the amount or the program.`,
        );
      const applicantId = userOfPayee.get(row.payeeExternalId);
      const payeeAccountId = applicantId ? accountOf.get(applicantId) : undefined;
      if ((!applicantId || !payeeAccountId) && row.payeeExternalId)
        check.fail(
          'payee_external_id',
          'import.payee_unknown',
          `No payee was imported with external_id "${row.payeeExternalId}". Import the payees file first, or correct the id.`,
        );
      const decidedBy = row.decidedByEmail ? staffOf.get(row.decidedByEmail) : undefined;
      if (row.decidedByEmail && !decidedBy)
        check.fail(
          'decided_by_email',
          'import.decided_by_unknown',
          'decided_by_email is not the email of a staff member in HMS. Leave it empty, or use a staff member’s email.',
        );
      const record = recordOf.get(row.externalId);
      const hash = rowHash(row);
      const state = record ? stateOf.get(record.entity_id) : undefined;
      const payment = record ? liveOf.get(record.entity_id) : undefined;
      const refused = refuseChangedHmsRecord(check, record, hash, 'request');
      if (!refused && record && record.row_hash !== hash && state) {
        if (state.status === 'paid' && Number(state.approved_amount_cents) !== row.amountCents)
          check.fail(
            'amount',
            'import.paid_amount_changed',
            `${state.reference} was already paid ${formatCents(Number(state.approved_amount_cents), 'en')}, so its amount cannot change. Keep the amount that was paid.`,
          );
        else if (state.status === 'paid' && row.status !== 'paid')
          check.fail(
            'status',
            'import.paid_status_changed',
            `${state.reference} was already paid, so it stays paid. Keep the status paid.`,
          );
        else if (
          payment &&
          (payment.status === 'batched' ||
            payment.status === 'released' ||
            payment.status === 'prenote_sent')
        )
          check.fail(
            'status',
            'import.payment_in_progress',
            `The payment of ${state.reference} is already in a bank file, so the request cannot change now.`,
          );
      }
      if (check.errors.length > 0 || !program || !applicantId || !payeeAccountId) {
        result.outcomes.push({ line: src.line, outcome: 'rejected', errors: check.errors });
        continue;
      }
      const planned: Planned = {
        row,
        hash,
        decidedBy: decidedBy ?? null,
        request: {
          programId: program.id,
          programVersion: program.version,
          reviewDeadlineDays: program.review_deadline_days,
          applicantId,
          payeeAccountId,
          status: row.status,
          amountCents: row.amountCents,
          submittedAt: row.submittedAt,
          decidedAt: row.decidedAt,
          // Open work someone in the old system held stays with them when they are staff here.
          assignedTo:
            row.status === 'in_review' || row.status === 'needs_info' ? (decidedBy ?? null) : null,
        },
      };
      let outcome: Outcome;
      if (!record) {
        outcome = 'created';
        creates.push(planned);
      } else if (record.row_hash === hash) outcome = 'unchanged';
      else {
        outcome = 'updated';
        updates.push({ ...planned, requestId: record.entity_id });
      }
      result.outcomes.push({ line: src.line, outcome, errors: check.errors });
    }
    if (write && result.outcomes.every((o) => o.outcome !== 'rejected')) {
      await this.create(trx, creates);
      for (const u of updates)
        await this.update(trx, u, stateOf.get(u.requestId)!.status, liveOf.get(u.requestId));
    }
    return result;
  }

  /**
   * Requests HMS made itself, named the way an export writes them (`hms-<reference>`): each as a record whose hash is
   * that of the row an export writes for it now, so a row exported and brought back is `unchanged`, and a changed
   * one is refused (an import changes only what imports made).
   */
  private async hmsRecords(trx: Transaction<Database>, externalIds: readonly string[]) {
    const references = hmsReferences(externalIds);
    if (references.length === 0) return [];
    const requests = await readModels.exportRequests(trx, {
      after: null,
      limit: references.length,
      references,
    });
    return requests.flatMap((r): Known[] => {
      const cells = r.external_id ? null : requestCells(r);
      if (!cells) return [];
      const { row } = checkRequestRow(
        asSourceRow('requests', cells),
        this.config.timezone,
        this.now,
      );
      return [
        { external_id: cells[0]!, entity_id: r.id, row_hash: row ? rowHash(row) : '', hms: true },
      ];
    });
  }

  private async create(trx: Transaction<Database>, creates: Planned[]): Promise<void> {
    if (creates.length === 0) return;
    const made = await applications.insertImportedRequests(
      trx,
      this.config,
      creates.map((c) => c.request),
    );
    await payments.insertImportedPayments(
      trx,
      creates.map((c, i) => paymentOf(made[i]!.id, c)),
    );
    const steps: ReturnType<RequestImport['step']>[] = [];
    for (const [i, c] of creates.entries()) {
      const id = made[i]!.id;
      let from: RequestStatus = 'draft';
      for (const s of [
        { type: 'submitted' as const, at: c.row.submittedAt, staff: false },
        ...laterSteps(c.row),
      ]) {
        const step = this.step(id, c, s.type, s.at, from, s.staff);
        steps.push(step);
        from = step.to_status;
      }
    }
    // One statement for the batch's steps: a large file is a few statements per 500 rows, not several per row.
    await insertPastRequestEvents(trx, steps);
    await repo.insertImportedRecords(
      trx,
      creates.map((c, i) => ({
        kind: 'requests',
        external_id: c.row.externalId,
        entity_id: made[i]!.id,
        row_hash: c.hash,
        import_run_id: this.ctx.runId,
        source_file: this.ctx.fileName,
        note: c.row.note,
      })),
    );
  }

  private async update(
    trx: Transaction<Database>,
    u: Planned & { requestId: string },
    before: RequestStatus,
    live: { id: string; status: string } | undefined,
  ): Promise<void> {
    await applications.updateImportedRequest(trx, this.config, u.requestId, u.request);
    await payments.reconcileImportedPayment(trx, paymentOf(u.requestId, u), live);
    // The old system's new state is one more step of the timeline, dated when it happened there.
    if (before !== u.row.status) {
      const last = laterSteps(u.row).at(-1);
      if (last)
        await insertPastRequestEvents(trx, [
          this.step(u.requestId, u, last.type, last.at, before, last.staff),
        ]);
    }
    await repo.updateImportedRecord(trx, 'requests', u.row.externalId, {
      rowHash: u.hash,
      importRunId: this.ctx.runId,
      sourceFile: this.ctx.fileName,
      note: u.row.note,
    });
  }

  /** A past step, written as it happened and not announced: no notification, email, webhook or live signal. */
  private step(
    requestId: string,
    p: Planned,
    type: RequestEventType,
    at: Date,
    from: RequestStatus,
    staff = false,
  ): Insertable<Database['request_events']> & { to_status: RequestStatus } {
    const to: RequestStatus =
      type === 'submitted'
        ? 'submitted'
        : type === 'approved' && p.row.status === 'paid'
          ? 'approved'
          : p.row.status;
    const actor = staff ? p.decidedBy : p.request.applicantId;
    return {
      id: uuidv7(at.getTime()),
      request_id: requestId,
      type,
      from_status: from,
      to_status: to,
      actor_id: actor,
      actor_kind: actor ? 'user' : 'system',
      data: JSON.stringify({
        imported: { externalId: p.row.externalId, sourceFile: this.ctx.fileName },
        ...(type === 'submitted' || type === 'approved' || type === 'paid'
          ? { amountCents: p.row.amountCents }
          : {}),
      }),
      visible_to_applicant: true,
      created_at: at,
    };
  }
}
