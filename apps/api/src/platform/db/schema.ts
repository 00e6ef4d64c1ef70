import type { ColumnType, Generated, JSONColumnType, Kysely, Transaction } from 'kysely';
import type { Role } from '@hms/contracts/auth';
import type { RequestStatus } from '@hms/contracts/requests';
import type { TemplateContext } from '../notification-templates.ts';
import type { RequestEventType } from '@hms/contracts/request-events';
import type { Language } from '@hms/contracts/language';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T extends object = Record<string, unknown>> = JSONColumnType<T, string, string>;

export interface UsersTable {
  id: string;
  email: string;
  /** Null while an invited staff member has not yet chosen a password (migration 0011). */
  password_hash: string | null;
  display_name: string;
  language: Generated<Language>;
  created_at: CreatedAt;
}

/** Migration 0010: registrations waiting for their email confirmation. */
export interface PendingRegistrationsTable {
  id: string;
  token_hash: string;
  email: string;
  password_hash: string;
  display_name: string;
  language: Language;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface UserRolesTable {
  user_id: string;
  role: Role;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_kind: 'user' | 'system' | 'token' | 'anonymous';
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: Json<Record<string, unknown>>;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface OutboxEventsTable {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  published_at: Timestamp | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  status: Generated<'queued' | 'running' | 'done' | 'dead'>;
  last_error: string | null;
  locked_until: Timestamp | null;
  created_at: CreatedAt;
}

export interface ProgramsTable {
  id: string;
  slug: string;
  version: Generated<number>;
  name_en: string;
  name_es: string;
  description_en: string;
  description_es: string;
  eligibility_en: string;
  eligibility_es: string;
  sec_code: 'PPD' | 'CCD';
  max_amount_cents: number;
  budget_cents: number;
  approval_threshold_cents: number;
  review_deadline_days: number;
  requires_prenote: Generated<boolean>;
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
  definition: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface RequestsTable {
  id: string;
  reference: string;
  program_id: string;
  program_version: number;
  applicant_id: string;
  status: RequestStatus;
  answers: Json<Record<string, unknown>>;
  amount_requested_cents: number;
  approved_amount_cents: number | null;
  assigned_to: string | null;
  first_approver_id: string | null;
  version: Generated<number>;
  idempotency_key: string | null;
  submitted_at: Timestamp | null;
  due_at: Timestamp | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** Intake (0100): ids of the draft's steps saved valid so far. */
  completed_steps: ColumnType<string[], string | undefined, string>;
}

/** Intake (0100): the bank account a request pays into (approvals' 0200 adds it too, guarded). */
export interface RequestsTable {
  payee_account_id: string | null;
}

export interface PayeeAccountsTable {
  id: string;
  user_id: string;
  holder_name: string;
  account_type: 'checking' | 'savings';
  routing_number: string;
  account_number_enc: string;
  account_last4: string;
  key_id: string;
  created_at: CreatedAt;
}

export type PaymentStatus =
  'pending' | 'prenote_sent' | 'batched' | 'released' | 'settled' | 'returned' | 'cancelled';

export interface PaymentsTable {
  id: string;
  request_id: string;
  payee_account_id: string;
  amount_cents: number;
  status: PaymentStatus;
  batch_id: string | null;
  replaces_payment_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RequestEventsTable {
  id: string;
  request_id: string;
  type: RequestEventType;
  from_status: RequestStatus | null;
  to_status: RequestStatus | null;
  actor_id: string | null;
  actor_kind: 'user' | 'system' | 'token';
  data: Json<Record<string, unknown>>;
  visible_to_applicant: boolean;
  created_at: CreatedAt;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  request_id: string | null;
  event_id: string | null;
  /** The language it was sent in (the email's); the in-app text is rendered in the reader's language when read. */
  language: Language;
  title: string;
  body: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
  /** The notification template (the request event type) and the values it uses (migration 0004). */
  template: string | null;
  params: Json<TemplateContext> | null;
}

export interface EmailOutboxTable {
  id: string;
  notification_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  status: Generated<'queued' | 'sent' | 'dead'>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

/** Intake (migration 0100): uploaded documents, bytes in the row. */
export interface DocumentsTable {
  id: string;
  request_id: string;
  uploaded_by: string;
  question_id: string | null;
  filename: string;
  mime_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_at: CreatedAt;
}

/**
 * Intake (migration 0101): each version of a program's definition, written by triggers on programs. Submitted
 * requests are shown with the definition of their program_version, not today's.
 */
export interface ProgramVersionsTable {
  program_id: string;
  version: number;
  definition: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

/** Kysely table types. Modules that add tables in their migration ranges extend this interface here. */
export interface Database {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  auth_throttle: AuthThrottleTable;
  pending_registrations: PendingRegistrationsTable;
  audit_log: AuditLogTable;
  outbox_events: OutboxEventsTable;
  jobs: JobsTable;
  programs: ProgramsTable;
  requests: RequestsTable;
  payee_accounts: PayeeAccountsTable;
  payments: PaymentsTable;
  request_events: RequestEventsTable;
  notifications: NotificationsTable;
  email_outbox: EmailOutboxTable;
  documents: DocumentsTable;
  program_versions: ProgramVersionsTable;
  program_drafts: ProgramDraftsTable;
  program_publish_requests: ProgramPublishRequestsTable;
}

// ── Program administration (migration 0110), owned by the programs module. ──
export interface ProgramsTable {
  archived_at: Timestamp | null;
  admin_changed_at: Timestamp | null;
}

export interface ProgramVersionsTable {
  published_by: string | null;
  approved_by: string | null;
  change_summary: string | null;
  publish_request_id: string | null;
}

export interface ProgramDraftsTable {
  program_id: string;
  slug: string;
  definition: Json<Record<string, unknown>>;
  revision: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ProgramPublishRequestsTable {
  id: string;
  program_id: string;
  kind: 'publish' | 'revert';
  state: Generated<'pending' | 'published' | 'withdrawn' | 'superseded'>;
  definition: Json<Record<string, unknown>>;
  draft_revision: number;
  revert_to_version: number | null;
  change_summary: string;
  second_approval_required: boolean;
  requested_by: string;
  requested_at: CreatedAt;
  decided_by: string | null;
  decided_at: Timestamp | null;
  published_version: number | null;
}

// ── Approvals (migration 0200): declaration merging adds the columns and tables of the approvals modules. ──
export interface RequestsTable {
  payee_account_id: string | null;
  risk_level: Generated<'none' | 'low' | 'medium' | 'high'>;
  risk_computed_at: Timestamp | null;
  /** 0203: when the citizen answered a request for information that nobody has acted on since; null otherwise. */
  info_answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** 0211: a decision rule referred it to a senior approver (request-rules#actionRefusal). */
  referred_to_senior: Generated<boolean>;
}

export interface PayeeAccountsTable {
  fingerprint: string | null;
  verification_state: Generated<string>;
}

export interface DecisionsTable {
  id: string;
  request_id: string;
  kind: 'approve' | 'reject' | 'request_info';
  /** 0210: null on an approval made by a decision rule (then rule_version_id, rule_id and rule_position say which). */
  actor_id: string | null;
  at_version: number;
  from_status: RequestStatus;
  to_status: RequestStatus;
  approved_amount_cents: number | null;
  reason_code: string | null;
  message: string | null;
  payment_id: string | null;
  created_at: CreatedAt;
  rule_version_id: ColumnType<string | null, string | null | undefined, never>;
  rule_id: ColumnType<string | null, string | null | undefined, never>;
  rule_position: ColumnType<number | null, number | null | undefined, never>;
}

export interface RequestCommentsTable {
  id: string;
  request_id: string;
  author_id: string;
  body: string;
  created_at: CreatedAt;
}

export interface RiskSignalsTable {
  request_id: string;
  kind: string;
  level: 'low' | 'medium' | 'high';
  explanation: string;
  data: Json<Record<string, unknown>>;
  computed_at: Timestamp;
}

export interface Database {
  decisions: DecisionsTable;
  request_comments: RequestCommentsTable;
  risk_signals: RiskSignalsTable;
}

// ---- Payments, ACH, returns, webhooks, service tokens (migration 0300; issue 5). Declaration merging keeps the
// shared interfaces above untouched.
/** YYYY-MM-DD text. */
type DateColumn = string;

export interface PaymentsTable {
  trace_number: string | null;
  effective_date: string | null;
  prenote_ready_on: string | null;
  return_code: string | null;
  return_reason_en: string | null;
  return_reason_es: string | null;
  account_fixable: boolean | null;
  returned_at: Timestamp | null;
  released_at: Timestamp | null;
  settled_at: Timestamp | null;
}

export type BatchStatus = 'built' | 'released' | 'settled' | 'cancelled';

export interface AchBatchesTable {
  id: string;
  status: BatchStatus;
  file_date: DateColumn;
  file_id_modifier: string;
  effective_date: DateColumn;
  same_day: boolean;
  entry_count: number;
  prenote_count: number;
  total_cents: number;
  file_enc: string;
  key_id: string;
  file_sha256: string;
  built_by: string;
  built_at: CreatedAt;
  released_by: string | null;
  released_at: Timestamp | null;
  cancelled_by: string | null;
  cancelled_at: Timestamp | null;
  settled_at: Timestamp | null;
  settled_by_kind: 'user' | 'token' | null;
  settled_by: string | null;
  download_count: Generated<number>;
}

export interface AchEntriesTable {
  id: string;
  batch_id: string;
  payment_id: string;
  payee_account_id: string;
  program_id: string;
  kind: 'payment' | 'prenote';
  transaction_code: number;
  amount_cents: number;
  trace_number: string;
  created_at: CreatedAt;
}

export interface ReturnFilesTable {
  id: string;
  sha256: string;
  file_name: string;
  uploaded_by: string;
  uploaded_at: CreatedAt;
  result: Json<Record<string, unknown>>;
}

export interface AchReturnsTable {
  id: string;
  return_file_id: string;
  entry_id: string;
  payment_id: string;
  return_code: string;
  amount_cents: number;
  original_trace_number: string;
  addenda_information: Generated<string>;
  created_at: CreatedAt;
}

export interface AchNocsTable {
  id: string;
  return_file_id: string;
  entry_id: string;
  payment_id: string;
  payee_account_id: string;
  change_code: string;
  corrected_enc: string;
  key_id: string;
  corrected_summary: Json<Record<string, unknown>>;
  status: Generated<'pending' | 'applied' | 'dismissed'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface WebhookEndpointsTable {
  id: string;
  url: string;
  description: Generated<string>;
  event_types: ColumnType<string[], string[], string[]>;
  secret_enc: string;
  key_id: string;
  enabled: Generated<boolean>;
  created_by: string;
  created_at: CreatedAt;
}

export interface WebhookFanoutTable {
  event_id: string;
  done_at: CreatedAt;
}

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  body: string;
  status: 'pending' | 'delivered' | 'failed' | 'dead';
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  delivered_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  at: CreatedAt;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface ServiceTokensTable {
  id: string;
  name: string;
  scopes: ColumnType<string[], string[], string[]>;
  token_hash: string;
  token_prefix: string;
  created_by: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  rotated_from: string | null;
  /** 0310: when the token stops working; null = until revoked. */
  expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ServiceTokenUsesTable {
  id: string;
  token_id: string;
  at: CreatedAt;
  method: string;
  path: string;
  status_code: number;
  ip: string | null;
}

export interface Database {
  ach_batches: AchBatchesTable;
  ach_entries: AchEntriesTable;
  return_files: ReturnFilesTable;
  ach_returns: AchReturnsTable;
  ach_nocs: AchNocsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_fanout: WebhookFanoutTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  service_tokens: ServiceTokensTable;
  service_token_uses: ServiceTokenUsesTable;
}

// ── Agency settings (migration 0015, owner: modules/settings): one row, edited by an administrator. ──
export interface AgencySettingsTable {
  id: Generated<number>;
  company_name: string;
  company_id: string;
  odfi_routing: string;
  immediate_destination: string;
  immediate_destination_name: string;
  immediate_origin: string;
  immediate_origin_name: string;
  same_day_cutoff: string;
  prenote_wait_days: number;
  session_ttl_hours: number;
  session_idle_minutes: number;
  publish_needs_second_approval: Generated<boolean>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  agency_settings: AgencySettingsTable;
}

// ---- Staff accounts (migration 0011; issue 11, item 5). users.status and the invitations an admin sends.
export type UserStatus = 'invited' | 'active' | 'deactivated';

export interface UsersTable {
  status: Generated<UserStatus>;
  deactivated_at: Timestamp | null;
}

export interface StaffInvitationsTable {
  id: string;
  user_id: string;
  token_hash: string;
  invited_by: string | null;
  language: Language;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface Database {
  staff_invitations: StaffInvitationsTable;
}

// ---- Practice space (migration 0120_practice; issue 11 item 9). A practice program holds generated training requests
// only; its applicants are users marked practice.
export interface ProgramsTable {
  practice: Generated<boolean>;
}

export interface UsersTable {
  practice: Generated<boolean>;
}

// ---- Imports (migration 0130_imports; issue 12). Owned by modules/imports.
export interface ImportRunsTable {
  id: string;
  kind: 'payees' | 'requests';
  file_name: string;
  file_sha256: string;
  dry_run: Generated<boolean>;
  status: 'completed' | 'rejected';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  report: Json<Record<string, unknown>>;
  started_by: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface ImportedRecordsTable {
  kind: 'payees' | 'requests';
  external_id: string;
  /** The user (payees) or the request (requests) the row became. */
  entity_id: string;
  /** sha256 of the normalised row (the account number only as its keyed fingerprint). */
  row_hash: string;
  import_run_id: string;
  source_file: string;
  /** The payee's phone from the file: the account has no phone of its own yet. */
  phone: string | null;
  /** 0131: a request's note from the file. */
  note: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  import_runs: ImportRunsTable;
  imported_records: ImportedRecordsTable;
}

/** What a repo reads and writes through: the database, or the transaction a caller passes in. */
export type Queryable = Kysely<Database> | Transaction<Database>;

// ── Reconciliation (migration 0340, owner: modules/reconciliation): exceptions closed by hand, with a note. ──
export interface ReconciliationResolutionsTable {
  id: string;
  exception_id: string;
  reason: string;
  resolution: 'written_off' | 'confirmed_with_bank';
  note: string;
  amount_cents: number;
  resolved_by: string;
  resolved_at: CreatedAt;
}

export interface Database {
  reconciliation_resolutions: ReconciliationResolutionsTable;
}

// ── Decision rules (migration 0210, owner: modules/decision-rules). ──
export interface DecisionRuleVersionsTable {
  id: string;
  program_id: string;
  version: number;
  status: 'draft' | 'live' | 'retired';
  rules: Json<unknown[]>;
  test_cases: Json<unknown[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  published_by: string | null;
  published_at: Timestamp | null;
  retired_at: Timestamp | null;
}

export interface RuleEvaluationsTable {
  id: string;
  request_id: string;
  program_id: string;
  rule_version_id: string | null;
  rule_position: number | null;
  rule_id: string | null;
  rule_label: string | null;
  outcome: 'approve' | 'refer' | 'refer_senior' | 'none';
  effect: 'approved' | 'referred' | 'referred_senior' | 'person_decides';
  held_back:
    | 'automation_off'
    | 'above_threshold'
    | 'staff_applicant'
    | 'no_budget'
    | 'no_payee_account'
    | null;
  inputs: Json<Record<string, unknown>>;
  evaluated_at: CreatedAt;
}

export interface ProgramAutomationTable {
  program_id: string;
  enabled: boolean;
  changed_by: string | null;
  changed_at: Timestamp;
}

export interface Database {
  decision_rule_versions: DecisionRuleVersionsTable;
  rule_evaluations: RuleEvaluationsTable;
  program_automation: ProgramAutomationTable;
}

// ── Quality sampling (migration 0250, owner: modules/quality). ──
export interface QualitySharesTable {
  program_id: string;
  human_bp: number;
  automated_bp: number;
  changed_by: string | null;
  changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface QualitySamplesTable {
  id: string;
  decision_id: string;
  request_id: string;
  program_id: string;
  source: 'human' | 'automated';
  outcome: 'approve' | 'reject';
  amount_cents: ColumnType<string | null, number | null, number | null>;
  decider_id: string | null;
  first_approver_id: string | null;
  rule_version_id: string | null;
  rule_version: number | null;
  rule_id: string | null;
  rule_position: number | null;
  share_bp: number;
  decided_at: Timestamp;
  drawn_at: CreatedAt;
}

export interface QualityRechecksTable {
  id: string;
  sample_id: string;
  reviewer_id: string;
  outcome: 'approve' | 'reject';
  agrees: boolean;
  note: string;
  created_at: CreatedAt;
}

export interface Database {
  quality_shares: QualitySharesTable;
  quality_samples: QualitySamplesTable;
  quality_rechecks: QualityRechecksTable;
}

// ── Saved simulation scenarios (migration 0240, owner: modules/simulations). ──
export interface SimulationScenariosTable {
  id: string;
  program_id: string;
  name: string;
  period_from: string;
  period_to: string;
  changes: Json;
  created_by: string;
  created_at: CreatedAt;
  updated_by: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  simulation_scenarios: SimulationScenariosTable;
}
