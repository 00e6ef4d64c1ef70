// Every TanStack Query key of every app, one factory per resource. Queries and invalidations both name these
// factories (never a retyped array), so an invalidation cannot drift from the queries it means to refresh.
//
// Keys are hierarchical: invalidating a key refreshes every query whose key starts with it. Each factory's
// `all` is the prefix of all its keys; the comments say where a key is deliberately nested under another.
import type { QueryParams } from './http-types.ts';

/** The signed-in user (GET /api/me). Kept across sign-in/out resets (see the session mutations). */
export const meKeys = { all: ['me'] as const };

/** The remotes manifest (GET /api/remotes). Kept across sign-in/out resets. */
export const remoteKeys = { all: ['remotes'] as const };

export const programKeys = {
  all: ['programs'] as const,
  list: () => [...programKeys.all, 'list'] as const,
  detail: (slug: string) => [...programKeys.all, 'detail', slug] as const,
  /** Every program's "continue your draft" offer: starting or deleting a draft changes them. */
  drafts: () => [...programKeys.all, 'draft'] as const,
  draft: (slug: string) => [...programKeys.drafts(), slug] as const,
};

export const requestKeys = {
  all: ['requests'] as const,
  /** Every page size of "my requests": what a change to one of the citizen's requests invalidates. */
  mine: () => [...requestKeys.all, 'mine'] as const,
  minePages: (limit: number) => [...requestKeys.mine(), { limit }] as const,
  detail: (id: string) => [...requestKeys.all, 'detail', id] as const,
  /** Under the request's key: refreshing a request (after a 409, say) refreshes its program too. */
  program: (id: string) => [...requestKeys.detail(id), 'program'] as const,
  eligibility: (id: string, language: string, version: number) =>
    [...requestKeys.all, 'eligibility', id, language, version] as const,
};

export const notificationKeys = {
  /** The list and the header's unread badge: what reading or causing a notification invalidates. */
  all: ['notifications'] as const,
  /** The API writes each notification in the page's language, so the language is part of the key. */
  list: (language: string) => [...notificationKeys.all, 'list', language] as const,
  unreadCount: () => [...notificationKeys.all, 'unread'] as const,
};

/** The approver's inbox: queue counts, list pages and the approvers one may reassign to. */
export const inboxKeys = {
  all: ['inbox'] as const,
  counts: () => [...inboxKeys.all, 'counts'] as const,
  list: (query: QueryParams<'/api/inbox'>) => [...inboxKeys.all, 'list', query] as const,
  approvers: () => [...inboxKeys.all, 'approvers'] as const,
};

/** An approver's review page of one request. */
export const reviewKeys = {
  all: ['review'] as const,
  detail: (id: string) => [...reviewKeys.all, id] as const,
};

/** Everything the finance area shows: importing returns invalidates all of it at once. */
export const financeKeys = {
  all: ['finance'] as const,
  /** The Today page (GET /api/finance/today): the work waiting now, no period. */
  today: () => [...financeKeys.all, 'today'] as const,
  overview: (query: QueryParams<'/api/finance/overview'>) =>
    [...financeKeys.all, 'overview', query] as const,
  /** The lists behind the overview's figures (GET /api/finance/payments and /requests). */
  figurePayments: (query: QueryParams<'/api/finance/payments'>) =>
    [...financeKeys.all, 'figure-payments', query] as const,
  figureRequests: (query: QueryParams<'/api/finance/requests'>) =>
    [...financeKeys.all, 'figure-requests', query] as const,
  /** Each program's budget (GET /api/finance/budgets). */
  budgets: (query: QueryParams<'/api/finance/budgets'>) =>
    [...financeKeys.all, 'budgets', query] as const,
  /** Day-by-day or week-by-week series and returns by reason (GET /api/finance/trends). */
  trends: (query: QueryParams<'/api/finance/trends'>) =>
    [...financeKeys.all, 'trends', query] as const,
};

/** Reconciliation (GET /api/finance/reconciliation/…): batches, returns and exceptions, each by its query. */
export const reconciliationKeys = {
  all: [...financeKeys.all, 'reconciliation'] as const,
  batches: (query: QueryParams<'/api/finance/reconciliation/batches'>) =>
    [...reconciliationKeys.all, 'batches', query] as const,
  returns: (query: QueryParams<'/api/finance/reconciliation/returns'>) =>
    [...reconciliationKeys.all, 'returns', query] as const,
  exceptions: (query: QueryParams<'/api/finance/reconciliation/exceptions'>) =>
    [...reconciliationKeys.all, 'exceptions', query] as const,
};

export const paymentKeys = {
  all: [...financeKeys.all, 'payments'] as const,
  list: (query: QueryParams<'/api/payments'>) => [...paymentKeys.all, query] as const,
};

export const batchKeys = {
  all: [...financeKeys.all, 'batches'] as const,
  list: (cursor: string | undefined, status?: 'built') =>
    [...batchKeys.all, 'list', status ?? 'all', cursor ?? null] as const,
  detail: (id: string) => [...batchKeys.all, id] as const,
};

export const nocKeys = {
  all: [...financeKeys.all, 'nocs'] as const,
  list: (cursor: string | undefined) => [...nocKeys.all, cursor ?? null] as const,
};

export const deliveryKeys = {
  all: [...financeKeys.all, 'webhook-deliveries'] as const,
  list: (status: string | undefined, cursor: string | undefined) =>
    [...deliveryKeys.all, status, cursor ?? null] as const,
};

export const serviceTokenKeys = { all: ['admin', 'service-tokens'] as const };

export const webhookEndpointKeys = { all: ['admin', 'webhook-endpoints'] as const };

export const outboxKeys = {
  all: ['admin', 'outbox'] as const,
  list: (query: QueryParams<'/api/admin/outbox'>) => [...outboxKeys.all, query] as const,
};

export const signInThrottleKeys = { all: ['admin', 'sign-in-throttle'] as const };

export const settingsKeys = { all: ['admin', 'settings'] as const };

export const auditKeys = {
  all: ['admin', 'audit'] as const,
  list: (query: QueryParams<'/api/admin/audit'>) => [...auditKeys.all, 'list', query] as const,
  verification: () => [...auditKeys.all, 'verification'] as const,
};

export const staffKeys = {
  all: ['admin', 'staff'] as const,
  list: (query: QueryParams<'/api/staff'>) => [...staffKeys.all, 'list', query] as const,
  detail: (id: string) => [...staffKeys.all, 'detail', id] as const,
};

/** The practice space: every program's practice state and counts (copying, generating, clearing change it). */
export const practiceKeys = {
  all: ['admin', 'practice'] as const,
  overview: () => [...practiceKeys.all, 'overview'] as const,
};

/** The program administration screens: the list, one program, its published versions, a version's diff, and the
 * eligibility preview of a set of rules (keyed by the rules themselves). */
export const adminProgramKeys = {
  all: ['admin-programs'] as const,
  list: () => [...adminProgramKeys.all, 'list'] as const,
  detail: (id: string) => [...adminProgramKeys.all, 'detail', id] as const,
  versions: (id: string) => [...adminProgramKeys.detail(id), 'versions'] as const,
  diff: (id: string, version: number) => [...adminProgramKeys.detail(id), 'diff', version] as const,
  preview: (id: string, rules: unknown) =>
    [...adminProgramKeys.detail(id), 'preview', JSON.stringify(rules)] as const,
};

/** A program's decision rules (issue 14): its versions and automation switch, one entry per program. */
export const decisionRuleKeys = {
  all: ['admin', 'decision-rules'] as const,
  program: (programId: string) => [...decisionRuleKeys.all, programId] as const,
};

/** What a policy simulation starts from: a program's live parameters and rules. */
export const simulationStartKeys = {
  all: ['simulations', 'start'] as const,
  program: (slug: string) => [...simulationStartKeys.all, slug] as const,
};

/** A staff invitation link, checked once when its page opens (the token is the link's). */
export const invitationKeys = {
  check: (token: string | null) => ['invitation', token] as const,
};

/** Background checks and imports of files (issue 12): one job's state, polled while it runs. */
export const importKeys = {
  all: ['admin', 'imports'] as const,
  job: (jobId: string) => [...importKeys.all, 'job', jobId] as const,
};

/**
 * Saved simulation scenarios (issue 14 part 3): the list (per program, or of all programs) and one comparison of
 * two. A save, rename or delete invalidates `all`, which holds the comparisons too (a renamed scenario shows there).
 */
export const scenarioKeys = {
  all: ['simulations', 'scenarios'] as const,
  list: (program: string | null) => [...scenarioKeys.all, 'list', program] as const,
  comparison: (a: string, b: string) => [...scenarioKeys.all, 'compare', a, b] as const,
  detail: (id: string) => [...scenarioKeys.all, 'detail', id] as const,
};
