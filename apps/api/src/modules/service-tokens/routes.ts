import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createdServiceTokenSchema,
  createServiceTokenBodySchema,
  serviceTokenIdParamsSchema,
  serviceTokenSchema,
  serviceTokensResponseSchema,
  serviceTokenUsesResponseSchema,
} from '@hms/contracts/integration';
import { problemResponses } from '../../platform/problem-responses.ts';
import { integrationAdmin } from '../../platform/route-options.ts';
import { currentUser } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

export const serviceTokensRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '',
    integrationAdmin({
      operationId: 'listServiceTokens',
      summary: 'Service tokens of machine clients (never the secrets)',
      description: 'Roles: admin.',
      response: { 200: serviceTokensResponseSchema },
    }),
    async () => service.listTokens(db),
  );

  app.post(
    '',
    integrationAdmin({
      operationId: 'createServiceToken',
      summary: 'Create a scoped service token; the token is in this response only',
      description:
        'Roles: admin. Stored as a SHA-256 hash. Optional expiresOn (YYYY-MM-DD, agency time zone): the last day ' +
        'it works; after it the token is refused with auth.token_expired.',
      body: createServiceTokenBodySchema,
      response: { 201: createdServiceTokenSchema },
    }),
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.createToken(
            db,
            config.timezone,
            currentUser(request).id,
            request.body,
            request.ip,
          ),
        ),
  );

  app.post(
    '/:tokenId/rotate',
    integrationAdmin({
      operationId: 'rotateServiceToken',
      summary: 'Replace a token by a new one with the same scopes; the old one is revoked',
      description: 'Roles: admin.',
      params: serviceTokenIdParamsSchema,
      response: {
        201: createdServiceTokenSchema,
        ...problemResponses(404, 409),
      },
    }),
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.rotateToken(
            db,
            currentUser(request).id,
            request.params.tokenId,
            request.ip,
          ),
        ),
  );

  app.post(
    '/:tokenId/revoke',
    integrationAdmin({
      operationId: 'revokeServiceToken',
      summary: 'Revoke a token now',
      description: 'Roles: admin.',
      params: serviceTokenIdParamsSchema,
      response: { 200: serviceTokenSchema, ...problemResponses(404, 409) },
    }),
    async (request) =>
      service.revokeToken(db, currentUser(request).id, request.params.tokenId, request.ip),
  );

  app.get(
    '/:tokenId/uses',
    integrationAdmin({
      operationId: 'listServiceTokenUses',
      summary: 'The last 100 uses of a token',
      description: 'Roles: admin.',
      params: serviceTokenIdParamsSchema,
      response: {
        200: serviceTokenUsesResponseSchema,
      },
    }),
    async (request) => service.tokenUses(db, request.params.tokenId),
  );
};
