import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  batchDetailSchema,
  batchIdParamsSchema,
  batchesQuerySchema,
  batchesResponseSchema,
  buildBatchBodySchema,
  settleBodySchema,
} from '@hms/contracts/batches';
import { settlementResponseSchema } from '@hms/contracts/integration';
import { problemResponses } from '../../platform/problem-responses.ts';
import { currentUser, requireRoles } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

const guarded = problemResponses(400, 401, 403);
const withId = problemResponses(404, 409);
const FINANCE = ['finance', 'finance_supervisor'] as const;

export const batchesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.post(
    '',
    {
      onRequest: requireRoles(...FINANCE),
      schema: {
        operationId: 'buildBatch',
        tags: ['batches'],
        summary: 'Build an ACH batch (NACHA file) from selected pending payments',
        description:
          'Roles: finance, finance_supervisor. New payee accounts of programs that require it get a $0 prenote instead of the money. ' +
          "The file is generated, validated, sealed and stored with its SHA-256 and the day's file id modifier.",
        body: buildBatchBodySchema,
        response: { 201: batchDetailSchema, ...guarded, ...problemResponses(409) },
      },
    },
    async (request, reply) => {
      const detail = await service.buildBatch(
        db,
        config,
        currentUser(request),
        request.body,
        request.ip,
      );
      return reply.code(201).send(detail);
    },
  );

  app.get(
    '',
    {
      onRequest: requireRoles(...FINANCE),
      schema: {
        operationId: 'listBatches',
        tags: ['batches'],
        summary: 'ACH batches, newest first',
        description:
          'Roles: finance, finance_supervisor. Keyset pages: pass nextCursor or prevCursor back as cursor, with the same status.',
        querystring: batchesQuerySchema,
        response: { 200: batchesResponseSchema, ...guarded },
      },
    },
    async (request) => service.listBatches(db, request.query),
  );

  app.get(
    '/:batchId',
    {
      onRequest: requireRoles(...FINANCE),
      schema: {
        operationId: 'getBatch',
        tags: ['batches'],
        summary: 'One batch with its entries and what the caller may do with it',
        description: 'Roles: finance, finance_supervisor.',
        params: batchIdParamsSchema,
        response: { 200: batchDetailSchema, ...guarded, ...withId },
      },
    },
    async (request) => service.getBatch(db, currentUser(request), request.params.batchId),
  );

  app.post(
    '/:batchId/release',
    {
      onRequest: requireRoles('finance_supervisor'),
      schema: {
        operationId: 'releaseBatch',
        tags: ['batches'],
        summary: 'Release a built batch (dual control: not by the user who built it)',
        description:
          'Roles: finance_supervisor. Payments become released and each citizen is told the payment was sent.',
        params: batchIdParamsSchema,
        response: { 200: batchDetailSchema, ...guarded, ...withId },
      },
    },
    async (request) =>
      service.releaseBatch(db, config, currentUser(request), request.params.batchId, request.ip),
  );

  app.post(
    '/:batchId/cancel',
    {
      onRequest: requireRoles(...FINANCE),
      schema: {
        operationId: 'cancelBatch',
        tags: ['batches'],
        summary: 'Cancel a batch that is not released; its payments go back to pending',
        description: 'Roles: finance, finance_supervisor.',
        params: batchIdParamsSchema,
        response: { 200: batchDetailSchema, ...guarded, ...withId },
      },
    },
    async (request) =>
      service.cancelBatch(db, currentUser(request), request.params.batchId, request.ip),
  );

  app.post(
    '/:batchId/settle',
    {
      onRequest: requireRoles(...FINANCE),
      schema: {
        operationId: 'settleBatch',
        tags: ['batches'],
        summary: 'Mark a released batch settled (payments settled, requests paid)',
        description:
          'Roles: finance, finance_supervisor. Idempotent: settling a settled batch changes nothing.',
        params: batchIdParamsSchema,
        body: settleBodySchema,
        response: { 200: settlementResponseSchema, ...guarded, ...withId },
      },
    },
    async (request) =>
      service.settleBatch(
        db,
        { kind: 'user', id: currentUser(request).id, ip: request.ip },
        request.params.batchId,
        request.body.note,
      ),
  );

  app.get(
    '/:batchId/file',
    {
      onRequest: requireRoles('finance_supervisor'),
      schema: {
        operationId: 'downloadBatchFile',
        tags: ['batches'],
        summary: 'Download the NACHA file of a released batch, unchanged (audited)',
        description: 'Roles: finance_supervisor. Refused (409) until the batch is released.',
        params: batchIdParamsSchema,
        produces: ['text/plain'],
        response: {
          200: z.string().describe('The NACHA file (94-character records)'),
          ...guarded,
          ...withId,
        },
      },
    },
    async (request, reply) => {
      const f = await service.downloadBatch(
        db,
        config,
        currentUser(request),
        request.params.batchId,
        request.ip,
      );
      return reply
        .header('content-type', 'text/plain; charset=us-ascii')
        .header('content-disposition', `attachment; filename="${f.fileName}"`)
        .header('x-file-sha256', f.sha256)
        .header('cache-control', 'no-store')
        .send(f.text);
    },
  );
};
