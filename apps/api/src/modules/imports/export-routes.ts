import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportKindParamsSchema, exportQuerySchema } from '@hms/contracts/exports';
import { administrators } from '../../platform/route-options.ts';
import { auditedUser } from '../../platform/auth/plugin.ts';
import { csvFileSchema, sendCsvFile } from '../../platform/csv-download.ts';
import { exportCsv } from './export-run.ts';

/** Downloads of the import formats (issue 12 item 7): the same engine as `hms export`, streamed. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  app.get(
    '/:kind',
    administrators({
      operationId: 'downloadExport',
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
      response: { 200: csvFileSchema },
    }),
    async (request, reply) => {
      const { kind } = request.params;
      const { stream, done } = exportCsv(db, config, {
        kind,
        fullAccountNumbers: request.query.fullAccountNumbers,
        actor: auditedUser(request),
      });
      // The audit entry is written when the stream ends or stops; a failure to write it is the server's to log.
      done.catch((err: unknown) => request.log.error({ err }, 'export audit entry not written'));
      const day = new Date().toISOString().slice(0, 10);
      reply.header('cache-control', 'no-store');
      return sendCsvFile(reply, `hms-${kind}-${day}.csv`, stream);
    },
  );
};
