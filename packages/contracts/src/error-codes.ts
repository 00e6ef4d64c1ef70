/**
 * Every machine code a problem document can carry (`code`), each with what it means. Declared once here: the API
 * can only throw a code from this list (a typo fails typecheck), and the screens' message catalogs (English and
 * Spanish) are typed against it, so a code without a translation fails typecheck too. Codes are stable: rename one
 * only together with every client that reads it. The English `title`/`detail` stay for API clients and logs; the
 * screens show the catalog message for the code in the reader's language.
 */
export const ERROR_CODES = {
  // The request itself (HTTP level), raised by the platform before any module runs.
  'validation.failed': 'Some fields are missing or wrong; `errors` names each field and the fix.',
  'validation.cursor_invalid': 'The paging cursor was not one the API returned.',
  'validation.date_range_reversed': 'A date range ends before it starts.',
  'http.invalid_json': 'The body is not valid JSON.',
  'http.empty_body': 'A JSON content type was sent with an empty body.',
  'http.unsupported_media_type': 'The body is not application/json.',
  'http.body_too_large': 'The body is larger than the API accepts.',
  'http.bad_request': 'The request could not be processed (another 4xx from the HTTP layer).',
  'http.route_not_found': 'No API route or page matches the method and path.',
  'server.unavailable': 'A dependency (the database) is not reachable; try again later.',
  'server.internal': 'An unexpected failure; quote the requestId to support.',

  // Signing in and permissions.
  'auth.not_signed_in': 'No valid session: sign in.',
  'auth.sign_in_failed': 'The email or password is wrong.',
  'auth.too_many_attempts': 'Too many failed sign-ins; `params.minutes` says how long to wait.',
  'auth.password_rejected': 'The chosen password is too weak or too common.',
  'auth.role_required': 'The account lacks a role this action needs.',
  'auth.cross_site': 'A state-changing request came from another site.',
  'auth.csrf_failed': 'The CSRF token was missing or did not match.',
  'auth.token_invalid': 'The service token is missing, wrong, expired or revoked.',
  'auth.token_scope_missing': 'The service token lacks the scope this action needs.',
  'auth.token_expired': 'The service token passed its expiry date; an admin must issue a new one.',
  'auth.confirmation_invalid':
    'The registration confirmation link is wrong, already used or expired.',
  'auth.throttle_not_found': 'No sign-in failures are counted for that account.',

  // Programs.
  'program.not_found': 'The program does not exist.',
  'program.closed': 'The program does not accept applications now; `params.reason` says why.',
  'program.budget_exhausted': 'The program has less budget left than the amount asked for.',
  // Program administration (issue 11).
  'program.slug_taken': 'Another program already uses this web address (slug).',
  'program.not_published': 'The program has no live version yet: publish it first.',
  'program.archived': 'The program is archived and can no longer change.',
  'program.checklist_incomplete':
    'The go-live checklist does not hold; `errors` names each field or question to fix.',
  'program.publish_pending': 'A publish request is already waiting for approval.',
  'program.no_publish_request': 'There is no publish request waiting for approval.',
  'program.own_publish_request': 'The administrator who asked to publish cannot approve it.',
  'program.version_not_found': 'The program has no such version.',
  'program.version_is_live': 'That version is already the live one.',
  'program.closes_before_today': 'To open the program, give a closing date from today on.',
  'program.draft_has_changes':
    'The program draft has unpublished changes (or a publish request waits); confirm replacing it to go on.',
  // Decision rules (issue 14).
  'decision_rules.version_not_found': 'The program has no decision rules version with that id.',
  'decision_rules.not_draft':
    'Only a draft version of the decision rules can be changed or published.',
  'decision_rules.draft_exists':
    'The program already has a draft of its decision rules: change that one (`params.version`).',
  'decision_rules.no_test_cases':
    'A rules version needs at least one test case before it can go live.',
  'decision_rules.test_cases_failing':
    'Some test cases do not get their expected outcome; `errors` names each one.',
  'decision_rules.rule_errors':
    'Some rules read answers the program does not have or cannot read; `errors` names each one.',

  // Saved simulation scenarios (issue 14 part 3).
  'simulation.scenario_not_found': 'There is no saved scenario with that id.',
  'simulation.scenario_name_taken':
    'The program already has a saved scenario with that name (letter case ignored).',
  'simulation.compare_same_scenario': 'A comparison needs two different saved scenarios.',
  'simulation.compare_programs_differ':
    'The two scenarios are of different programs; only scenarios of one program compare.',
  'simulation.compare_periods_differ':
    'The two scenarios cover different periods; a comparison replays one period (`params` names both).',

  // Quality sampling (issue 14 part 1).
  'quality.sample_not_found': 'There is no quality sample with that id.',
  'quality.original_decider':
    'The caller made (or gave the first approval of) the sampled decision, so cannot re-check it.',
  'quality.own_request': 'The caller applied for the sampled request, so cannot re-check it.',
  'quality.already_rechecked': 'The sample was already re-checked; each sample is re-decided once.',

  // The citizen's application.
  'request.not_found': 'The request does not exist or is not visible to the caller.',
  'request.already_submitted': 'The application was already submitted and can no longer be edited.',
  'request.stale_version':
    'The request changed (another device, tab or person) since it was loaded.',
  'request.step_unknown': 'The step is not part of this program’s form.',
  'request.idempotency_key_reused': 'The Idempotency-Key was already used for another request.',
  'request.declaration_required': 'The declaration was not confirmed.',
  'request.bank_account_missing': 'No bank account was given before submitting.',
  'request.not_eligible': 'The answers do not meet the program’s eligibility rules.',
  'request.no_open_info_request': 'There is no open request for more information to answer.',
  'request.documents_not_attached':
    'Some files named in the answer are not attached to the request.',
  'request.draft_not_deletable': 'Only a draft can be deleted; this request was submitted.',
  'request.not_withdrawable': 'The request cannot be withdrawn in its current state.',
  'request.not_payment_returned':
    'A new bank account can be given only after a payment was returned.',
  'request.no_returned_payment': 'The request has no returned payment.',
  'request.return_not_account': 'The payment return was not about the bank account.',

  // Documents.
  'document.missing': 'No file was sent.',
  'document.too_large': 'The file is larger than allowed.',
  'document.type_not_accepted': 'The file type is not one of the accepted types.',
  'document.form_files_draft_only':
    'Form files can be added only while the application is a draft.',
  // Imports in the browser (issue 12): the upload itself, before or after the rows are checked.
  'import.file_missing': 'No CSV file was sent (the multipart part named "file").',
  'import.file_too_large': 'The file is larger than the upload accepts (`params.megabytes` MB).',
  'import.file_unreadable':
    'The file cannot be read as CSV at all (empty, not UTF-8 text, broken quoting).',
  'import.error_file_gone':
    'The error file of that check is no longer kept (kept for an hour, for the admin who ran it).',
  'import.job_gone':
    'The check or import is not known any more (the API restarted, or it is over an hour old) and no finished import has that id: nothing was imported by it; run it again.',
  'import.job_failed':
    'The check or import stopped on an unexpected failure; nothing was imported (all or nothing). Run it again.',
  'import.already_running':
    'Another import is running; one import at a time. Wait for it to finish (checks may run meanwhile).',
  'document.upload_closed': 'Files can be added only to a draft or when information was requested.',
  'document.not_found': 'The file does not exist or is not visible to the caller.',
  'document.kept_with_request': 'A file sent with a submitted request cannot be removed.',

  // Review and decisions (staff).
  'request.own_request': 'The staff member applied for this request, so cannot work on it.',
  'request.no_payee_account': 'The request has no payee bank account.',
  'request.held_by_other': 'Another approver holds (has claimed) the request.',
  'request.already_yours': 'The caller already holds the request.',
  'request.not_claimable': 'The request is in a state that cannot be claimed.',
  'request.not_claimed': 'Nobody holds the request, so there is nothing to release.',
  'request.not_assignable': 'The request cannot be reassigned in its current state.',
  'request.not_in_review': 'More information can be asked only while the request is in review.',
  'request.not_decidable': 'The request is not in a state where it can be approved or rejected.',
  'request.senior_only':
    'The request awaits a second approval, which only a senior approver gives.',
  'request.referred_to_senior':
    'A decision rule referred the request to a senior approver: only a senior approver may take or decide it.',
  'request.second_approver_same':
    'The second approval must come from someone other than the first.',
  'request.assignee_invalid': 'The chosen assignee cannot take this request.',
  'decision.amount_above_requested': 'The approved amount is more than the amount requested.',
  'decision.amount_above_first_approval':
    'A second approval cannot raise the first approval’s amount.',
  'decision.amount_above_program_max': 'The approved amount is more than the program maximum.',
  'decision.amount_above_budget': 'The approved amount is more than the program budget left.',

  // Notifications.
  'notification.not_found': 'The notification does not exist or is not the caller’s.',

  // Payments, batches, returns (finance).
  'batch.not_found': 'The ACH batch does not exist.',
  'batch.payments_not_batchable': 'Some selected payments do not exist or are not pending.',
  'batch.file_ids_exhausted': 'All 36 file id modifiers were used today.',
  'batch.not_built': 'Only a built batch can be released.',
  'batch.dual_control': 'The person who built a batch cannot release it.',
  'batch.release_conflict_of_interest':
    'The releaser approved or applied for a payment in the batch.',
  'batch.effective_date_passed': 'The batch’s effective date can no longer be met.',
  'batch.not_cancellable': 'A released batch cannot be cancelled.',
  'batch.not_released': 'The batch has not been released, so there is no file to send.',
  'batch.not_settleable': 'Only a released batch can be settled.',
  'returns.file_unreadable': 'The uploaded file is not a NACHA file HMS can read.',
  'returns.file_empty': 'The file holds no returns and no notifications of change.',
  'noc.not_found': 'The notification of change does not exist.',
  'noc.already_decided': 'The notification of change was already applied or dismissed.',
  'noc.correction_invalid':
    'The corrected bank details in the notification of change are not valid.',
  'reconciliation.exception_not_found':
    'No open exception has that id (it may have cleared since the list was loaded).',
  'reconciliation.exception_not_resolvable':
    'That exception is cleared by its own action (settle the batch, decide the correction), not by hand.',

  // Administration.
  'token.not_found': 'The service token does not exist.',
  'token.already_revoked': 'The service token is already revoked.',
  'token.expired': 'The service token has expired, so it cannot be rotated; create a new one.',
  'webhook.url_refused':
    'The webhook address is not allowed (a loopback, private, link-local or metadata address).',
  'webhook.endpoint_not_found': 'The webhook endpoint does not exist.',
  'webhook.delivery_not_found': 'The webhook delivery does not exist.',
  'webhook.delivery_queued': 'The delivery is already queued for another attempt.',
  'settings.stale_version':
    'The settings were changed by someone else since they were loaded; reload and apply the change again.',
  'email.not_found': 'The email is not in the outbox.',
  'email.not_dead': 'Only an email HMS gave up on (dead) can be sent again.',

  // Practice space (training data).
  'practice.program_not_practice':
    'The program is not marked practice, so it cannot hold practice requests.',
  'practice.program_has_requests':
    'The program already has requests of its own; only a program without requests can be marked practice.',
  'practice.program_has_practice_requests':
    'The program still holds practice requests; clear them before unmarking it.',
  'practice.answers_not_generated':
    'No answers could be generated that meet the program form and rules; `errors` names the questions.',
  // Staff accounts (issue 11, item 5).
  'staff.not_found': 'There is no staff account with that id.',
  'staff.email_taken': 'An account with that email already exists (staff or citizen).',
  'staff.roles_required': 'A staff member needs at least one staff role.',
  'staff.roles_separation_of_duties':
    'The roles would let one person both approve and release the same money (an approving role with finance_supervisor).',
  'staff.roles_citizen_with_staff': 'A citizen account cannot also hold a staff role.',
  'staff.last_admin': 'The change would leave no active administrator.',
  'staff.not_invited':
    'The person already accepted their invitation (or was deactivated): there is none to resend or revoke.',
  'staff.no_pending_invitation': 'The person has no invitation that still works.',
  'staff.already_deactivated': 'The person is already deactivated.',
  'staff.not_deactivated': 'The person is not deactivated.',
  'staff.invitation_invalid':
    'The invitation link is wrong, already used, revoked or expired; `params.reason` says which.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/**
 * Codes for one field's error (`errors[].code`), for the common validation failures, so a form can say them in
 * the reader's language. A field error without a code is specific enough that only its message says it.
 */
export const FIELD_ERROR_CODES = {
  'field.required': 'The field is required.',
  'field.invalid': 'The value is not valid for this field.',
  'field.too_short': 'The text is shorter than `params.minimum` characters.',
  'field.too_long': 'The text is longer than `params.maximum` characters.',
  'field.too_small': 'The number is less than `params.minimum`.',
  'field.too_large': 'The number is more than `params.maximum`.',
  'field.too_few': 'Fewer than `params.minimum` items were chosen.',
  'field.too_many': 'More than `params.maximum` items were chosen.',
  'field.invalid_format': 'The text does not have the expected format (email, date, id, …).',
  'field.invalid_choice': 'The value is not one of the allowed choices.',
  'field.control_characters':
    'The text contains control characters (such as NUL) that cannot be stored.',

  // The password rules that need data or other fields (the common-password list, the email).
  'password.length': 'The password is not `params.minimum` to `params.maximum` characters long.',
  'password.common': 'The password is on the list of commonly used passwords.',
  'password.contains_email': 'The password contains the email address.',

  // Imports (issue 12): one row's problem in an imported file; the report names the line (`row`) and the column.
  'import.column_unknown': 'A header names a column the format does not have (`params.column`).',
  'import.column_missing': 'A column the format requires is not in the header (`params.column`).',
  'import.column_duplicate': 'The header names the same column twice (`params.column`).',
  'import.mapping_column_absent':
    'The column mapping names a file column (`params.column`) that the header does not have.',
  'import.cell_number_inexact':
    'A spreadsheet number cell has more digits than a number keeps exactly (over 15): format the column as text.',
  'import.row_malformed':
    'A line does not have the same number of cells as the header, or its quotes are not closed.',
  'import.value_missing': 'A required value is empty.',
  'import.value_too_long': 'A value is longer than `params.maximum` characters.',
  'import.control_characters':
    'A value contains control characters (such as NUL or an escape code).',
  'import.external_id_duplicate': 'The same external_id appears on more than one row of the file.',
  'import.email_invalid': 'The email address is not valid.',
  'import.email_duplicate': 'The same email is on more than one payee of the file.',
  'import.email_taken':
    'The email already belongs to an account that this import did not create for this external_id.',
  'import.phone_invalid': 'The phone number is not 10 to 15 digits.',
  'import.language_invalid': 'The language is not en or es.',
  'import.routing_invalid': 'The routing number is not 9 digits with a valid ABA check digit.',
  'import.account_invalid': 'The account number is not 4 to 17 digits.',
  'import.account_type_invalid': 'The account type is not checking or savings.',
  'import.bank_account_shared':
    'Warning only (the row is not rejected): the same bank account is on another payee, the way the risk signal reports it.',
  'import.program_unknown': 'No program has this slug.',
  'import.program_not_published': 'The program has no live version to import requests into.',
  'import.payee_unknown': 'No payee was imported with this external_id.',
  'import.amount_invalid': 'The amount is not dollars and cents such as 1234.50.',
  'import.amount_not_positive': 'The amount is zero or negative.',
  'import.amount_above_maximum': 'The amount is above the program maximum.',
  'import.status_unknown': 'The status is not one a request can be imported in.',
  'import.date_invalid': 'The date is not an ISO 8601 date or date-time.',
  'import.date_in_future': 'The date is later than now.',
  'import.date_required_for_status':
    'The status needs this date (decided_at for a decision, paid_at for paid).',
  'import.date_before_submitted': 'A decision or payment date is before submitted_at.',
  'import.decided_by_unknown': 'decided_by_email is not a staff account.',
  'import.paid_amount_changed':
    'The row would change the amount of a request that was already paid.',
  'import.paid_status_changed':
    'The row would change the status of a request that was already paid.',
  'import.payment_in_progress':
    'The row would change a request whose payment is already in a bank file.',
  'import.hms_record_changed':
    'The row names a record made in HMS (an hms- id from an export) and differs from it: imports do not change those.',

  // A program's form (question set): what questionSetProblems reports, naming the question (`params.question`).
  'question_set.no_steps': 'The form has no questions.',
  'question_set.step_empty': 'A step has no questions; `params.step` names it.',
  'question_set.step_id_invalid': 'A step id is not letters, digits and _ starting with a letter.',
  'question_set.step_id_duplicate': 'Two steps have the same id.',
  'question_set.step_text_missing': 'A step text (`params.text`) is missing in both languages.',
  'question_set.step_spanish_missing': 'A step text has English but no Spanish.',
  'question_set.step_english_missing': 'A step text has Spanish but no English.',
  'question_set.id_invalid': 'A question id is not letters, digits and _ starting with a letter.',
  'question_set.id_duplicate': 'Two questions have the same id.',
  'question_set.text_missing': 'A question text (`params.text`) is missing in both languages.',
  'question_set.spanish_missing': 'A question text has English but no Spanish.',
  'question_set.english_missing': 'A question text has Spanish but no English.',
  'question_set.setting_not_applicable':
    'A setting (`params.setting`) does not apply to the question’s type.',
  'question_set.limit_invalid': 'A limit (`params.setting`) is not a valid number for it.',
  'question_set.length_limits_reversed': 'The shortest answer allowed is longer than the longest.',
  'question_set.value_limits_reversed': 'The smallest answer allowed is more than the largest.',
  'question_set.date_limit_invalid': 'A date limit is not a real date or "today".',
  'question_set.date_limits_reversed': 'The earliest date allowed is after the latest.',
  'question_set.pattern_invalid': 'The format (a regular expression) cannot be read.',
  'question_set.accept_empty': 'A file question accepts no file type.',
  'question_set.options_too_few': 'A choice question has fewer than `params.minimum` options.',
  'question_set.option_value_missing': 'An option has no value.',
  'question_set.option_value_duplicate': 'Two options of a question have the same value.',
  'question_set.option_text_missing': 'An option has no label in either language.',
  'question_set.option_spanish_missing': 'An option label has English but no Spanish.',
  'question_set.option_english_missing': 'An option label has Spanish but no English.',
  'question_set.prefill_not_applicable': 'The prefill source does not fit the question’s type.',
  'question_set.condition_question_missing':
    'A condition depends on a question that is not in the form.',
  'question_set.condition_question_later': 'A condition depends on the same or a later question.',
  'question_set.condition_on_document':
    'A condition depends on a file question, which has no answer to compare.',
  'question_set.condition_value_missing': 'A condition has no answer to compare with.',
  'question_set.condition_value_invalid':
    'A condition compares with a value the earlier question can never have.',
} as const satisfies Record<string, string>;

export type FieldErrorCode = keyof typeof FIELD_ERROR_CODES;
export const fieldErrorCodes = Object.keys(FIELD_ERROR_CODES) as [
  FieldErrorCode,
  ...FieldErrorCode[],
];

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && Object.hasOwn(FIELD_ERROR_CODES, value);
}

/** Safe values a message may interpolate (a reference, a count, an amount in cents): never personal data. */
export type ProblemParams = Record<string, string | number>;
