import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { canonicalJson } from '../../platform/audit.ts';
import { keyRing, open } from '../../platform/keyring.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import * as auth from '../auth/service.ts';
import * as applications from '../applications/service.ts';
import { accountFingerprint } from '../risk/service.ts';
import * as readModels from '../read-models/service.ts';
import { asSourceRow, hmsUserIds, payeeCells } from './export-rows.ts';
import type { SourceRow } from './parse-csv.ts';
import { checkRepeatedExternalId, externalIdUse, FileKeys, type FileKeyUse } from './file-keys.ts';
import { knownRecords, refuseChangedHmsRecord, type Known } from './known-records.ts';
import type { BatchResult, Outcome, RunContext } from './run-context.ts';
import { checkPayeeRow, type PayeeRow } from './validate-payees.ts';
import * as repo from './repo.ts';

/**
 * The hash that decides unchanged vs updated: the normalised row, the account number only as its keyed fingerprint
 * (a plain hash of a short number could be reversed by trying every number).
 */
function rowHash(row: PayeeRow, fingerprint: string): string {
  const { line: _line, accountNumber: _account, ...rest } = row;
  return createHash('sha256')
    .update(canonicalJson({ ...rest, fingerprint }))
    .digest('hex');
}

/** One payees file's import; what earlier lines used (ids, emails, accounts) is kept in the database, not here. */
export class PayeeImport {
  private readonly keys = new FileKeys();
  private readonly key: Buffer;

  constructor(
    private readonly config: Config,
    private readonly ctx: RunContext,
  ) {
    this.key = keyRing(config).current.key;
  }

  async process(
    trx: Transaction<Database>,
    batch: SourceRow[],
    write: boolean,
  ): Promise<BatchResult> {
    const checked = batch.map((src) => ({ src, ...checkPayeeRow(src) }));
    const valid = checked.flatMap((c) => (c.row ? [c.row] : []));
    const [records, users] = await Promise.all([
      repo.importedRecords(
        trx,
        'payees',
        valid.map((r) => r.externalId),
      ),
      auth.usersByEmails(
        trx,
        valid.map((r) => r.email),
      ),
    ]);
    const recordOf = await knownRecords(
      records,
      valid.map((r) => r.externalId),
      (ids) => this.hmsRecords(trx, ids),
    );
    const userOf = new Map(users.map((u) => [u.email, u.id]));
    const fingerprints = new Map(
      valid.map((r) => [r, accountFingerprint(this.key, r.routingNumber, r.accountNumber)]),
    );
    // A rejected row's email and account may be malformed, so only valid rows' count as used, as they always have.
    const uses: FileKeyUse[] = [];
    for (const { row, check } of checked) {
      uses.push(...externalIdUse(check));
      if (!row) continue;
      uses.push({ kind: 'email', key: row.email, line: row.line });
      uses.push({
        kind: 'account',
        key: fingerprints.get(row)!,
        line: row.line,
        extra: row.externalId,
      });
    }
    const firsts = await this.keys.firsts(trx, uses);
    const owners = await applications.payeeAccountOwnersByFingerprint(trx, [
      ...new Set(fingerprints.values()),
    ]);
    const ownersOf = new Map<string, Set<string>>();
    for (const o of owners) {
      if (!o.fingerprint) continue;
      const set = ownersOf.get(o.fingerprint) ?? new Set<string>();
      set.add(o.user_id);
      ownersOf.set(o.fingerprint, set);
    }

    const result: BatchResult = { outcomes: [] };
    const creates: Array<{ row: PayeeRow; hash: string }> = [];
    const updates: Array<{ row: PayeeRow; hash: string; userId: string }> = [];
    for (const { src, row, check } of checked) {
      // The file-wide check runs on every row that has an external id, valid or not, so each is said once.
      checkRepeatedExternalId(check, firsts, 'payee');
      if (!row) {
        result.outcomes.push({ line: src.line, outcome: 'rejected', errors: check.errors });
        continue;
      }
      const firstEmail = firsts.of('email', row.email)!.line;
      if (firstEmail !== src.line)
        check.fail(
          'email',
          'import.email_duplicate',
          `email is already used by the payee on line ${firstEmail}. Give each payee their own email.`,
        );
      const record = recordOf.get(row.externalId);
      const existingUser = userOf.get(row.email);
      if (existingUser && existingUser !== record?.entity_id)
        check.fail(
          'email',
          'import.email_taken',
          'email already belongs to another account in HMS. Use the payee’s own email.',
        );
      const fingerprint = fingerprints.get(row)!;
      const warnings = [];
      const firstAccount = firsts.of('account', fingerprint)!;
      const sameInFile = firstAccount.line !== src.line;
      if (sameInFile && firstAccount.extra !== row.externalId)
        warnings.push(
          `Warning: the same bank account (ending ${row.accountNumber.slice(-4)}) is on the payee on line ${firstAccount.line}. Check it; the row is still imported.`,
        );
      const others = [...(ownersOf.get(fingerprint) ?? [])].filter((u) => u !== record?.entity_id);
      if (!sameInFile && others.length > 0)
        warnings.push(
          `Warning: the same bank account (ending ${row.accountNumber.slice(-4)}) already belongs to another payee in HMS. Check it; the row is still imported.`,
        );
      for (const message of warnings)
        check.errors.push({
          row: src.line,
          field: 'account_number',
          code: 'import.bank_account_shared',
          message,
        });
      const hash = rowHash(row, fingerprint);
      refuseChangedHmsRecord(check, record, hash, 'payee');
      if (check.errors.some((e) => e.code !== 'import.bank_account_shared')) {
        result.outcomes.push({ line: src.line, outcome: 'rejected', errors: check.errors });
        continue;
      }
      let outcome: Outcome;
      if (!record) {
        outcome = 'created';
        creates.push({ row, hash });
      } else if (record.row_hash === hash) outcome = 'unchanged';
      else {
        outcome = 'updated';
        updates.push({ row, hash, userId: record.entity_id });
      }
      result.outcomes.push({ line: src.line, outcome, errors: check.errors });
    }
    if (write && result.outcomes.every((o) => o.outcome !== 'rejected'))
      await this.write(trx, creates, updates);
    return result;
  }

  /**
   * Payees HMS made itself, named the way an export writes them (`hms-<user id>`): each as a record whose hash is
   * that of the row an export writes for it now, so a row exported and brought back is `unchanged`, and a changed
   * one is refused (an import changes only what imports made).
   */
  private async hmsRecords(trx: Transaction<Database>, externalIds: readonly string[]) {
    const ids = hmsUserIds(externalIds);
    if (ids.length === 0) return [];
    const payees = await readModels.exportPayees(
      trx,
      { after: null, limit: ids.length, ids },
      true,
    );
    return payees.flatMap((p): Known[] => {
      if (p.external_id || !('account_number_enc' in p)) return [];
      const cells = payeeCells(p, open(this.config, p.account_number_enc as string));
      const { row } = checkPayeeRow(asSourceRow('payees', cells));
      const hash = row
        ? rowHash(row, accountFingerprint(this.key, row.routingNumber, row.accountNumber))
        : '';
      return [{ external_id: cells[0]!, entity_id: p.id, row_hash: hash, hms: true }];
    });
  }

  private async write(
    trx: Transaction<Database>,
    creates: Array<{ row: PayeeRow; hash: string }>,
    updates: Array<{ row: PayeeRow; hash: string; userId: string }>,
  ): Promise<void> {
    const made = creates.map((c) => ({ ...c, userId: uuidv7() }));
    await auth.insertPayeeUsers(
      trx,
      made.map(({ row, userId }) => ({
        id: userId,
        email: row.email,
        displayName: row.fullName,
        language: row.language,
      })),
    );
    await applications.insertImportedPayeeAccounts(
      trx,
      this.config,
      made.map(({ row, userId }) => ({ userId, ...row })),
    );
    await repo.insertImportedRecords(
      trx,
      made.map(({ row, hash, userId }) => ({
        kind: 'payees',
        external_id: row.externalId,
        entity_id: userId,
        row_hash: hash,
        import_run_id: this.ctx.runId,
        source_file: this.ctx.fileName,
        phone: row.phone,
      })),
    );
    if (updates.length === 0) return;
    const accounts = new Map(
      (
        await applications.latestPayeeAccountsOf(
          trx,
          updates.map((u) => u.userId),
        )
      ).map((a) => [a.user_id, a.id]),
    );
    for (const { row, hash, userId } of updates) {
      await auth.updatePayeeUser(trx, userId, {
        email: row.email,
        displayName: row.fullName,
        language: row.language,
      });
      const accountId = accounts.get(userId);
      if (accountId)
        await applications.correctPayeeAccount(trx, this.config, accountId, {
          routingNumber: row.routingNumber,
          accountNumber: row.accountNumber,
          accountType: row.accountType,
          holderName: row.holderName,
        });
      else await applications.insertImportedPayeeAccounts(trx, this.config, [{ userId, ...row }]);
      await repo.updateImportedRecord(trx, 'payees', row.externalId, {
        rowHash: hash,
        importRunId: this.ctx.runId,
        sourceFile: this.ctx.fileName,
        phone: row.phone,
      });
    }
  }
}
