import type { ErrorCode, FieldErrorCode } from '@hms/contracts/error-codes';

/**
 * The English half of the error message catalog (see ./error-messages.ts for how it is used and loaded). Typed against
 * the code list in @hms/contracts/error-codes: a new code without its message fails typecheck. Loaded only when a
 * screen first needs an error message in this language, so it is never part of a page's first download.
 */
export const errorMessages: Record<ErrorCode, string> = {
  'validation.failed':
    'Some of the information needs fixing. Check what you entered and try again.',
  'validation.cursor_invalid': 'This list could not be continued. Reload the page to start again.',
  'validation.date_range_reversed': 'The end date is before the start date. Change one of them.',
  'http.invalid_json': 'The information sent could not be read. Reload the page and try again.',
  'http.empty_body': 'Nothing was sent. Reload the page and try again.',
  'http.unsupported_media_type':
    'The information was sent in a form the service does not accept. Reload the page and try again.',
  'http.body_too_large': 'What you sent is too large. Send less at once.',
  'http.bad_request': 'The service could not process this. Reload the page and try again.',
  'http.route_not_found': 'We could not find what you asked for. Check the address.',
  'server.unavailable': 'The service is not available right now. Try again in a few minutes.',
  'server.internal':
    'Something went wrong on our side. Try again; if it keeps happening, contact support and quote {requestId}.',
  'auth.not_signed_in': 'You are not signed in, or your session ended. Sign in to continue.',
  'auth.sign_in_failed': 'The email or password is not right. Check them and try again.',
  'auth.too_many_attempts': 'There were too many attempts to sign in. Wait, then try again.',
  'auth.password_rejected': 'Choose a different password, as explained below.',
  'auth.role_required': 'Your account does not have permission to do this.',
  'auth.cross_site':
    'This request came from another site, so it was refused. Use HMS from its own address.',
  'auth.csrf_failed': 'Your page has expired. Reload the page and try again.',
  'auth.token_invalid': 'The access token is missing, wrong, expired or revoked.',
  'auth.token_expired': 'This service token has expired. Ask an HMS administrator for a new one.',
  'auth.token_scope_missing':
    'The access token does not allow this. Ask an administrator for one that does.',
  'auth.confirmation_invalid':
    'This confirmation link is wrong, already used or expired. Register again to get a new one.',
  'auth.throttle_not_found': 'No failed sign-ins are counted for this account any more.',
  'program.not_found': 'We could not find this program. Choose one from the list of programs.',
  'program.slug_taken': 'Another program already uses this web address. Choose a different one.',
  'program.not_published': 'This program has not been published yet. Publish it first.',
  'program.archived': 'This program is archived and can no longer be changed.',
  'program.checklist_incomplete':
    'The program cannot go live yet. Fix the items listed in the checklist.',
  'program.publish_pending':
    'A request to publish is already waiting for approval. Approve or withdraw it first.',
  'program.no_publish_request': 'There is no request to publish waiting for approval.',
  'program.own_publish_request':
    'You asked to publish this change, so a different administrator must approve it.',
  'program.version_not_found': 'We could not find that version of the program.',
  'program.version_is_live': 'That version is already live. Choose an earlier one.',
  'program.closes_before_today':
    'Give a closing date that is today or later, then open the program.',
  'program.draft_has_changes':
    'The program already has a draft with changes that are not published. Confirm that the scenario should replace it.',
  'decision_rules.version_not_found':
    'We could not find this version of the rules. Reload the page.',
  'decision_rules.not_draft':
    'This version is no longer a draft, so it cannot change. Start a new draft from it.',
  'decision_rules.draft_exists':
    'This program already has a draft of its rules. Open and change that draft instead.',
  'decision_rules.no_test_cases': 'Add at least one test case before the rules can go live.',
  'decision_rules.test_cases_failing':
    'Some test cases do not get the outcome they expect. Fix the rules or the test cases, then publish again.',
  'decision_rules.rule_errors':
    'Some rules read answers the program does not have, or in a way they cannot be read. Fix the rules listed.',
  'program.closed': 'This program is not accepting applications now. Any draft you have is kept.',
  'program.budget_exhausted':
    'This program has only {remainingCents} left. Ask for a smaller amount or come back later; your draft is kept.',
  'request.not_found':
    'We could not find this request. Check the link, or open it from your list of requests.',
  'request.already_submitted':
    'This application was already sent, so it can no longer be changed. Follow it from "My requests".',
  'request.stale_version':
    'This was changed on another device, in another tab or by someone else after you opened it, so your change was not saved. Reload the page to see the latest version, then make your change again.',
  'request.step_unknown': 'This step is not part of the application. Go back to the start.',
  'request.idempotency_key_reused':
    'This submission was already used for another application. Reload the page and submit again.',
  'request.declaration_required': 'Confirm the declaration before you submit.',
  'request.bank_account_missing': 'Give the bank account for the payment before you submit.',
  'request.not_eligible': 'From your answers, you do not meet the rules of this program.',
  'request.no_open_info_request':
    'There is no open question on this request, so there is nothing to answer.',
  'request.documents_not_attached':
    'Some files are not attached to this request. Upload them again, then send your answer.',
  'request.draft_not_deletable':
    'Only a draft can be deleted. This application was already sent; you can withdraw it instead.',
  'request.not_withdrawable':
    'This request can no longer be withdrawn: it was never sent, or a decision was already made.',
  'request.not_payment_returned':
    'A new bank account can be given only after the bank returned a payment.',
  'request.no_returned_payment': 'There is no returned payment on this request.',
  'request.return_not_account':
    'The payment was not returned because of the bank account. The agency will contact you.',
  'document.missing': 'Choose a file to upload.',
  'import.file_missing': 'Choose a CSV or Excel file to check.',
  'import.file_too_large':
    'The file is larger than {megabytes} MB. Split it, or import it with the hms import command.',
  'import.file_unreadable':
    'The file cannot be read as CSV or as an Excel workbook. Save it as CSV (UTF-8) or as .xlsx, with a header row, and choose it again.',
  'import.error_file_gone':
    'The error file is no longer available. Check the file again to get a new one.',
  'import.job_gone':
    'This check or import is no longer known (the server restarted, or it is over an hour old), and no finished import has its number. Nothing was imported by it. Choose the file and run it again.',
  'import.job_failed':
    'The check or import stopped because of an unexpected failure. Nothing was imported. Run it again; if it fails again, contact support.',
  'import.already_running':
    'Another import is running. Only one import runs at a time: wait until it finishes, then import this file. You can check files meanwhile.',
  'document.too_large': 'The file is too large. Choose a smaller file.',
  'document.type_not_accepted': 'This type of file is not accepted. Upload a PDF, JPG or PNG file.',
  'document.form_files_draft_only':
    'Files for the application form can be added only before you send it.',
  'document.upload_closed':
    'Files can be added only to a draft, or when we have asked you for more information.',
  'document.not_found': 'We could not find this file.',
  'document.kept_with_request':
    'This file was sent with the request and is kept with it. It cannot be removed.',
  'request.own_request':
    'You applied for this request, so you cannot work on it. Another person must.',
  'request.no_payee_account':
    'This request has no bank account for the payment. Ask the applicant for one first.',
  'request.held_by_other':
    '{holder} is working on this request. Choose another one, or ask a senior approver to reassign it.',
  'request.already_yours': 'You are already working on this request.',
  'request.not_claimable':
    'This request cannot be taken now. Reload the list to see its current state.',
  'request.not_claimed': 'Nobody is working on this request, so there is nothing to release.',
  'request.not_assignable':
    'This request changed or cannot be reassigned now. Reload the page and try again.',
  'request.not_in_review':
    'You can ask for more information only while the request is in review. Reload the page to see its current state.',
  'request.not_decidable':
    'This request cannot be approved or rejected in its current state. Reload the page to see it.',
  'request.senior_only':
    'This request waits for a second approval, which only a senior approver can give.',
  'request.referred_to_senior':
    'A decision rule sent this request to a senior approver. Only a senior approver can take it or decide on it.',
  'request.second_approver_same':
    'You gave the first approval, so a different senior approver must give the second.',
  'request.assignee_invalid': 'This person cannot take this request. Choose someone else.',
  'decision.amount_above_requested':
    'The amount is more than was requested. Approve at most {limitCents}.',
  'decision.amount_above_first_approval':
    'A second approval can confirm or lower the first approval, not raise it. Approve at most {limitCents}.',
  'decision.amount_above_program_max':
    'The amount is more than the program maximum. Approve at most {limitCents}.',
  'decision.amount_above_budget':
    'The amount is more than the program has left. Approve at most {limitCents}, or ask finance to extend the budget.',
  'notification.not_found': 'We could not find this notification.',
  'batch.not_found': 'We could not find this batch.',
  'batch.payments_not_batchable':
    'Some selected payments cannot be put in a batch. Reload the list and select only pending payments.',
  'batch.file_ids_exhausted':
    'No more files can be built today. Build the batch on the next business day.',
  'batch.not_built': 'Only a batch that was built and not yet released can be released.',
  'batch.dual_control': 'You built this batch, so another finance supervisor must release it.',
  'batch.release_conflict_of_interest':
    'You approved or applied for a payment in this batch, so another finance supervisor must release it.',
  'batch.effective_date_passed':
    'The payment date of this batch can no longer be met. Cancel it and build a new one.',
  'batch.not_cancellable': 'A released batch cannot be cancelled: it may already be at the bank.',
  'batch.not_released': 'The batch is not released yet, so there is no file to send.',
  'batch.not_settleable': 'Only a released batch can be marked settled.',
  'returns.file_unreadable':
    'This is not a bank file HMS can read. Ask the bank for the original file.',
  'returns.file_empty': 'The file holds no returned payments and no account corrections.',
  'noc.not_found': 'We could not find this account correction.',
  'noc.already_decided': 'This account correction was already applied or dismissed.',
  'noc.correction_invalid':
    'The corrected bank details are not valid. Dismiss this correction and contact the bank.',
  'reconciliation.exception_not_found':
    'This exception is no longer open (it cleared or someone resolved it). Reload the list.',
  'reconciliation.exception_not_resolvable':
    'This exception clears when its own action is taken (settle the batch, decide the correction), not by hand.',
  'token.not_found': 'We could not find this access token.',
  'token.already_revoked': 'This access token is already revoked. Create a new one instead.',
  'token.expired': 'This access token has expired. Create a new one instead of rotating it.',
  'webhook.url_refused':
    'This address is not allowed: webhooks cannot go to internal, private or local addresses. Use the public HTTPS address of the receiving system.',
  'webhook.endpoint_not_found': 'We could not find this webhook endpoint.',
  'webhook.delivery_not_found': 'We could not find this delivery.',
  'webhook.delivery_queued': 'This delivery is already waiting to be sent. Wait for that attempt.',
  'practice.program_not_practice':
    'This program is not a practice program. Choose a program marked practice, or make a practice copy first.',
  'practice.program_has_requests':
    'This program already has real requests, so it cannot be marked practice. Make a practice copy of it instead.',
  'practice.program_has_practice_requests':
    'This program still holds practice requests. Clear them first, then unmark it.',
  'practice.answers_not_generated':
    'HMS could not make up answers that meet this program’s form and rules. Check the questions listed, or use another program.',
  'simulation.scenario_not_found':
    'We could not find this saved scenario. It may have been deleted. Choose another from the list.',
  'simulation.scenario_name_taken':
    'This program already has a saved scenario with that name. Choose a different name.',
  'simulation.compare_same_scenario': 'Choose two different scenarios to compare.',
  'simulation.compare_programs_differ':
    'These scenarios are for different programs. Choose two scenarios of the same program.',
  'simulation.compare_periods_differ':
    'These scenarios cover different periods. Choose two scenarios of the same period.',
  'quality.sample_not_found':
    'We could not find this quality sample. Go back to the quality-check queue and choose another.',
  'quality.original_decider':
    'You made this decision (or gave its first approval), so someone else must re-check it.',
  'quality.own_request': 'You applied for this request, so someone else must re-check it.',
  'quality.already_rechecked':
    'Someone re-checked this sample already. Go back to the queue to see the ones still waiting.',
  'settings.stale_version':
    'Someone else changed the settings after you opened this page. Reload the page to see their change, then make yours again.',
  'email.not_found': 'We could not find this email in the outbox.',
  'email.not_dead':
    'Only an email HMS stopped trying to send can be sent again. This one is queued or already sent.',
  'staff.not_found': 'We could not find this staff member. Go back to the list and try again.',
  'staff.email_taken':
    'An account with this email already exists. Search the staff list for it, or use a different email.',
  'staff.roles_required': 'Choose at least one role.',
  'staff.roles_separation_of_duties':
    'One person cannot both approve requests and release payments. Remove the approver or senior approver role, or the finance supervisor role.',
  'staff.roles_citizen_with_staff':
    'A citizen account cannot also have a staff role. Invite the person with a work email instead.',
  'staff.last_admin':
    'You are the last active administrator. Make someone else an administrator first.',
  'staff.not_invited':
    'This person has already accepted their invitation, so there is nothing to resend or revoke.',
  'staff.no_pending_invitation': 'This person has no invitation that still works. Send a new one.',
  'staff.already_deactivated': 'This person is already deactivated.',
  'staff.not_deactivated': 'This person is not deactivated.',
  'staff.invitation_invalid':
    'This invitation link does not work: it was already used, revoked or has expired. Ask your administrator to send you a new one.',
};

/** Messages for a field's error code (`errors[].code`). */
export const fieldErrorMessages: Record<FieldErrorCode, string> = {
  'field.required': 'Enter this information.',
  'field.invalid': 'Check this value.',
  'field.too_short': 'Enter at least {minimum} characters.',
  'field.too_long': 'Enter at most {maximum} characters.',
  'field.too_small': 'Enter a number of at least {minimum}.',
  'field.too_large': 'Enter a number of at most {maximum}.',
  'field.too_few': 'Choose at least {minimum}.',
  'field.too_many': 'Choose at most {maximum}.',
  'field.invalid_format': 'Check the format of this value.',
  'field.invalid_choice': 'Choose one of the options.',
  'field.control_characters': 'Remove the special control characters from this text.',
  'password.length': 'Use {minimum} to {maximum} characters for your password.',
  'password.common':
    'This password is on a list of commonly used passwords. Choose a longer phrase that is unique to you.',
  'password.contains_email':
    'Your password must not contain your email address. Choose a different one.',
  'import.column_unknown':
    'The column “{column}” is not part of this format. Remove it or rename it to one of the documented columns.',
  'import.column_missing': 'The column “{column}” is missing. Add it to the header row.',
  'import.column_duplicate': 'The column “{column}” appears twice in the header. Keep only one.',
  'import.mapping_column_absent':
    'The mapping names the column “{column}”, which the file’s header does not have. Correct the mapping or the header.',
  'import.cell_number_inexact':
    'This cell is a number with too many digits for a spreadsheet to keep exactly. Format the column as text, type the value again, and check the file again.',
  'import.row_malformed':
    'This line does not have one cell per column, or a quote is not closed. Fix the line.',
  'import.value_missing': 'Enter a value in this column.',
  'import.value_too_long': 'Shorten this value to at most {maximum} characters.',
  'import.control_characters': 'Remove the special control characters from this value.',
  'import.external_id_duplicate':
    'This external_id is already used on an earlier row of the file. Give each row its own external_id.',
  'import.email_invalid': 'Enter an email address such as name@example.com.',
  'import.email_duplicate':
    'This email is already used by another payee in the file. Give each payee their own email.',
  'import.email_taken': 'This email already belongs to another account. Use the payee’s own email.',
  'import.phone_invalid': 'Enter a phone number of 10 to 15 digits.',
  'import.language_invalid': 'Write en for English or es for Spanish.',
  'import.routing_invalid': 'Enter the 9-digit routing number exactly as shown on a check.',
  'import.account_invalid': 'Enter an account number of 4 to 17 digits, numbers only.',
  'import.account_type_invalid': 'Write checking or savings.',
  'import.bank_account_shared':
    'The same bank account belongs to another payee. Check that this is right; the row is still imported.',
  'import.program_unknown':
    'There is no program with this name. Use the web address name (slug) of an existing program.',
  'import.program_not_published': 'This program has no published version yet. Publish it first.',
  'import.payee_unknown':
    'No payee has this external_id. Import the payees file first, or correct the id.',
  'import.amount_invalid':
    'Write the amount in dollars and cents, such as 1234.50, without $ or thousands separators.',
  'import.amount_not_positive': 'Enter an amount greater than zero.',
  'import.amount_above_maximum':
    'The amount is above the program’s maximum. Enter at most the maximum the program allows.',
  'import.status_unknown':
    'Use one of: submitted, in_review, needs_info, approved, rejected, paid, withdrawn.',
  'import.date_invalid':
    'Write the date as YYYY-MM-DD or a date-time such as 2024-03-01T14:30:00Z.',
  'import.date_in_future': 'This date is in the future. Enter the date it really happened.',
  'import.date_required_for_status': 'This status needs this date. Enter it.',
  'import.date_before_submitted':
    'This date is before submitted_at. A request is decided and paid only after it was submitted.',
  'import.decided_by_unknown':
    'No staff account has this email. Leave it empty or use a staff member’s email.',
  'import.paid_amount_changed':
    'This request was already paid, so its amount cannot change. Keep the amount that was paid.',
  'import.paid_status_changed':
    'This request was already paid, so it stays paid. Keep the status paid.',
  'import.payment_in_progress':
    'The payment of this request is already on its way to the bank, so the request cannot change now.',
  'import.hms_record_changed':
    'This row is a record made in HMS (its external_id starts with hms-), and an import does not change those. Change it in HMS, or put the row back as it was exported.',
  'question_set.no_steps': 'The form has no questions. Add at least one question.',
  'question_set.step_empty':
    'The step “{step}” has no questions. Add a question or remove the step.',
  'question_set.step_id_invalid':
    'The step “{step}” needs an id that starts with a letter and uses only letters, digits and _.',
  'question_set.step_id_duplicate':
    'The step “{step}” has the same id as another step ({id}). Give it another id.',
  'question_set.step_text_missing':
    'The step “{step}” has no {text}. Write it in English and Spanish.',
  'question_set.step_spanish_missing':
    'The {text} of the step “{step}” has no Spanish. Add the Spanish text.',
  'question_set.step_english_missing':
    'The {text} of the step “{step}” has no English. Add the English text.',
  'question_set.id_invalid':
    'The question “{question}” needs an id that starts with a letter and uses only letters, digits and _ (up to 64).',
  'question_set.id_duplicate':
    'The question “{question}” has the same id as another question ({id}). Give it another id.',
  'question_set.text_missing':
    'The question “{question}” has no {text}. Write it in English and Spanish.',
  'question_set.spanish_missing':
    'The {text} of the question “{question}” has no Spanish. Add the Spanish text.',
  'question_set.english_missing':
    'The {text} of the question “{question}” has no English. Add the English text.',
  'question_set.setting_not_applicable':
    'The setting “{setting}” does not apply to the question “{question}” for its type. Remove it or change the type.',
  'question_set.limit_invalid':
    'The setting “{setting}” of the question “{question}” is not a valid number. Enter a whole number (cents for money, never negative).',
  'question_set.length_limits_reversed':
    'The question “{question}” asks for at least {minimum} characters but at most {maximum}. Make the shortest answer no longer than the longest.',
  'question_set.value_limits_reversed':
    'The question “{question}” has a smallest answer ({minimum}) larger than its largest ({maximum}). Swap or change them.',
  'question_set.date_limit_invalid':
    'The setting “{setting}” of the question “{question}” is not a real date. Enter a date, or choose today.',
  'question_set.date_limits_reversed':
    'The question “{question}” has an earliest date ({minimum}) after its latest ({maximum}). Change one of them.',
  'question_set.pattern_invalid':
    'The format of the question “{question}” is not a valid pattern. Correct or remove it.',
  'question_set.accept_empty':
    'The question “{question}” accepts no type of file. Choose at least one.',
  'question_set.options_too_few':
    'The question “{question}” needs at least {minimum} options. Add options.',
  'question_set.option_value_missing':
    'An option of the question “{question}” has no value. Give every option a value.',
  'question_set.option_value_duplicate':
    'The question “{question}” has two options with the value {value}. Give each option its own value.',
  'question_set.option_text_missing':
    'The option “{option}” of the question “{question}” has no text. Write it in English and Spanish.',
  'question_set.option_spanish_missing':
    'The option “{option}” of the question “{question}” has no Spanish. Add the Spanish text.',
  'question_set.option_english_missing':
    'The option “{option}” of the question “{question}” has no English. Add the English text.',
  'question_set.prefill_not_applicable':
    'The question “{question}” cannot be filled in from the account for its type. Remove the prefill or change the type.',
  'question_set.condition_question_missing':
    'The question “{question}” depends on an answer that is not in this form. Choose an earlier question.',
  'question_set.condition_question_later':
    'The question “{question}” depends on “{target}”, which does not come before it. A question can only depend on an earlier one.',
  'question_set.condition_on_document':
    'The question “{question}” depends on “{target}”, a file upload, which has no answer to compare. Choose another question.',
  'question_set.condition_value_missing':
    'The question “{question}” depends on “{target}” but says no answer. Choose the answer that shows it.',
  'question_set.condition_value_invalid':
    'The question “{question}” is shown when “{target}” is {value}, which it can never be. Choose one of its answers.',
};
