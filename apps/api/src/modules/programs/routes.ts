import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminProgramListSchema,
  adminProgramSchema,
  createProgramBodySchema,
  diffQuerySchema,
  eligibilityPreviewBodySchema,
  eligibilityPreviewSchema,
  noFieldsBodySchema,
  openProgramBodySchema,
  programDiffSchema,
  programIdParamsSchema,
  programVersionParamsSchema,
  programVersionsSchema,
  putDraftBodySchema,
  requestPublishBodySchema,
  revertBodySchema,
} from '@hms/contracts/program-admin';
import {
  programDetailSchema,
  programSlugParamsSchema,
  programsResponseSchema,
} from '@hms/contracts/programs';
import { problemResponses } from '../../platform/problem-responses.ts';
import { currentUser, requireRoles } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

export const programRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '',
    {
      schema: {
        operationId: 'listPrograms',
        tags: ['programs'],
        summary: 'Programs, with whether each is open for applications now',
        description: 'Roles: public (no sign-in).',
        response: { 200: programsResponseSchema },
      },
    },
    async () => service.programCatalog(db),
  );

  app.get(
    '/:slug',
    {
      schema: {
        operationId: 'getProgram',
        tags: ['programs'],
        summary: 'One program with its questions and whether it accepts applications now',
        description:
          'Roles: public (no sign-in). acceptingApplications is false when the program is outside its dates or its ' +
          'budget is used up; closedReason says which.',
        params: programSlugParamsSchema,
        response: { 200: programDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.programDetail(db, { slug: request.params.slug }),
  );
};

const adminErrors = problemResponses(400, 401, 403, 404, 409);
const ADMIN = 'Roles: admin.';

/** Program administration (issue 11): drafts, the go-live checklist, publishing under dual control, versions. */
export const programAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  const opts: service.AdminOptions = {
    timeZone: config.timezone,
    defaultEntryDescription: config.originator.entryDescription,
  };
  const actor = (request: FastifyRequest): service.AdminActor => ({
    id: currentUser(request).id,
    ip: request.ip || null,
  });
  const guard = { onRequest: requireRoles('admin') };
  const tags = ['program-admin'];

  app.get(
    '',
    {
      ...guard,
      schema: {
        operationId: 'listAdminPrograms',
        tags,
        summary: 'Every program with its status, live version and dates (drafts included)',
        description: ADMIN,
        response: { 200: adminProgramListSchema, ...adminErrors },
      },
    },
    async () => service.adminProgramList(db, opts),
  );

  app.post(
    '',
    {
      ...guard,
      schema: {
        operationId: 'createProgram',
        tags,
        summary: 'Create a program as a draft with a starter form',
        description: `${ADMIN} 409 program.slug_taken when the web address is in use.`,
        body: createProgramBodySchema,
        response: { 201: adminProgramSchema, ...adminErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createProgram(db, actor(request), request.body, opts)),
  );

  app.get(
    '/:programId',
    {
      ...guard,
      schema: {
        operationId: 'getAdminProgram',
        tags,
        summary:
          'A program as an administrator edits it: draft, checklist, pending publish request',
        description: ADMIN,
        params: programIdParamsSchema,
        response: { 200: adminProgramSchema, ...adminErrors },
      },
    },
    async (request) =>
      service.adminProgram(db, request.params.programId, opts, currentUser(request).id),
  );

  app.put(
    '/:programId/draft',
    {
      ...guard,
      schema: {
        operationId: 'saveProgramDraft',
        tags,
        summary: 'Save the draft (a pending publish request of an older draft is superseded)',
        description: `${ADMIN} 400 names each field or question that cannot work.`,
        params: programIdParamsSchema,
        body: putDraftBodySchema,
        response: { 200: adminProgramSchema, ...adminErrors },
      },
    },
    async (request) =>
      service.saveDraft(db, actor(request), request.params.programId, request.body.draft, opts),
  );

  app.post(
    '/:programId/publish-requests',
    {
      ...guard,
      schema: {
        operationId: 'requestProgramPublish',
        tags,
        summary: 'Ask a second administrator to approve publishing the draft as it is now',
        description:
          `${ADMIN} 422 program.checklist_incomplete names what blocks going live. When the agency switched the ` +
          'second approval off, the draft is published at once.',
        params: programIdParamsSchema,
        body: requestPublishBodySchema,
        response: { 200: adminProgramSchema, ...adminErrors, ...problemResponses(422) },
      },
    },
    async (request) =>
      service.requestPublish(
        db,
        actor(request),
        request.params.programId,
        request.body.changeSummary,
        opts,
      ),
  );

  app.post(
    '/:programId/publish-requests/approve',
    {
      ...guard,
      schema: {
        operationId: 'approveProgramPublish',
        tags,
        summary:
          'Approve the pending publish request: the checklist is checked again and it goes live',
        description: `${ADMIN} 403 program.own_publish_request for the administrator who asked.`,
        params: programIdParamsSchema,
        body: noFieldsBodySchema,
        response: { 200: adminProgramSchema, ...adminErrors, ...problemResponses(422) },
      },
    },
    async (request) => service.approvePublish(db, actor(request), request.params.programId, opts),
  );

  app.post(
    '/:programId/publish-requests/withdraw',
    {
      ...guard,
      schema: {
        operationId: 'withdrawProgramPublish',
        tags,
        summary: 'Withdraw the pending publish request',
        description: ADMIN,
        params: programIdParamsSchema,
        body: noFieldsBodySchema,
        response: { 200: adminProgramSchema, ...adminErrors },
      },
    },
    async (request) => service.withdrawPublish(db, actor(request), request.params.programId, opts),
  );

  app.post(
    '/:programId/open',
    {
      ...guard,
      schema: {
        operationId: 'openProgram',
        tags,
        summary: 'Open a published program from today',
        description: ADMIN,
        params: programIdParamsSchema,
        body: openProgramBodySchema,
        response: { 200: adminProgramSchema, ...adminErrors },
      },
    },
    async (request) =>
      service.openProgram(
        db,
        actor(request),
        request.params.programId,
        request.body.closesAt,
        opts,
      ),
  );

  app.post(
    '/:programId/close',
    {
      ...guard,
      schema: {
        operationId: 'closeProgram',
        tags,
        summary: 'Close a published program now (requests already made carry on)',
        description: ADMIN,
        params: programIdParamsSchema,
        body: noFieldsBodySchema,
        response: { 200: adminProgramSchema, ...adminErrors },
      },
    },
    async (request) => service.closeProgram(db, actor(request), request.params.programId, opts),
  );

  app.post(
    '/:programId/archive',
    {
      ...guard,
      schema: {
        operationId: 'archiveProgram',
        tags,
        summary: 'Archive a program: closed for good and gone from the catalog',
        description: ADMIN,
        params: programIdParamsSchema,
        body: noFieldsBodySchema,
        response: { 200: adminProgramSchema, ...adminErrors },
      },
    },
    async (request) => service.archiveProgram(db, actor(request), request.params.programId, opts),
  );

  app.get(
    '/:programId/versions',
    {
      ...guard,
      schema: {
        operationId: 'listProgramVersions',
        tags,
        summary: 'Published versions: who, when, what changed, how many requests each',
        description: ADMIN,
        params: programIdParamsSchema,
        response: { 200: programVersionsSchema, ...adminErrors },
      },
    },
    async (request) => service.programVersions(db, request.params.programId),
  );

  app.get(
    '/:programId/versions/:version/diff',
    {
      ...guard,
      schema: {
        operationId: 'getProgramVersionDiff',
        tags,
        summary: 'What a version changed (against the version before it, or ?against=N)',
        description: ADMIN,
        params: programVersionParamsSchema,
        querystring: diffQuerySchema,
        response: { 200: programDiffSchema, ...adminErrors },
      },
    },
    async (request) =>
      service.programDiff(
        db,
        request.params.programId,
        request.params.version,
        request.query.against,
        opts,
      ),
  );

  app.get(
    '/:programId/draft/diff',
    {
      ...guard,
      schema: {
        operationId: 'getProgramDraftDiff',
        tags,
        summary: 'What the draft changes against the live version (or ?against=N)',
        description: ADMIN,
        params: programIdParamsSchema,
        querystring: diffQuerySchema,
        response: { 200: programDiffSchema, ...adminErrors },
      },
    },
    async (request) =>
      service.programDiff(db, request.params.programId, 'draft', request.query.against, opts),
  );

  app.post(
    '/:programId/revert',
    {
      ...guard,
      schema: {
        operationId: 'revertProgram',
        tags,
        summary: 'Bring back an earlier version as a new one, through the checklist and approval',
        description: ADMIN,
        params: programIdParamsSchema,
        body: revertBodySchema,
        response: { 200: adminProgramSchema, ...adminErrors, ...problemResponses(422) },
      },
    },
    async (request) =>
      service.revertToVersion(
        db,
        actor(request),
        request.params.programId,
        request.body.version,
        request.body.changeSummary,
        opts,
      ),
  );

  app.post(
    '/:programId/eligibility-preview',
    {
      ...guard,
      schema: {
        operationId: 'previewProgramEligibility',
        tags,
        summary:
          'How many past requests each rule (the draft’s, or those sent) would have let through',
        description: `${ADMIN} Writes nothing.`,
        params: programIdParamsSchema,
        body: eligibilityPreviewBodySchema,
        response: { 200: eligibilityPreviewSchema, ...adminErrors },
      },
    },
    async (request) =>
      service.eligibilityPreview(db, request.params.programId, request.body.rules, opts),
  );
};
