import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { remotesResponseSchema, type Remotes } from '@hms/contracts/platform';

/** The manifest the shell reads at run time, so remotes can move (e.g. to a CDN) without rebuilding the shell. */
export const remotesRoutes =
  (remotes: Remotes): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '',
      {
        schema: {
          operationId: 'getRemotes',
          tags: ['platform'],
          summary: 'Entry URLs of the micro-frontend remotes',
          description: 'Roles: public (no sign-in).',
          response: { 200: remotesResponseSchema },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'no-cache');
        return { remotes };
      },
    );
  };
