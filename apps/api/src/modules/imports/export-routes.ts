import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportKindParamsSchema, exportQuerySchema } from '@hms/contracts/exports';
import { problemResponses } from '../../platform/problem-responses.ts';
import { currentUser, requireRoles } from '../../platform/auth/plugin.ts';
import { exportCsv } from './export-run.ts';

/** Downloads of the import formats (issue 12 item 7): the same engine as `hms export`, streamed. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  app.get(
    '/:kind',
    {
      onRequest: requireRoles('admin'),
      schema: {
        operationId: 'downloadExport',
        tags: ['admin'],
        summary: 'Every payee, or every request, as a CSV file in the import format',
        description:
          'Roles: admin. The columns of the import format (docs/imports.md), one row per payee with a bank account ' +
          'or per request past the draft (practice programs left out), streamed. Account numbers are masked ' +
          '(****1234) unless fullAccountNumbers=true. Every export is an audit entry (export.completed, or ' +
          'export.full_account_numbers) with the rows and the SHA-256 of the file. A cell a spreadsheet would run ' +
          'as a formula is written as text.',
        params: exportKindParamsSchema,
        querystring: exportQuerySchema,
        produces: ['text/csv'],
        response: {
          200: z.string().describe('CSV, RFC 4180, UTF-8'),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { kind } = request.params;
      const { stream, done } = exportCsv(db, config, {
        kind,
        fullAccountNumbers: request.query.fullAccountNumbers,
        actor: { id: user.id, ip: request.ip || null },
      });
      // The audit entry is written when the stream ends or stops; a failure to write it is the server's to log.
      done.catch((err: unknown) => request.log.error({ err }, 'export audit entry not written'));
      const day = new Date().toISOString().slice(0, 10);
      return (
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="hms-${kind}-${day}.csv"`)
          .header('cache-control', 'no-store')
          // Fastify pipes a stream as it is, without the serialiser: the schema's string describes the body for the
          // OpenAPI document, and the type says so.
          .send(stream as unknown as string)
      );
    },
  );
};
