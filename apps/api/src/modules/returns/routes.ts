import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  importReturnsBodySchema,
  importReturnsResponseSchema,
  nocIdParamsSchema,
  nocItemSchema,
  nocsQuerySchema,
  nocsResponseSchema,
  returnImportsQuerySchema,
  returnImportsResponseSchema,
} from '@hms/contracts/returns';
import { problemResponses } from '../../platform/problem-responses.ts';
import { routeGroup } from '../../platform/route-options.ts';
import { currentUser } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

const finance = routeGroup({ tag: 'returns', roles: ['finance', 'finance_supervisor'] });
const supervisor = routeGroup({ tag: 'returns', roles: ['finance_supervisor'] });

/** The bank's return / NOC files: import one, list those imported. */
export const returnImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.post(
    '',
    finance(
      {
        operationId: 'importReturns',
        summary: "Import the bank's return / NOC file (parsed leniently, warnings reported)",
        description:
          'Roles: finance, finance_supervisor. Returns are matched by trace number; the same file imported twice changes nothing the second time.',
        body: importReturnsBodySchema,
        response: { 200: importReturnsResponseSchema },
      },
      { bodyLimit: 10 * 1024 * 1024 },
    ),
    async (request) =>
      service.importReturns(db, config, currentUser(request), request.body, request.ip),
  );

  app.get(
    '',
    finance({
      operationId: 'listReturnImports',
      summary: 'Return files imported, newest first',
      description:
        'Roles: finance, finance_supervisor. Keyset pages: pass nextCursor or prevCursor back as cursor.',
      querystring: returnImportsQuerySchema,
      response: { 200: returnImportsResponseSchema },
    }),
    async (request) => service.listImports(db, request.query),
  );
};

/** Notifications of change (corrected payee data): the list, and a supervisor's confirm or dismiss. */
export const nocRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '',
    finance({
      operationId: 'listNocs',
      summary: 'Notifications of change (corrected payee data), newest first',
      description:
        'Roles: finance, finance_supervisor. Keyset pages: pass nextCursor or prevCursor back as cursor, with the same status.',
      querystring: nocsQuerySchema,
      response: { 200: nocsResponseSchema },
    }),
    async (request) => service.listNocs(db, request.query),
  );

  for (const [action, decision] of [
    ['confirm', 'apply'],
    ['dismiss', 'dismiss'],
  ] as const) {
    app.post(
      `/:nocId/${action}`,
      supervisor({
        operationId: action === 'confirm' ? 'confirmNoc' : 'dismissNoc',
        summary:
          action === 'confirm'
            ? 'Confirm a notification of change: apply the corrected data to the payee account'
            : 'Dismiss a notification of change without changing the payee account',
        description: 'Roles: finance_supervisor.',
        params: nocIdParamsSchema,
        response: { 200: nocItemSchema, ...problemResponses(404, 409) },
      }),
      async (request) =>
        service.decideNoc(
          db,
          config,
          currentUser(request),
          request.params.nocId,
          decision,
          request.ip,
        ),
    );
  }
};
