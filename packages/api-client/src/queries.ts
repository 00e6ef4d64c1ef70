import {
  infiniteQueryOptions,
  mutationOptions,
  queryOptions,
  type QueryClient,
} from '@tanstack/react-query';
import { apiClient, unwrap } from './client.ts';
import { getQueryOptions } from './get-query.ts';
import { ApiProblem } from './problem.ts';
import type { RequestBody } from './http-types.ts';
import {
  inboxKeys,
  meKeys,
  notificationKeys,
  programKeys,
  remoteKeys,
  requestKeys,
} from './query-keys.ts';

export type SignInBody = RequestBody<'/api/auth/sign-in', 'post'>;
export type RegisterBody = RequestBody<'/api/auth/register', 'post'>;
export type UpdateMeBody = RequestBody<'/api/me', 'patch'>;

async function fetchMe(signal?: AbortSignal) {
  try {
    const body = await unwrap(apiClient.GET('/api/me', { signal }));
    return body.user;
  } catch (error) {
    // Signed out is a normal state of the session, not an error to show.
    if (error instanceof ApiProblem && error.status === 401) return null;
    throw error;
  }
}

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof fetchMe>>>;
export type Role = CurrentUser['roles'][number];

/** The signed-in user, or `null` when signed out. */
export function meQueryOptions() {
  return queryOptions({
    queryKey: meKeys.all,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Remote entry URLs, read at run time so a remote can be redeployed without rebuilding the shell. */
export function remotesQueryOptions() {
  return queryOptions({
    queryKey: remoteKeys.all,
    queryFn: async ({ signal }) =>
      (await unwrap(apiClient.GET('/api/remotes', { signal }))).remotes,
    staleTime: Infinity,
  });
}

export function programsQueryOptions() {
  return queryOptions({
    queryKey: programKeys.list(),
    queryFn: async ({ signal }) => (await unwrap(apiClient.GET('/api/programs', { signal }))).items,
    staleTime: 5 * 60_000,
  });
}
export type Program = Awaited<
  ReturnType<NonNullable<ReturnType<typeof programsQueryOptions>['queryFn']>>
>[number];

/** The citizen's own requests, one server page (cursor) at a time. */
export function myRequestsQueryOptions({ limit = 20 }: { limit?: number } = {}) {
  return infiniteQueryOptions({
    queryKey: requestKeys.minePages(limit),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        apiClient.GET('/api/requests/mine', {
          params: { query: { limit, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function inboxCountsQueryOptions() {
  return queryOptions({
    ...getQueryOptions(inboxKeys.counts(), '/api/inbox/counts'),
    // Queues move while an approver works; refresh them on a short interval.
    refetchInterval: 60_000,
  });
}

/** The citizen's unread notifications, for the header's badge (re-checked every minute). */
export function unreadNotificationsQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async ({ signal }) =>
      (await unwrap(apiClient.GET('/api/notifications/unread-count', { signal }))).unread,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

/**
 * A new session (a sign-in, a confirmed registration): what the previous user saw is dropped (the remotes' code and
 * the user query stay), and the new user is cached.
 */
function startSession<U>(queryClient: QueryClient, user: U) {
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] !== meKeys.all[0] && q.queryKey[0] !== remoteKeys.all[0],
  });
  queryClient.setQueryData(meKeys.all, user);
}

/**
 * Mutations take the QueryClient so a change of session is reflected everywhere at once:
 * signing in or out replaces the cached user and drops data that belonged to the previous user.
 */
export function signInMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['auth', 'sign-in'],
    mutationFn: async (body: SignInBody) =>
      (await unwrap(apiClient.POST('/api/auth/sign-in', { body }))).user,
    onSuccess: (user) => startSession(queryClient, user),
  });
}

export function registerMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'register'],
    // The API answers the same way whether or not the email was already registered (no account
    // enumeration): "check your email"; the emailed link finishes it (confirmRegistrationMutationOptions).
    mutationFn: (body: RegisterBody) => unwrap(apiClient.POST('/api/auth/register', { body })),
  });
}

/** Follows the emailed registration link: the account is created and signed in, like a sign-in. */
export function confirmRegistrationMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['auth', 'register-confirm'],
    mutationFn: async (token: string) =>
      (await unwrap(apiClient.POST('/api/auth/register/confirm', { body: { token } }))).user,
    onSuccess: (user) => startSession(queryClient, user),
  });
}

export function signOutMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['auth', 'sign-out'],
    mutationFn: async () => {
      await apiClient.POST('/api/auth/sign-out');
    },
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== remoteKeys.all[0] });
      queryClient.setQueryData(meKeys.all, null);
    },
  });
}

export function updateMeMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['me', 'update'],
    mutationFn: async (body: UpdateMeBody) =>
      (await unwrap(apiClient.PATCH('/api/me', { body }))).user,
    onSuccess: (user) => {
      queryClient.setQueryData(meKeys.all, user);
    },
  });
}
