// What share of the demo approvals inbox is flagged, and by which signals.
// Run from the repo root:  node --import tsx bench/risk/demo-inbox-risk.ts
// Seeds the demo data as `pnpm start` does (platform users and programs, the approvals demo, the payments demo)
// into an in-memory PGlite database, then counts the open requests (what the inbox lists) by risk level. Then the
// demo citizen, a returning applicant, applies again through the real API (draft, answers, bank step with the
// account they were paid into before, submit) and the script prints the level that request got.
import { createTestApp, Agent } from '../../apps/api/src/testing/test-app.ts';
import { resolveEncryptionKey } from '../../apps/api/src/platform/crypto-key.ts';
import { seedApprovalsDemo } from '../../apps/api/src/modules/inbox/seed.ts';
import { seedPaymentsDemo } from '../../apps/api/src/modules/payments/seed.ts';
import { riskInboxShare } from '../../apps/api/src/modules/read-models/service.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const t = await createTestApp();
const db = t.db.kysely;
await seedApprovalsDemo(db, {
  timeZone: t.config.timezone,
  encryptionKey: resolveEncryptionKey(t.config),
});
await seedPaymentsDemo(db);

const share = await riskInboxShare(db);
const pct = (n: number) => `${((100 * n) / Math.max(share.open, 1)).toFixed(0)}%`;
out(`Open requests in the demo inbox: ${share.open}`);
for (const [level, n] of Object.entries(share.byLevel))
  out(`  ${level.padEnd(6)} ${String(n).padStart(3)}  ${pct(n)}`);
out('Signals on open requests:');
for (const [kind, n] of Object.entries(share.byKind)) out(`  ${kind.padEnd(22)} ${n}`);
out(`High risk: ${share.byLevel.high ?? 0} of ${share.open} (${pct(share.byLevel.high ?? 0)})`);

// The returning applicant: Casey Citizen has two rebate requests paid into account 300000001.
const casey = new Agent(t.app);
await casey.signIn('citizen@example.gov');
const fail = (what: string, res: { statusCode: number; body: string }) => {
  throw new Error(`${what}: ${res.statusCode} ${res.body}`);
};
const draft = await casey.post('/api/programs/permit-fee-refund/drafts');
if (draft.statusCode >= 300) fail('draft', draft);
const d = draft.json() as { id: string; version: number };
let version = d.version;
for (const step of [
  {
    step: 'permit',
    answers: { permitNumber: 'BP-2026-04321', datePaid: '2026-02-03', amountPaid: '180' },
  },
  { step: 'reason', answers: { refundReason: 'duplicate', reasonDetails: 'Charged twice.' } },
  {
    step: 'contact',
    answers: { applicantName: 'Casey Citizen', contactEmail: 'citizen@example.gov' },
  },
]) {
  const res = await casey.request('PUT', `/api/requests/${d.id}/answers`, { version, ...step });
  if (res.statusCode !== 200) fail('answers', res);
  version = (res.json() as { version: number }).version;
}
const bank = await casey.request('PUT', `/api/requests/${d.id}/bank-account`, {
  version,
  holderName: 'Casey Citizen',
  accountType: 'checking',
  routingNumber: '011000015',
  accountNumber: '300000001',
  accountNumberConfirm: '300000001',
  achAuthorization: true,
});
if (bank.statusCode !== 200) fail('bank', bank);
const sub = await casey.post(
  `/api/requests/${d.id}/submit`,
  { declaration: true },
  {
    headers: { 'idempotency-key': 'bench-risk-returning-0001' },
  },
);
if (sub.statusCode !== 201) fail('submit', sub);
const row = await db
  .selectFrom('requests')
  .select('risk_level')
  .where('id', '=', d.id)
  .executeTakeFirstOrThrow();
const kinds = (
  await db.selectFrom('risk_signals').select('kind').where('request_id', '=', d.id).execute()
).map((s) => s.kind);
out(
  `Returning applicant (Casey Citizen) applies again with the same account: risk ${row.risk_level}${kinds.length ? ` (${kinds.join(', ')})` : ''}`,
);
const after = await riskInboxShare(db);
out(`High risk after that application: ${after.byLevel.high ?? 0} of ${after.open}`);
await t.close();
