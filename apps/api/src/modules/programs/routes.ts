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
import { routeGroup } from '../../platform/route-options.ts';
import { auditedUser, currentUser } from '../../platform/auth/plugin.ts';
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

const ADMIN = 'Roles: admin.';
const admin = routeGroup({ tag: 'program-admin', roles: ['admin'], problems: [404, 409] });

/** Program administration (issue 11): drafts, the go-live checklist, publishing under dual control, versions. */
export const programAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  const opts = service.adminOptions(config);
  /** A step in a program's life that takes nothing but the program (approve, withdraw, close, archive). */
  const programStep = (
    url: string,
    operation: { operationId: string; summary: string; description: string },
    step: typeof service.closeProgram,
    problems: Partial<ReturnType<typeof problemResponses<422>>> = {},
  ) =>
    app.post(
      url,
      admin({
        ...operation,
        params: programIdParamsSchema,
        body: noFieldsBodySchema,
        response: { 200: adminProgramSchema, ...problems },
      }),
      async (request) => step(db, auditedUser(request), request.params.programId, opts),
    );

  app.get(
    '',
    admin({
      operationId: 'listAdminPrograms',
      summary: 'Every program with its status, live version and dates (drafts included)',
      description: ADMIN,
      response: { 200: adminProgramListSchema },
    }),
    async () => service.adminProgramList(db, opts),
  );

  app.post(
    '',
    admin({
      operationId: 'createProgram',
      summary: 'Create a program as a draft with a starter form',
      description: `${ADMIN} 409 program.slug_taken when the web address is in use.`,
      body: createProgramBodySchema,
      response: { 201: adminProgramSchema },
    }),
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createProgram(db, auditedUser(request), request.body, opts)),
  );

  app.get(
    '/:programId',
    admin({
      operationId: 'getAdminProgram',
      summary: 'A program as an administrator edits it: draft, checklist, pending publish request',
      description: ADMIN,
      params: programIdParamsSchema,
      response: { 200: adminProgramSchema },
    }),
    async (request) =>
      service.adminProgram(db, request.params.programId, opts, currentUser(request).id),
  );

  app.put(
    '/:programId/draft',
    admin({
      operationId: 'saveProgramDraft',
      summary: 'Save the draft (a pending publish request of an older draft is superseded)',
      description: `${ADMIN} 400 names each field or question that cannot work.`,
      params: programIdParamsSchema,
      body: putDraftBodySchema,
      response: { 200: adminProgramSchema },
    }),
    async (request) =>
      service.saveDraft(
        db,
        auditedUser(request),
        request.params.programId,
        request.body.draft,
        opts,
      ),
  );

  app.post(
    '/:programId/publish-requests',
    admin({
      operationId: 'requestProgramPublish',
      summary: 'Ask a second administrator to approve publishing the draft as it is now',
      description:
        `${ADMIN} 422 program.checklist_incomplete names what blocks going live. When the agency switched the ` +
        'second approval off, the draft is published at once.',
      params: programIdParamsSchema,
      body: requestPublishBodySchema,
      response: { 200: adminProgramSchema, ...problemResponses(422) },
    }),
    async (request) =>
      service.requestPublish(
        db,
        auditedUser(request),
        request.params.programId,
        request.body.changeSummary,
        opts,
      ),
  );

  programStep(
    '/:programId/publish-requests/approve',
    {
      operationId: 'approveProgramPublish',
      summary:
        'Approve the pending publish request: the checklist is checked again and it goes live',
      description: `${ADMIN} 403 program.own_publish_request for the administrator who asked.`,
    },
    service.approvePublish,
    problemResponses(422),
  );

  programStep(
    '/:programId/publish-requests/withdraw',
    {
      operationId: 'withdrawProgramPublish',
      summary: 'Withdraw the pending publish request',
      description: ADMIN,
    },
    service.withdrawPublish,
  );

  app.post(
    '/:programId/open',
    admin({
      operationId: 'openProgram',
      summary: 'Open a published program from today',
      description: ADMIN,
      params: programIdParamsSchema,
      body: openProgramBodySchema,
      response: { 200: adminProgramSchema },
    }),
    async (request) =>
      service.openProgram(
        db,
        auditedUser(request),
        request.params.programId,
        request.body.closesAt,
        opts,
      ),
  );

  programStep(
    '/:programId/close',
    {
      operationId: 'closeProgram',
      summary: 'Close a published program now (requests already made carry on)',
      description: ADMIN,
    },
    service.closeProgram,
  );

  programStep(
    '/:programId/archive',
    {
      operationId: 'archiveProgram',
      summary: 'Archive a program: closed for good and gone from the catalog',
      description: ADMIN,
    },
    service.archiveProgram,
  );

  app.get(
    '/:programId/versions',
    admin({
      operationId: 'listProgramVersions',
      summary: 'Published versions: who, when, what changed, how many requests each',
      description: ADMIN,
      params: programIdParamsSchema,
      response: { 200: programVersionsSchema },
    }),
    async (request) => service.programVersions(db, request.params.programId),
  );

  app.get(
    '/:programId/versions/:version/diff',
    admin({
      operationId: 'getProgramVersionDiff',
      summary: 'What a version changed (against the version before it, or ?against=N)',
      description: ADMIN,
      params: programVersionParamsSchema,
      querystring: diffQuerySchema,
      response: { 200: programDiffSchema },
    }),
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
    admin({
      operationId: 'getProgramDraftDiff',
      summary: 'What the draft changes against the live version (or ?against=N)',
      description: ADMIN,
      params: programIdParamsSchema,
      querystring: diffQuerySchema,
      response: { 200: programDiffSchema },
    }),
    async (request) =>
      service.programDiff(db, request.params.programId, 'draft', request.query.against, opts),
  );

  app.post(
    '/:programId/revert',
    admin({
      operationId: 'revertProgram',
      summary: 'Bring back an earlier version as a new one, through the checklist and approval',
      description: ADMIN,
      params: programIdParamsSchema,
      body: revertBodySchema,
      response: { 200: adminProgramSchema, ...problemResponses(422) },
    }),
    async (request) =>
      service.revertToVersion(
        db,
        auditedUser(request),
        request.params.programId,
        request.body.version,
        request.body.changeSummary,
        opts,
      ),
  );

  app.post(
    '/:programId/eligibility-preview',
    admin({
      operationId: 'previewProgramEligibility',
      summary:
        'How many past requests each rule (the draft’s, or those sent) would have let through',
      description: `${ADMIN} Writes nothing.`,
      params: programIdParamsSchema,
      body: eligibilityPreviewBodySchema,
      response: { 200: eligibilityPreviewSchema },
    }),
    async (request) =>
      service.eligibilityPreview(db, request.params.programId, request.body.rules, opts),
  );
};
