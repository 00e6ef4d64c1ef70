import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  journalQuerySchema,
  journalResponseSchema,
  settlementBodySchema,
  settlementResponseSchema,
} from '@hms/contracts/integration';
import { batchIdParamsSchema } from '@hms/contracts/batches';
import { problemResponses } from '../../platform/problem-responses.ts';
import { settleBatch } from '../batches/service.ts';
import { logTokenUse, requireServiceToken } from '../service-tokens/service.ts';
import * as service from './service.ts';

const errors = problemResponses(400, 401, 403);

/**
 * The FINANCIAL system's API: bearer service tokens with scopes, no session, no CSRF (route config csrf: false;
 * a bearer header is not sent by browsers on their own, so cross-site forgery does not apply).
 */
export const integrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  app.decorateRequest('serviceToken', null);
  app.addHook('onResponse', async (request, reply) => {
    await logTokenUse(request, reply.statusCode);
  });

  app.post(
    '/batches/:batchId/settlement',
    {
      config: { csrf: false },
      onRequest: requireServiceToken('settlement:write'),
      schema: {
        operationId: 'confirmBatchSettlement',
        tags: ['integration'],
        summary: 'FINANCIAL confirms a released batch settled (payments settled, requests paid)',
        description:
          'Roles: service token with scope settlement:write. Idempotent: a retry answers alreadySettled true and changes nothing.',
        params: batchIdParamsSchema,
        body: settlementBodySchema,
        response: {
          200: settlementResponseSchema,
          ...errors,
          ...problemResponses(404, 409),
        },
      },
    },
    async (request) =>
      settleBatch(
        db,
        { kind: 'token', id: request.serviceToken!.id, ip: request.ip },
        request.params.batchId,
        request.body.note,
      ),
  );

  app.get(
    '/journal',
    {
      onRequest: requireServiceToken('journal:read'),
      schema: {
        operationId: 'getGeneralLedgerJournal',
        tags: ['integration'],
        summary:
          'General-ledger journal lines (balanced debit/credit per program and day) as JSON or CSV',
        description:
          'Roles: service token with scope journal:read. format=csv answers text/csv with dollar amounts.',
        querystring: journalQuerySchema,
        response: { 200: journalResponseSchema.or(z.string()), ...errors },
      },
    },
    async (request, reply) => {
      const j = await service.journal(db, config.timezone, request.query);
      if (request.query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="hms-journal-${j.from}-${j.to}.csv"`)
          .serializer((x: unknown) => x as string)
          .send(service.journalCsv(j));
      }
      return j;
    },
  );
};
