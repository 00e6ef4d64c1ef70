import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'HMS API',
        version: '1.0.0',
        description:
          'Government payments platform. Errors are RFC 9457 application/problem+json. State-changing requests need ' +
          'the x-csrf-token header equal to the hms_csrf cookie. Each operation lists the roles allowed to call it.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hms_session' },
        },
      },
      tags: [
        { name: 'platform', description: 'Health, readiness, remotes manifest' },
        { name: 'auth', description: 'Registration, sign-in, session' },
        { name: 'programs', description: 'Programs citizens can apply to' },
        { name: 'requests', description: "Citizens' requests" },
        { name: 'approvals', description: 'Approval inbox' },
        { name: 'finance', description: 'Finance dashboards' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** The document as committed: stable key order comes from route registration order, which is fixed in app.ts. */
export function openApiJson(app: FastifyInstance): string {
  return JSON.stringify(app.swagger(), null, 2) + '\n';
}
