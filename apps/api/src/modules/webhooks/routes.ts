import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createdWebhookEndpointSchema,
  createWebhookEndpointBodySchema,
  webhookDeliveriesQuerySchema,
  webhookDeliveryIdParamsSchema,
  webhookDeliveriesResponseSchema,
  webhookDeliverySchema,
  webhookEndpointIdParamsSchema,
  webhookEndpointSchema,
  webhookEndpointsResponseSchema,
} from '@hms/contracts/integration';
import { problemResponses } from '../../platform/problem-responses.ts';
import { integrationAdmin, routeGroup } from '../../platform/route-options.ts';
import { currentUser } from '../../platform/auth/plugin.ts';
import * as service from './service.ts';

const deliveries = routeGroup({
  tag: 'integration',
  roles: ['finance', 'finance_supervisor', 'admin'],
});

export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/endpoints',
    integrationAdmin({
      operationId: 'listWebhookEndpoints',
      summary: 'Outbound webhook endpoints (FINANCIAL system receivers)',
      description: 'Roles: admin.',
      response: { 200: webhookEndpointsResponseSchema },
    }),
    async () => service.listEndpoints(db),
  );

  app.post(
    '/endpoints',
    integrationAdmin({
      operationId: 'createWebhookEndpoint',
      summary: 'Add a webhook endpoint; its whsec_ signing secret is in this response only',
      description: 'Roles: admin.',
      body: createWebhookEndpointBodySchema,
      response: { 201: createdWebhookEndpointSchema },
    }),
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.createEndpoint(
            db,
            config,
            currentUser(request).id,
            request.body,
            request.ip,
          ),
        ),
  );

  app.post(
    '/endpoints/:endpointId/disable',
    integrationAdmin({
      operationId: 'disableWebhookEndpoint',
      summary: 'Stop delivering to an endpoint',
      description: 'Roles: admin.',
      params: webhookEndpointIdParamsSchema,
      response: { 200: webhookEndpointSchema, ...problemResponses(404) },
    }),
    async (request) =>
      service.disableEndpoint(db, currentUser(request).id, request.params.endpointId, request.ip),
  );

  app.get(
    '/deliveries',
    deliveries({
      operationId: 'listWebhookDeliveries',
      summary: 'Webhook deliveries, newest first',
      description:
        'Roles: finance, finance_supervisor, admin. Keyset pages: pass nextCursor or prevCursor back as cursor, with the same status.',
      querystring: webhookDeliveriesQuerySchema,
      response: { 200: webhookDeliveriesResponseSchema },
    }),
    async (request) => service.listDeliveries(db, request.query),
  );

  app.post(
    '/deliveries/:deliveryId/redeliver',
    deliveries({
      operationId: 'redeliverWebhook',
      summary: 'Send a delivery again (same webhook-id and body, new signature)',
      description: 'Roles: finance, finance_supervisor, admin.',
      params: webhookDeliveryIdParamsSchema,
      response: {
        200: webhookDeliverySchema,
        ...problemResponses(404, 409),
      },
    }),
    async (request) =>
      service.redeliver(db, currentUser(request).id, request.params.deliveryId, request.ip),
  );
};
