import { toZonedDate, toZonedDateTime, type PlainDate } from '@hms/contracts/business-days';
import {
  approvedRequestStatuses,
  decidedRequestStatuses,
  tenthsOfDay,
} from '@hms/contracts/finance-overview';
import { languageSchema, type Language } from '@hms/contracts/language';
import {
  evaluateRules,
  verdictOutcome,
  type DecisionRule,
  type RuleInputs,
} from '@hms/contracts/decision-rules';
import { checkEligibility, ruleQuestionIds, type Answers } from '@hms/contracts/question-set';
import { requestStatuses, type RequestStatus } from '@hms/contracts/requests';
import { riskLevels } from '@hms/contracts/risk';
import {
  AMOUNT_BAND_MINIMUMS,
  type QualificationChange,
  type SimulationChanges,
  type SimulationFigures,
  type SimulationScenario,
} from '@hms/contracts/simulations';
import type { ReplayHistory, ReplayRuleInputs } from '../read-models/service.ts';

/**
 * The replay of a period (issue 14 part 3), pure: the API (service.ts) and the fidelity test run this one function
 * over the rows the read model gives. Every choice the replay makes is said where it is made, and gathered in
 * docs/simulation.md. The one rule above all: a parameter the scenario leaves out keeps what happened, so replaying
 * with no change gives back exactly the period's real figures (the finance overview's, by the same definitions:
 * approvedRequestStatuses, decidedRequestStatuses, the paid payments and tenthsOfDay from finance-overview.ts).
 */

/**
 * One request the period's figures may read (submitted, decided or paid in the period), at position `i` of the read
 * model's columns: one object moved from request to request (a million requests make no million objects), with NaN
 * read as null. Nothing may keep it past the next move.
 */
class RequestAt {
  status: RequestStatus = 'draft';
  submittedAt: number | null = null;
  decidedAt: number | null = null;
  dueAt: number | null = null;
  amountRequestedCents = 0;
  approvedAmountCents: number | null = null;
  /** What it commits against the budget now (the programs module's rule, budget_use_cents). */
  budgetUseCents = 0;
  language: Language = 'en';
  /** The first time a person claimed it. */
  claimedAt: number | null = null;
  /** A person's first decision on it (first approval, approval or rejection). */
  firstDecisionAt: number | null = null;
  /** When its first approval of two was made (it went above the threshold); null when it had none. */
  firstApprovalAt: number | null = null;
  /** Its approval was made by a decision rule, without a person. */
  decidedByRule = false;
  /** The validated answers the scenario's rules read; null when it changes no rule or the request has none. */
  answers: Answers | null = null;
  /** What a decision rule weighs about it; read only when the scenario changes the decision rules. */
  ruleInputs: ReplayRuleInputs | null = null;
  private readonly facts: ReplayRuleInputs = {
    riskLevel: 'none',
    approvedBefore: 0,
    returnedBefore: 0,
    accountProven: false,
    applicantIsStaff: false,
  };

  constructor(private readonly h: ReplayHistory) {}

  at(i: number): this {
    const h = this.h;
    this.status = requestStatuses[h.status[i]!]!;
    this.submittedAt = orNull(h.submittedAt[i]!);
    this.decidedAt = orNull(h.decidedAt[i]!);
    this.dueAt = orNull(h.dueAt[i]!);
    this.amountRequestedCents = h.amountRequestedCents[i]!;
    this.approvedAmountCents = orNull(h.approvedAmountCents[i]!);
    this.budgetUseCents = h.budgetUseCents[i]!;
    this.language = languageSchema.options[h.language[i]!]!;
    this.claimedAt = orNull(h.claimedAt[i]!);
    this.firstDecisionAt = orNull(h.firstDecisionAt[i]!);
    this.firstApprovalAt = orNull(h.firstApprovalAt[i]!);
    this.decidedByRule = h.decidedByRule[i] === 1;
    if (h.answers !== null) {
      let answers: Answers | null = null;
      if (h.answers.present[i] === 1) {
        answers = {};
        for (const [id, values] of h.answers.byQuestion)
          if (values[i] !== null && values[i] !== undefined)
            answers[id] = values[i] as Answers[string];
      }
      this.answers = answers;
    }
    const rules = h.ruleInputs;
    if (rules !== null) {
      this.facts.riskLevel = riskLevels[rules.riskLevel[i]!]!;
      this.facts.approvedBefore = rules.approvedBefore[i]!;
      this.facts.returnedBefore = rules.returnedBefore[i]!;
      this.facts.accountProven = rules.accountProven[i] === 1;
      this.facts.applicantIsStaff = rules.applicantIsStaff[i] === 1;
      this.ruleInputs = this.facts;
    }
    return this;
  }
}
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

export interface ReplayInput {
  /** The period as instants [start, end) covering its agency days. */
  start: Date;
  end: Date;
  timeZone: string;
  /** The program's parameters in force now. */
  program: { budgetCents: number; approvalThresholdCents: number };
  /** Committed against the budget, now, by the requests submitted before the period. */
  committedBeforeCents: number;
  /**
   * Every request submitted, decided or with a payment settled in the period, in submission order, with its payment
   * settled in the period and not returned since (the overview's paid figure).
   */
  requests: ReplayHistory;
  /** The review deadline of a request submitted at `submittedAt` under `days` (intake's rule), in milliseconds. */
  dueAt: (submittedAt: number, days: number) => number;
}

const APPROVED: ReadonlySet<RequestStatus> = new Set(approvedRequestStatuses);
const DECIDED: ReadonlySet<RequestStatus> = new Set(decidedRequestStatuses);
const HOUR = 3_600_000;

/**
 * The answers a scenario's rules read (eligibility rules, with their "applies if", and decision-rule conditions on an
 * answer): the replay looks at no other answer, so the read model may leave the others out.
 */
export function answersRead(changes: SimulationChanges): Set<string> {
  const ids = new Set<string>();
  for (const rule of changes.eligibilityRules ?? []) {
    for (const id of ruleQuestionIds(rule)) ids.add(id);
    if (rule.appliesIf) ids.add(rule.appliesIf.questionId);
  }
  for (const rule of changes.decisionRules ?? [])
    for (const c of rule.conditions) if (c.on === 'answer') ids.add(c.questionId);
  return ids;
}

/** percentile_cont over sorted values, as the overview reads its histograms. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = p * (sorted.length - 1);
  const lo = sorted[Math.floor(pos)]!;
  return lo + (pos - Math.floor(pos)) * (sorted[Math.ceil(pos)]! - lo);
}
const HOUR_MS = 3_600_000;

/**
 * toZonedDate, remembered per UTC hour: Intl's formatting costs microseconds, and a replay asks for the agency day of
 * each of up to a million requests. An hour whose first and last millisecond fall on the same agency day, with the
 * wall clock moved by exactly that hour (no change of offset), lies within that one day; any other hour (it holds a
 * midnight or a clock change) is asked instant by instant.
 */
export function zonedDateMemo(timeZone: string): (instant: number) => PlainDate {
  const hours = new Map<number, PlainDate | null>();
  return (instant) => {
    const hour = Math.floor(instant / HOUR_MS);
    let date = hours.get(hour);
    if (date === undefined) {
      const first = toZonedDateTime(new Date(hour * HOUR_MS), timeZone);
      const last = toZonedDateTime(new Date(hour * HOUR_MS + HOUR_MS - 1), timeZone);
      date =
        first.date === last.date && last.secondsOfDay - first.secondsOfDay === 3599
          ? first.date
          : null;
      hours.set(hour, date);
    }
    return date ?? toZonedDate(new Date(instant), timeZone);
  };
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function median(values: number[]): number | null {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** Measured handling: a review from its claim to the person's first decision, a second approval from the first. */
function reviewHandlingMs(r: RequestAt): number | null {
  if (r.claimedAt === null || r.firstDecisionAt === null) return null;
  return Math.max(0, r.firstDecisionAt - r.claimedAt);
}
function secondHandlingMs(r: RequestAt): number | null {
  if (r.firstApprovalAt === null || r.decidedAt === null) return null;
  return Math.max(0, r.decidedAt - r.firstApprovalAt);
}

/**
 * Whether a request submitted in the period would have been accepted under the scenario: its amount within the
 * maximum and its answers through the eligibility rules. A parameter left unchanged is not re-checked: the request
 * passed the rules of its own version when it was submitted (intake refuses the rest), and that is what happened.
 * The rules run through checkEligibility, intake's own code, with "today" the day the request was submitted.
 */
function qualifies(
  r: RequestAt,
  changes: SimulationChanges,
  dayOf: (instant: number) => PlainDate,
): boolean {
  if (changes.maxAmountCents !== undefined && r.amountRequestedCents > changes.maxAmountCents)
    return false;
  if (changes.eligibilityRules === undefined) return true;
  if (r.answers === null || r.submittedAt === null) return false;
  return checkEligibility(changes.eligibilityRules, r.answers, r.language, {
    today: dayOf(r.submittedAt),
  }).eligible;
}

/**
 * Whether the scenario's decision rules approve a request at its submission, as automation would (issue 14 part 1):
 * the first matching rule decides (evaluateRules, the evaluator submission uses), and only its `approve` takes the
 * request from a person. Automation never decides a staff applicant's request nor one above the approval threshold
 * (a person always decides those), and never rejects: a rule approves only a request a person approved in the end,
 * because the replay keeps every human rejection a rejection (it cannot know the person was wrong).
 */
function approvedByRule(
  r: RequestAt,
  rules: readonly DecisionRule[],
  eligible: boolean,
  thresholdCents: number,
): boolean {
  const facts = r.ruleInputs;
  if (facts === null || facts.applicantIsStaff || !APPROVED.has(r.status)) return false;
  if (r.amountRequestedCents > thresholdCents) return false;
  const answers: RuleInputs['answers'] = {};
  for (const [id, value] of Object.entries(r.answers ?? {}))
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      answers[id] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) answers[id] = value;
  const verdict = evaluateRules(rules, {
    amountCents: r.amountRequestedCents,
    answers,
    eligible,
    riskLevel: facts.riskLevel,
    approvedRequests: facts.approvedBefore,
    returnedPayments: facts.returnedBefore,
    prenote: facts.accountProven ? 'proven' : 'none',
  });
  return verdictOutcome(verdict) === 'approve';
}

/** A replay's figures, and which requests qualify under it (by their position in `input.requests`). */
interface Replayed {
  figures: SimulationFigures;
  qualifies: Uint8Array;
}

/**
 * One pass over the requests in submission order: what becomes of each under `changes`, added to the figures as it
 * goes (nothing is kept per request but whether it qualifies: a million outcome objects cost more than the replay).
 */
function replayFigures(input: ReplayInput, changes: SimulationChanges): Replayed {
  const { timeZone, requests } = input;
  const start = input.start.getTime();
  const end = input.end.getTime();
  const inPeriod = (t: number | null) => t !== null && t >= start && t < end;
  const dayOf = zonedDateMemo(timeZone);
  const budget = changes.budgetCents ?? input.program.budgetCents;
  const threshold = changes.approvalThresholdCents ?? input.program.approvalThresholdCents;
  // A second approval the scenario adds takes the period's median measured one (first approval to second), or,
  // when the period has none, the median review: the best measure of a senior's handling the history holds. Only a
  // changed threshold adds one.
  let addedSecondMs = 0;
  if (changes.approvalThresholdCents !== undefined) {
    const measuredSeconds: number[] = [];
    const measuredReviews: number[] = [];
    const r = new RequestAt(requests);
    for (let i = 0; i < requests.length; i++) {
      r.at(i);
      const second = secondHandlingMs(r);
      if (second !== null) measuredSeconds.push(second);
      const review = reviewHandlingMs(r);
      if (review !== null) measuredReviews.push(review);
    }
    addedSecondMs = median(measuredSeconds) ?? median(measuredReviews) ?? 0;
  }

  const f = {
    requestedCents: 0,
    requestedCount: 0,
    eligibleCents: 0,
    eligibleCount: 0,
    approvedCents: 0,
    approvedCount: 0,
    paidCents: 0,
    paidCount: 0,
    overBudgetCents: 0,
    overBudgetCount: 0,
    humanReviewCount: 0,
    secondApprovalCount: 0,
    automatedApprovalCount: 0,
    decidedLateCount: 0,
  };
  let handlingMs = 0;
  const decisionTenths = new Float64Array(requests.length);
  let decisions = 0;
  const outOfScope = new Uint8Array(requests.length);
  const qualified = new Uint8Array(requests.length);
  let committed = input.committedBeforeCents;
  let runOut: string | null = null;

  const r = new RequestAt(requests);
  for (let i = 0; i < requests.length; i++) {
    r.at(i);
    let decidedAt = r.decidedAt;
    let dueAt = r.dueAt;
    let secondApproval = r.firstApprovalAt !== null;
    let handling = secondHandlingMs(r);
    let automated = r.decidedByRule;
    let approvedCents = r.approvedAmountCents ?? r.amountRequestedCents;
    if (!inPeriod(r.submittedAt)) {
      // Submitted before the period: a change applies to the requests submitted under it, so these stand as they
      // happened (and their budget use is already in committedBeforeCents).
      qualified[i] = 1;
    } else {
      const ok = qualifies(r, changes, dayOf);
      qualified[i] = ok ? 1 : 0;
      // A changed rule table decides again; unchanged, the request was decided as it was (by a rule or a person).
      if (changes.decisionRules !== undefined)
        automated = ok && approvedByRule(r, changes.decisionRules, ok, threshold);
      const newlyAutomated = automated && !r.decidedByRule;
      if (automated) approvedCents = r.amountRequestedCents;
      const budgetUse = newlyAutomated ? r.amountRequestedCents : r.budgetUseCents;
      // The budget is consumed in submission order by what each request commits in the end (its approved amount,
      // or what it asks while open; a rejection commits nothing). Unchanged, it refuses nothing (the budgets in
      // force then let these requests in) and only tells when the money committed passed today's budget; changed,
      // the first request that would pass it and every later one that does not fit are refused, as intake refuses
      // a submission larger than what is left.
      let overBudget = false;
      if (ok && budgetUse > 0) {
        if (committed + budgetUse > budget) {
          runOut ??= toZonedDate(new Date(r.submittedAt!), timeZone);
          overBudget = changes.budgetCents !== undefined;
        }
        if (!overBudget) committed += budgetUse;
      }
      // The requested figure is demand: what citizens asked for in the period, whatever the scenario decides.
      f.requestedCount += 1;
      f.requestedCents += r.amountRequestedCents;
      if (ok) {
        f.eligibleCount += 1;
        f.eligibleCents += r.amountRequestedCents;
      }
      if (overBudget) {
        f.overBudgetCount += 1;
        f.overBudgetCents += r.amountRequestedCents;
      }
      if (!ok || overBudget) {
        // Refused at the door: no review, no decision, no payment.
        outOfScope[i] = 1;
        continue;
      }
      // The human outcome stands where the request stays in scope (a rejection stays a rejection). A changed
      // threshold decides which approvals needed a senior second approval: one added moves the decision later by
      // the measured median, one removed makes the first approval the final one.
      if (newlyAutomated) {
        // Approved by the rule at submission: decided then, with no person's review nor second approval.
        decidedAt = r.submittedAt;
        secondApproval = false;
        handling = null;
      } else if (changes.approvalThresholdCents !== undefined && APPROVED.has(r.status)) {
        const needed =
          (r.approvedAmountCents ?? r.amountRequestedCents) > changes.approvalThresholdCents;
        if (needed && !secondApproval && decidedAt !== null) {
          // Whole milliseconds, as an instant is (the median may fall between two).
          decidedAt = Math.trunc(decidedAt + addedSecondMs);
          handling = addedSecondMs;
        } else if (!needed && secondApproval) {
          decidedAt = r.firstApprovalAt;
          handling = null;
        }
        secondApproval = needed;
      }
      if (changes.reviewDeadlineDays !== undefined)
        dueAt = input.dueAt(r.submittedAt!, changes.reviewDeadlineDays);
    }
    // A request the scenario's rules approve has no person's review; one a rule approved in fact had none either.
    if (!(automated && !r.decidedByRule) && inPeriod(r.firstDecisionAt)) {
      f.humanReviewCount += 1;
      handlingMs += reviewHandlingMs(r) ?? 0;
    }
    if (!inPeriod(decidedAt)) continue;
    if (secondApproval) {
      f.secondApprovalCount += 1;
      handlingMs += handling ?? 0;
    }
    if (APPROVED.has(r.status)) {
      f.approvedCount += 1;
      f.approvedCents += approvedCents;
      if (automated) f.automatedApprovalCount += 1;
    }
    if (DECIDED.has(r.status) && r.submittedAt !== null) {
      decisionTenths[decisions++] = tenthsOfDay(decidedAt! - r.submittedAt);
      if (dueAt !== null && decidedAt! > dueAt) f.decidedLateCount += 1;
    }
  }
  for (let i = 0; i < requests.length; i++) {
    if (outOfScope[i]) continue;
    const paid = requests.paidCents[i]!;
    if (Number.isNaN(paid)) continue;
    f.paidCount += 1;
    f.paidCents += paid;
  }
  const days = Array.from(decisionTenths.subarray(0, decisions).sort(), (t) => t / 10);
  return {
    figures: {
      ...f,
      budgetRunOutDate: runOut,
      budgetCents: budget,
      committedBeforeCents: input.committedBeforeCents,
      reviewerHours: Math.round((handlingMs / HOUR) * 10) / 10,
      daysToDecision: {
        count: days.length,
        medianDays: round1(percentile(days, 0.5)),
        p90Days: round1(percentile(days, 0.9)),
      },
    },
    qualifies: qualified,
  };
}

function qualificationChange(h: ReplayHistory, positions: readonly number[]): QualificationChange {
  const byAmountBand = AMOUNT_BAND_MINIMUMS.map((minCents, i) => ({
    minCents,
    maxCents: AMOUNT_BAND_MINIMUMS[i + 1] ?? null,
    count: 0,
    cents: 0,
  }));
  const byLanguage = languageSchema.options.map((language) => ({ language, count: 0 }));
  let cents = 0;
  for (const i of positions) {
    const amount = h.amountRequestedCents[i]!;
    cents += amount;
    const band = byAmountBand.findLast((b) => amount >= b.minCents)!;
    band.count += 1;
    band.cents += amount;
    byLanguage[h.language[i]!]!.count += 1;
  }
  return { count: positions.length, cents, byAmountBand, byLanguage };
}

/**
 * The period as it happened (no change) and under the scenario's changes, with who newly qualifies and who no
 * longer does among the requests submitted in the period.
 */
export function replay(
  input: ReplayInput,
  changes: SimulationChanges,
): { baseline: SimulationFigures; scenario: SimulationScenario } {
  const base = replayFigures(input, {});
  // No change replays exactly as the baseline (the same function over the same rows): it is not run twice.
  const unchanged = Object.values(changes).every((v) => v === undefined);
  const scen = unchanged ? base : replayFigures(input, changes);
  const newly: number[] = [];
  const noLonger: number[] = [];
  if (!unchanged) {
    const start = input.start.getTime();
    const end = input.end.getTime();
    const submitted = input.requests.submittedAt;
    for (let i = 0; i < input.requests.length; i++) {
      // NaN (no submission time) is neither before nor after: compared, it is out of the period.
      if (!(submitted[i]! >= start && submitted[i]! < end)) continue;
      if (scen.qualifies[i] && !base.qualifies[i]) newly.push(i);
      if (!scen.qualifies[i] && base.qualifies[i]) noLonger.push(i);
    }
  }
  return {
    baseline: base.figures,
    scenario: {
      ...scen.figures,
      newlyQualifying: qualificationChange(input.requests, newly),
      noLongerQualifying: qualificationChange(input.requests, noLonger),
    },
  };
}
