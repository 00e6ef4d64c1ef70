// Backtest of "When will I hear back?" (issue 14 part 2): how often a request was decided by the date it was shown.
// Run from the repo root:  node --import tsx bench/estimates/run.ts [--seed=14] [--from=2025-07-01] [--until=2025-12-31]
//
// 1. Generates two years of history for three programs of different sizes: seasonal volume (a yearly wave and a
//    January rush), staff capacity that changes every few weeks (people join, leave, go on leave), requests that
//    wait on the applicant (a question, answered days later) and requests that need a second approval.
// 2. For every request submitted from --from to --until (after the history it trains on), it computes the estimate
//    the API would have shown at submission: the estimator of packages/contracts/src/estimates.ts (the same
//    function the API calls), fed with only what was known at that instant: the
//    program's decisions of the six months before (trained up to that day), the open requests ahead, the decisions
//    of the last 20 business days, and the business-day calendar (weekends and Federal Reserve holidays).
// 3. Prints the coverage (share decided by their expected date) overall, per program and per month, and the median
//    error in business days. Exits 1 when the coverage is outside 75–85 %.
import {
  addBusinessDays,
  businessDaysBetween,
  isBusinessDay,
  type PlainDate,
} from '../../packages/contracts/src/business-days.ts';
import {
  ESTIMATE_SHARE,
  HISTORY_MONTHS,
  LAST_WEEK_BUSINESS_DAYS,
  THROUGHPUT_BUSINESS_DAYS,
  estimateDecision,
  type DurationHistogram,
} from '../../packages/contracts/src/estimates.ts';
import { seededRandom } from '../../apps/api/src/platform/seeded-random.ts';

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SEED = Number(arg('seed') ?? 14);
const HISTORY_START: PlainDate = '2024-01-01';
const TEST_FROM: PlainDate = arg('from') ?? '2025-07-01';
const TEST_UNTIL: PlainDate = arg('until') ?? '2025-12-31';
// Requests submitted up to TEST_UNTIL are followed until every one of them is decided.
const SIMULATE_UNTIL: PlainDate = '2026-06-30';
const COVERAGE_MIN = 0.75;
const COVERAGE_MAX = 0.85;

/** Seeded, so a run is reproducible. */
const random = seededRandom(SEED).next;
function poisson(mean: number): number {
  // Knuth for small means, a rounded normal for large ones.
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}
function normal(): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function addDays(date: PlainDate, n: number): PlainDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function addMonths(date: PlainDate, n: number): PlainDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}
function dayOfYear(date: PlainDate): number {
  return (
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${date.slice(0, 4)}-01-01T00:00:00Z`)) /
    86_400_000
  );
}

interface ProgramShape {
  name: string;
  /** Requests a business day on average (weekends get a fifth of it). */
  volume: number;
  /** Decisions one reviewer makes on a business day. */
  perReviewer: number;
  minStaff: number;
  maxStaff: number;
}
const PROGRAMS: ProgramShape[] = [
  { name: 'large', volume: 60, perReviewer: 11, minStaff: 5, maxStaff: 10 },
  { name: 'medium', volume: 18, perReviewer: 9, minStaff: 2, maxStaff: 4 },
  { name: 'small', volume: 4, perReviewer: 6, minStaff: 1, maxStaff: 2 },
];

interface Request {
  program: number;
  submittedOn: PlainDate;
  /** Order within the program's queue (submission instant). */
  seq: number;
  /** Business days the applicant takes to answer a question (0: no question). */
  infoDays: number;
  /** Business days a second approver takes (0: none needed). */
  secondApprovalDays: number;
  /** While waiting for the applicant or the second approver: the day it comes back. */
  backOn: PlainDate | null;
  firstLookDone: boolean;
  decidedOn: PlainDate | null;
  /** Estimate shown at submission (test window only). */
  decisionBy: PlainDate | null;
  source: 'history' | 'deadline' | null;
}

function seasonal(date: PlainDate): number {
  const wave = 1 + 0.3 * Math.sin((2 * Math.PI * (dayOfYear(date) - 80)) / 365);
  const januaryRush = date.slice(5, 7) === '01' ? 1.4 : 1;
  return wave * januaryRush;
}

/** The simulation: every request and its decision day, and the estimates shown in the test window. */
function simulate() {
  const requests: Request[] = [];
  const open: Request[][] = PROGRAMS.map(() => []);
  // Decisions per program: [submittedOn, decidedOn] in decision order, and the decisions of each business day.
  const decided: Array<Array<[PlainDate, Map<number, number>]>> = PROGRAMS.map(() => []);
  const decidedPerDay: number[][] = PROGRAMS.map(() => []);
  const staff = PROGRAMS.map((p) => Math.round((p.minStaff + p.maxStaff) / 2));
  const staffChangeOn = PROGRAMS.map(() => HISTORY_START);
  let seq = 0;

  for (let day = HISTORY_START; day <= SIMULATE_UNTIL; day = addDays(day, 1)) {
    const businessDay = isBusinessDay(day);
    PROGRAMS.forEach((shape, p) => {
      // Staffing moves every 15–45 business days: someone joins, leaves, or goes on leave.
      if (businessDay && day >= staffChangeOn[p]!) {
        const step = random() < 0.5 ? -1 : 1;
        staff[p] = Math.min(shape.maxStaff, Math.max(shape.minStaff, staff[p]! + step));
        staffChangeOn[p] = addBusinessDays(day, 15 + Math.floor(random() * 30));
      }
      const history = historyFor(p, day);
      const decidedRecently = sumLast(decidedPerDay[p]!, THROUGHPUT_BUSINESS_DAYS);
      const decidedLastWeek = sumLast(decidedPerDay[p]!, LAST_WEEK_BUSINESS_DAYS);
      const arrivals =
        day <= TEST_UNTIL ? poisson(shape.volume * seasonal(day) * (businessDay ? 1 : 0.2)) : 0;
      for (let i = 0; i < arrivals; i += 1) {
        const r: Request = {
          program: p,
          submittedOn: day,
          seq: (seq += 1),
          infoDays: random() < 0.15 ? 2 + Math.floor(random() * 12) : 0,
          secondApprovalDays: random() < 0.1 ? 1 + Math.floor(random() * 4) : 0,
          backOn: null,
          firstLookDone: false,
          decidedOn: null,
          decisionBy: null,
          source: null,
        };
        if (day >= TEST_FROM) {
          const ahead = open[p]!.filter((o) => o.backOn === null).length;
          const estimate = estimateDecision({
            today: day,
            submittedOn: day,
            dueOn: addBusinessDays(day, 20),
            history,
            queue: { ahead, decidedRecently, decidedLastWeek },
          });
          r.decisionBy = estimate.decisionBy;
          r.source = estimate.source;
        }
        requests.push(r);
        open[p]!.push(r);
      }
      if (!businessDay) return;
      // End of the business day: the reviewers work the queue oldest first, up to their capacity.
      let capacity = poisson(staff[p]! * shape.perReviewer);
      let decisions = 0;
      const todays = new Map<number, number>();
      const stillOpen: Request[] = [];
      for (const r of open[p]!) {
        if (r.backOn !== null && r.backOn > day) {
          stillOpen.push(r);
          continue;
        }
        r.backOn = null;
        if (capacity <= 0 || r.submittedOn >= day) {
          stillOpen.push(r);
          continue;
        }
        capacity -= 1;
        if (!r.firstLookDone && r.infoDays > 0) {
          // A question to the applicant: back in the queue, at its place, once answered.
          r.firstLookDone = true;
          r.backOn = addBusinessDays(day, r.infoDays);
          stillOpen.push(r);
          continue;
        }
        if (r.secondApprovalDays > 0) {
          r.backOn = addBusinessDays(day, r.secondApprovalDays);
          r.secondApprovalDays = 0;
          r.firstLookDone = true;
          stillOpen.push(r);
          continue;
        }
        r.decidedOn = day;
        const days = businessDaysBetween(r.submittedOn, day);
        todays.set(days, (todays.get(days) ?? 0) + 1);
        decisions += 1;
      }
      open[p] = stillOpen;
      decided[p]!.push([day, todays]);
      decidedPerDay[p]!.push(decisions);
    });
  }
  return requests;

  /** Business days to decision of the program's requests decided in the six months before `day`. */
  function historyFor(p: number, day: PlainDate): DurationHistogram {
    const since = addMonths(day, -HISTORY_MONTHS);
    const counts = new Map<number, number>();
    for (let i = decided[p]!.length - 1; i >= 0; i -= 1) {
      const [decidedOn, ofDay] = decided[p]![i]!;
      if (decidedOn < since) break;
      for (const [days, n] of ofDay) counts.set(days, (counts.get(days) ?? 0) + n);
    }
    return [...counts];
  }
}

function sumLast(values: readonly number[], n: number): number {
  let sum = 0;
  for (let i = Math.max(0, values.length - n); i < values.length; i += 1) sum += values[i]!;
  return sum;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Tally {
  n: number;
  covered: number;
  errors: number[];
}
const tally = (): Tally => ({ n: 0, covered: 0, errors: [] });
function add(t: Tally, r: Request) {
  t.n += 1;
  if (r.decidedOn! <= r.decisionBy!) t.covered += 1;
  t.errors.push(Math.abs(businessDaysBetween(r.decisionBy!, r.decidedOn!)));
}
const pct = (t: Tally) => `${((100 * t.covered) / t.n).toFixed(1)} %`;

const started = performance.now();
const all = simulate();
const tested = all.filter(
  (r) => r.submittedOn >= TEST_FROM && r.submittedOn <= TEST_UNTIL && r.decisionBy !== null,
);
const undecided = tested.filter((r) => r.decidedOn === null).length;
if (undecided > 0)
  throw new Error(`${undecided} tested requests were never decided: simulate longer.`);
const overall = tally();
const byProgram = PROGRAMS.map(() => tally());
const byMonth = new Map<string, Tally>();
let fallbacks = 0;
for (const r of tested) {
  if (r.source === 'deadline') fallbacks += 1;
  add(overall, r);
  add(byProgram[r.program]!, r);
  const month = r.submittedOn.slice(0, 7);
  if (!byMonth.has(month)) byMonth.set(month, tally());
  add(byMonth.get(month)!, r);
}

console.log(
  `History ${HISTORY_START} to ${TEST_FROM} (${all.length - tested.length} requests before or after the test window), ` +
    `seed ${SEED}; tested ${tested.length} requests submitted ${TEST_FROM} to ${TEST_UNTIL}, ` +
    `each estimated at submission from the ${HISTORY_MONTHS} months before it (target share ${ESTIMATE_SHARE}).`,
);
if (fallbacks > 0)
  console.log(`${fallbacks} estimates fell back to the review deadline (too little history).`);
console.log('\nprogram   requests  coverage  median error (business days)');
PROGRAMS.forEach((p, i) => {
  const t = byProgram[i]!;
  console.log(
    `${p.name.padEnd(9)} ${String(t.n).padStart(8)}  ${pct(t).padStart(8)}  ${median(t.errors)}`,
  );
});
console.log('\nmonth     requests  coverage  median error (business days)');
for (const [month, t] of byMonth)
  console.log(
    `${month.padEnd(9)} ${String(t.n).padStart(8)}  ${pct(t).padStart(8)}  ${median(t.errors)}`,
  );
console.log(
  `\nCoverage: ${pct(overall)} of ${overall.n} requests decided by their expected date (target 75–85 %)`,
);
console.log(`Median error: ${median(overall.errors)} business days`);
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
const coverage = overall.covered / overall.n;
if (coverage < COVERAGE_MIN || coverage > COVERAGE_MAX) {
  console.error(`FAIL: coverage ${pct(overall)} is outside 75–85 %.`);
  process.exit(1);
}
