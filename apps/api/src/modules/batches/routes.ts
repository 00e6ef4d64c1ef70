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
import { routeGroup } from '../../platform/route-options.ts';
import { currentUser } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

const finance = routeGroup({ tag: 'batches', roles: ['finance', 'finance_supervisor'] });
const supervisor = routeGroup({ tag: 'batches', roles: ['finance_supervisor'] });
const withId = problemResponses(404, 409);

export const batchesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.post(
    '',
    finance({
      operationId: 'buildBatch',
      summary: 'Build an ACH batch (NACHA file) from selected pending payments',
      description:
        'Roles: finance, finance_supervisor. New payee accounts of programs that require it get a $0 prenote instead of the money. ' +
        "The file is generated, validated, sealed and stored with its SHA-256 and the day's file id modifier.",
      body: buildBatchBodySchema,
      response: { 201: batchDetailSchema, ...problemResponses(409) },
    }),
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
    finance({
      operationId: 'listBatches',
      summary: 'ACH batches, newest first',
      description:
        'Roles: finance, finance_supervisor. Keyset pages: pass nextCursor or prevCursor back as cursor, with the same status.',
      querystring: batchesQuerySchema,
      response: { 200: batchesResponseSchema },
    }),
    async (request) => service.listBatches(db, request.query),
  );

  app.get(
    '/:batchId',
    finance({
      operationId: 'getBatch',
      summary: 'One batch with its entries and what the caller may do with it',
      description: 'Roles: finance, finance_supervisor.',
      params: batchIdParamsSchema,
      response: { 200: batchDetailSchema, ...withId },
    }),
    async (request) => service.getBatch(db, currentUser(request), request.params.batchId),
  );

  app.post(
    '/:batchId/release',
    supervisor({
      operationId: 'releaseBatch',
      summary: 'Release a built batch (dual control: not by the user who built it)',
      description:
        'Roles: finance_supervisor. Payments become released and each citizen is told the payment was sent.',
      params: batchIdParamsSchema,
      response: { 200: batchDetailSchema, ...withId },
    }),
    async (request) =>
      service.releaseBatch(db, config, currentUser(request), request.params.batchId, request.ip),
  );

  app.post(
    '/:batchId/cancel',
    finance({
      operationId: 'cancelBatch',
      summary: 'Cancel a batch that is not released; its payments go back to pending',
      description: 'Roles: finance, finance_supervisor.',
      params: batchIdParamsSchema,
      response: { 200: batchDetailSchema, ...withId },
    }),
    async (request) =>
      service.cancelBatch(db, currentUser(request), request.params.batchId, request.ip),
  );

  app.post(
    '/:batchId/settle',
    finance({
      operationId: 'settleBatch',
      summary: 'Mark a released batch settled (payments settled, requests paid)',
      description:
        'Roles: finance, finance_supervisor. Idempotent: settling a settled batch changes nothing.',
      params: batchIdParamsSchema,
      body: settleBodySchema,
      response: { 200: settlementResponseSchema, ...withId },
    }),
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
    supervisor({
      operationId: 'downloadBatchFile',
      summary: 'Download the NACHA file of a released batch, unchanged (audited)',
      description: 'Roles: finance_supervisor. Refused (409) until the batch is released.',
      params: batchIdParamsSchema,
      produces: ['text/plain'],
      response: {
        200: z.string().describe('The NACHA file (94-character records)'),
        ...withId,
      },
    }),
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
