// What share of the demo approvals inbox is flagged, and by which signals.
// Run from the repo root:  node --import tsx bench/risk/demo-inbox-risk.ts
// Seeds the demo data exactly as `pnpm start` does (platform users and programs, the approvals demo, the payments
// demo) into an in-memory PGlite database, then counts the open requests (what the inbox lists) by risk level.
import { randomBytes } from 'node:crypto';
import { openDb } from '../../apps/api/src/platform/db/connect.ts';
import { migrateToLatest } from '../../apps/api/src/platform/db/migrate.ts';
import { seedDemo } from '../../apps/api/src/seed.ts';
import { riskInboxShare } from '../../apps/api/src/modules/risk/demo-share.ts';

const db = await openDb({});
await migrateToLatest(db.kysely);
await seedDemo(db.kysely, { timeZone: 'America/New_York', encryptionKey: randomBytes(32) });
const share = await riskInboxShare(db.kysely);
await db.close();

const pct = (n: number) => `${((100 * n) / Math.max(share.open, 1)).toFixed(0)}%`;
process.stdout.write(`Open requests in the demo inbox: ${share.open}\n`);
for (const [level, n] of Object.entries(share.byLevel))
  process.stdout.write(`  ${level.padEnd(6)} ${String(n).padStart(3)}  ${pct(n)}\n`);
process.stdout.write('Signals on open requests:\n');
for (const [kind, n] of Object.entries(share.byKind))
  process.stdout.write(`  ${kind.padEnd(22)} ${n}\n`);
process.stdout.write(
  `High risk: ${share.byLevel.high ?? 0} of ${share.open} (${pct(share.byLevel.high ?? 0)})\n`,
);
