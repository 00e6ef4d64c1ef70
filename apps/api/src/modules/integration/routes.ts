import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  journalQuerySchema,
  journalResponseSchema,
  settlementBodySchema,
  settlementResponseSchema,
} from '@hms/contracts/integration';
import { batchIdParamsSchema } from '@hms/contracts/batches';
import { routeGroup } from '../../platform/route-options.ts';
import { settleBatch } from '../batches/service.ts';
import { logTokenUse, requireServiceToken } from '../service-tokens/service.ts';
import * as service from './service.ts';

/** A service token's scopes: confirming a released batch settled, and reading the journal. */
const settlementWriter = routeGroup({
  tag: 'integration',
  onRequest: requireServiceToken('settlement:write'),
  problems: [404, 409],
});
const journalReader = routeGroup({
  tag: 'integration',
  onRequest: requireServiceToken('journal:read'),
});

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
    settlementWriter(
      {
        operationId: 'confirmBatchSettlement',
        summary: 'FINANCIAL confirms a released batch settled (payments settled, requests paid)',
        description:
          'Roles: service token with scope settlement:write. Idempotent: a retry answers alreadySettled true and changes nothing.',
        params: batchIdParamsSchema,
        body: settlementBodySchema,
        response: { 200: settlementResponseSchema },
      },
      { config: { csrf: false } },
    ),
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
    journalReader({
      operationId: 'getGeneralLedgerJournal',
      summary:
        'General-ledger journal lines (balanced debit/credit per program and day) as JSON or CSV',
      description:
        'Roles: service token with scope journal:read. format=csv answers text/csv with dollar amounts.',
      querystring: journalQuerySchema,
      response: { 200: journalResponseSchema.or(z.string()) },
    }),
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
