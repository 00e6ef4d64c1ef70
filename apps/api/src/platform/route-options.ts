import type { FastifySchema, onRequestAsyncHookHandler, RouteShorthandOptions } from 'fastify';
import type { Role } from '@hms/contracts/auth';
import { AREA_ROLES } from '@hms/contracts/areas';
import type { problemSchema } from '@hms/contracts/problem';
import { requireRoles } from './auth/plugin.ts';
import { problemResponses, type ProblemStatus } from './problem-responses.ts';

/** What a route says for itself: its OpenAPI operation, its inputs and its own responses. */
type OperationSchema = FastifySchema & {
  operationId: string;
  summary: string;
  description: string;
  response: Record<number, unknown>;
};

/**
 * The options of a group of routes that share who may call them, their OpenAPI tag and the errors they answer
 * with, said once per group instead of on every route. Every group answers 400 (validation), 401 and 403 (session,
 * CSRF, role), plus `problems`. Access is `roles` (requireRoles), another `onRequest` guard, or neither (public).
 * `route(schema)` gives one route's options: the guard, then the schema with the group's tag after the operationId
 * (the order the document always had) and the group's problem responses added to the route's own; `extra` adds
 * other route options (`bodyLimit`, `config`).
 */
export function routeGroup<E extends ProblemStatus = never>(group: {
  tag: string;
  roles?: readonly [Role, ...Role[]];
  onRequest?: onRequestAsyncHookHandler;
  problems?: readonly E[];
}) {
  const problems: Record<400 | 401 | 403 | E, typeof problemSchema> = problemResponses<
    400 | 401 | 403 | E
  >(400, 401, 403, ...(group.problems ?? []));
  const onRequest = group.roles ? requireRoles(...group.roles) : group.onRequest;
  const guard = onRequest ? { onRequest } : {};
  const tags = [group.tag];
  return <S extends OperationSchema, X extends Omit<RouteShorthandOptions, 'schema'>>(
    { operationId, ...schema }: S,
    extra?: X,
  ) => ({
    ...guard,
    ...extra,
    schema: {
      operationId,
      tags,
      ...schema,
      response: { ...schema.response, ...problems },
    },
  });
}

/** A route description's first sentence, naming the roles its group lets in: "Roles: admin, finance." */
export const rolesLine = (roles: readonly Role[]): string => `Roles: ${roles.join(', ')}.`;

// Each workspace's groups let in the roles that open its area (contracts' AREA_ROLES, which the shell follows).

/**
 * The approval workspace's routes, which three modules serve (inbox, review, decisions): approvers and senior
 * approvers, about one request that may be gone (404) or changed under them (409).
 */
export const approvalStaff = routeGroup({
  tag: 'approvals',
  roles: AREA_ROLES.approvals,
  problems: [404, 409],
});

/** The finance workspace's figures, which four read models serve (finance, budgets, trends, today). */
export const financeStaff = routeGroup({
  tag: 'finance',
  roles: AREA_ROLES.finance,
});

/** The administration screens that several modules serve (audit log, settings, imports and exports). */
export const administrators = routeGroup({ tag: 'admin', roles: AREA_ROLES.admin });

/** The machine clients' access, administered in two modules (service tokens, webhook endpoints). */
export const integrationAdmin = routeGroup({ tag: 'integration', roles: AREA_ROLES.admin });
