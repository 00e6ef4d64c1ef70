import type { Kysely } from 'kysely';
import { startOfZonedDay, toZonedDate } from '@hms/contracts/business-days';
import {
  RATE_WINDOW_DAYS,
  RUN_OUT_HORIZON_DAYS,
  type FinanceBudgets,
  type FinanceBudgetsQuery,
} from '@hms/contracts/finance-budgets';
import type { Database } from '../../platform/db/schema.ts';
import * as finance from '../finance/service.ts';
import * as programs from '../programs/service.ts';
import * as repo from './repo.ts';

type Db = Kysely<Database>;

/**
 * The committed statuses (programs' one rule) split three ways: not decided yet, approved and not yet paid (a returned
 * payment waits to be sent again), paid. The three partition the rule's statuses, so awaiting + obligated + paid is
 * the committed money to the cent; paid is what is left of the kept committed sum after the other two, which spares
 * summing the whole paid history on every read.
 */
const OBLIGATED = ['approved', 'payment_returned'] as const;
const PAID = ['paid'] as const;
const AWAITING_DECISION = programs.BUDGET_STATUSES.filter(
  (s) => !(OBLIGATED as readonly string[]).includes(s) && !(PAID as readonly string[]).includes(s),
);

/**
 * The day the remaining balance reaches zero at the rate of `recentCents` per RATE_WINDOW_DAYS days: the first day k
 * (from today) with k × rate ≥ remaining, so k = ⌈remaining × window ÷ recent⌉ in whole cents. Null when nothing was
 * committed lately, when nothing remains, or beyond the horizon.
 */
export function projectRunOut(
  today: string,
  timeZone: string,
  remainingCents: number,
  recentCents: number,
): string | null {
  if (recentCents <= 0 || remainingCents <= 0) return null;
  const days = Math.ceil((remainingCents * RATE_WINDOW_DAYS) / recentCents);
  if (days > RUN_OUT_HORIZON_DAYS) return null;
  return toZonedDate(startOfZonedDay(today, timeZone, days), timeZone);
}

export async function budgets(
  db: Db,
  timeZone: string,
  q: FinanceBudgetsQuery,
): Promise<FinanceBudgets> {
  const programId = await finance.resolveProgram(db, q.program);
  const today = toZonedDate(new Date(), timeZone);
  const since = toZonedDate(startOfZonedDay(today, timeZone, 1 - RATE_WINDOW_DAYS), timeZone);
  const rows = await programs.programBudgets(db, programId);
  const ids = rows.map((r) => r.id);
  const [split, recent] = await Promise.all([
    repo.budgetSplit(db, ids, { awaitingDecision: AWAITING_DECISION, obligated: OBLIGATED }),
    // The rate: what the last 30 days' submissions commit now, from the finance module's kept per-day totals.
    finance.committedByProgram(db, ids, since, today),
  ]);
  const items = rows.map((p) => {
    const s = {
      awaitingDecisionCents: 0,
      obligatedCents: 0,
      ...split.get(p.id),
      committedSinceCents: recent.get(p.id) ?? 0,
    };
    const remainingCents = p.budgetCents - p.committedCents;
    return {
      program: p.slug,
      name: p.name,
      budgetCents: p.budgetCents,
      committedCents: p.committedCents,
      awaitingDecisionCents: s.awaitingDecisionCents,
      obligatedCents: s.obligatedCents,
      paidCents: p.committedCents - s.awaitingDecisionCents - s.obligatedCents,
      remainingCents,
      committedLast30DaysCents: s.committedSinceCents,
      overBudget: remainingCents < 0,
      projectedRunOut: projectRunOut(today, timeZone, remainingCents, s.committedSinceCents),
    };
  });
  const sum = (k: keyof (typeof items)[number] & `${string}Cents`) =>
    items.reduce((acc, i) => acc + i[k], 0);
  const remainingCents = sum('remainingCents');
  return {
    program: q.program ?? null,
    asOf: today,
    programs: items,
    totals: {
      budgetCents: sum('budgetCents'),
      committedCents: sum('committedCents'),
      awaitingDecisionCents: sum('awaitingDecisionCents'),
      obligatedCents: sum('obligatedCents'),
      paidCents: sum('paidCents'),
      remainingCents,
      committedLast30DaysCents: sum('committedLast30DaysCents'),
      overBudget: remainingCents < 0,
    },
    computedAt: new Date().toISOString(),
  };
}
