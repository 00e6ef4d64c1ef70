import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitationBodySchema,
  acceptInvitationResponseSchema,
  changeRolesBodySchema,
  checkInvitationBodySchema,
  deactivateResponseSchema,
  invitationInfoSchema,
  inviteStaffBodySchema,
  staffDetailSchema,
  staffIdParamsSchema,
  staffListQuerySchema,
  staffListResponseSchema,
} from '@hms/contracts/staff';
import { currentUser } from '../../platform/auth/plugin.ts';
import { problemResponses } from '../../platform/problem-responses.ts';
import { routeGroup } from '../../platform/route-options.ts';
import * as service from './service.ts';

const admin = routeGroup({ tag: 'staff', roles: ['admin'] });
const onPerson = problemResponses(404, 409);

/** Staff accounts (issue 11, item 5) as the administrator manages them. */
export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, db } = app;
  const actor = (request: Parameters<typeof currentUser>[0]): service.Actor => {
    const u = currentUser(request);
    return { id: u.id, displayName: u.displayName, ip: request.ip || null };
  };
  /** An audited change to one staff member that takes nothing but the person and answers their detail. */
  const personStep = (
    url: string,
    operation: { operationId: string; summary: string; description: string },
    step: typeof service.reactivate,
  ) =>
    app.post(
      url,
      admin({
        ...operation,
        params: staffIdParamsSchema,
        response: { 200: staffDetailSchema, ...onPerson },
      }),
      async (request) => step(db, actor(request), request.params.userId),
    );

  app.get(
    '',
    admin({
      operationId: 'listStaff',
      summary: 'Staff accounts, newest first, searched by name or email',
      description:
        'Roles: admin. Everyone holding a staff role, invited, active or deactivated. `q` matches part of a name ' +
        'or email in any case; pages by cursor.',
      querystring: staffListQuerySchema,
      response: { 200: staffListResponseSchema },
    }),
    async (request) => service.list(db, request.query),
  );

  app.post(
    '/invitations',
    admin({
      operationId: 'inviteStaff',
      summary: 'Invite a person by email with roles; a one-time link (72 hours) is emailed',
      description:
        'Roles: admin. Audited. The account exists at once as "invited" with its roles; the person activates it ' +
        'by choosing a password through the link (POST /api/invitations/accept). 400 staff.roles_* when the ' +
        'roles break the rule in @hms/contracts/staff-rules (separation of duties); 409 staff.email_taken when ' +
        'the email already has an account.',
      body: inviteStaffBodySchema,
      response: { 201: staffDetailSchema, ...problemResponses(409) },
    }),
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.invite(db, config.publicUrl, actor(request), request.body)),
  );

  app.get(
    '/:userId',
    admin({
      operationId: 'getStaff',
      summary: 'A staff member: roles, status, invitation, sign-in lock, requests they hold',
      description: 'Roles: admin. 404 for citizens and unknown ids.',
      params: staffIdParamsSchema,
      response: { 200: staffDetailSchema, ...problemResponses(404) },
    }),
    async (request) => service.detail(db, request.params.userId, currentUser(request).id),
  );

  app.put(
    '/:userId/roles',
    admin({
      operationId: 'changeStaffRoles',
      summary: "Set a staff member's roles",
      description:
        'Roles: admin. Audited (before and after). Takes effect on their next request. 400 staff.roles_* when ' +
        'the roles break the separation-of-duties rule; 409 staff.last_admin when it would remove the admin ' +
        'role of the last active administrator.',
      params: staffIdParamsSchema,
      body: changeRolesBodySchema,
      response: { 200: staffDetailSchema, ...onPerson },
    }),
    async (request) =>
      service.changeRoles(db, actor(request), request.params.userId, request.body.roles),
  );

  app.post(
    '/:userId/deactivate',
    admin({
      operationId: 'deactivateStaff',
      summary: 'Deactivate a staff member: sessions end now, held requests go back to the queue',
      description:
        'Roles: admin. Audited. Every session of the person ends at once (their next request is 401), their ' +
        'invitation link stops working, and each request they hold returns to the queue. 409 staff.last_admin ' +
        'for the last active administrator; 409 staff.already_deactivated.',
      params: staffIdParamsSchema,
      response: { 200: deactivateResponseSchema, ...onPerson },
    }),
    async (request) => service.deactivate(db, actor(request), request.params.userId),
  );

  personStep(
    '/:userId/reactivate',
    {
      operationId: 'reactivateStaff',
      summary: 'Reactivate a deactivated staff member',
      description:
        'Roles: admin. Audited. They sign in again with their password (or, if they never chose one, are ' +
        'invited again: send a new link). 409 staff.not_deactivated.',
    },
    service.reactivate,
  );

  personStep(
    '/:userId/invitation/resend',
    {
      operationId: 'resendStaffInvitation',
      summary: 'Email a new invitation link (72 hours); earlier links stop working',
      description: 'Roles: admin. Audited. 409 staff.not_invited once the person has accepted.',
    },
    (db, who, userId) => service.resendInvitation(db, config.publicUrl, who, userId),
  );

  personStep(
    '/:userId/invitation/revoke',
    {
      operationId: 'revokeStaffInvitation',
      summary: 'Withdraw the invitation link',
      description:
        'Roles: admin. Audited. 409 staff.not_invited or staff.no_pending_invitation when no link works.',
    },
    service.revokeInvitation,
  );

  app.post(
    '/:userId/sign-in-lock/clear',
    admin({
      operationId: 'clearStaffSignInLock',
      summary: "Clear the failed sign-ins counted against a staff member's account",
      description:
        "Roles: admin. Audited. The same as the sign-in throttle's Clear; 404 auth.throttle_not_found when " +
        'nothing is counted.',
      params: staffIdParamsSchema,
      response: { 204: z.null(), ...onPerson },
    }),
    async (request, reply) => {
      await service.clearSignInLock(db, actor(request), request.params.userId);
      return reply.code(204).send(null);
    },
  );
};

/** The invited person's public pair: check the emailed link, then choose a password through it. */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.post(
    '/check',
    {
      schema: {
        operationId: 'checkInvitation',
        tags: ['staff'],
        summary: 'Whether an invitation link still works, and for whom',
        description:
          'Roles: public (no sign-in; the token from the emailed link is the proof). 400 staff.invitation_invalid ' +
          'with params.reason unknown, used, expired or revoked.',
        body: checkInvitationBodySchema,
        response: { 200: invitationInfoSchema, ...problemResponses(400, 403) },
      },
    },
    async (request) => service.checkInvitation(db, request.body.token),
  );

  app.post(
    '/accept',
    {
      schema: {
        operationId: 'acceptInvitation',
        tags: ['staff'],
        summary: 'Choose a password through the invitation link; the account becomes active',
        description:
          'Roles: public (no sign-in; the token from the emailed link is the proof). The password follows the ' +
          'registration rules (12–128 characters, not common, not containing the email): 400 ' +
          'auth.password_rejected leaves the link usable. The link works once and never after 72 hours: 400 ' +
          'staff.invitation_invalid. Does not sign in: sign in next.',
        body: acceptInvitationBodySchema,
        response: { 200: acceptInvitationResponseSchema, ...problemResponses(400, 403) },
      },
    },
    async (request) =>
      service.acceptInvitation(db, request.body.token, request.body.password, request.ip || null),
  );
};
