// The single public entry of @hms/api-client. Module Federation shares this file as one module,
// so every remote uses the same client instance and the same ApiProblem class (instanceof works across apps).
export { apiClient, createApiClient, problemMiddleware, unwrap } from './client.ts';
export type { ApiClient, ApiClientOptions } from './client.ts';
export { ApiProblem, isApiProblem, problemFromResponse } from './problem.ts';
export type { FieldError } from './problem.ts';
export { CSRF_COOKIE, CSRF_HEADER, csrfMiddleware, readCookie } from './csrf.ts';
export { getQueryOptions, type GetPath } from './get-query.ts';
export {
  inboxCountsQueryOptions,
  meQueryOptions,
  myRequestsQueryOptions,
  programsQueryOptions,
  registerMutationOptions,
  confirmRegistrationMutationOptions,
  remotesQueryOptions,
  signInMutationOptions,
  signOutMutationOptions,
  unreadNotificationsQueryOptions,
  updateMeMutationOptions,
} from './queries.ts';
export {
  adminProgramKeys,
  batchKeys,
  decisionRuleKeys,
  simulationStartKeys,
  deliveryKeys,
  financeKeys,
  inboxKeys,
  meKeys,
  nocKeys,
  notificationKeys,
  outboxKeys,
  paymentKeys,
  reconciliationKeys,
  practiceKeys,
  programKeys,
  remoteKeys,
  requestKeys,
  reviewKeys,
  serviceTokenKeys,
  settingsKeys,
  auditKeys,
  importKeys,
  invitationKeys,
  signInThrottleKeys,
  staffKeys,
  webhookEndpointKeys,
  scenarioKeys,
} from './query-keys.ts';
export type { QueryParams, RequestBody, ResponseBody } from './http-types.ts';
export type {
  CurrentUser,
  Program,
  RegisterBody,
  Role,
  SignInBody,
  UpdateMeBody,
} from './queries.ts';
export type { paths } from './schema';
