import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditFiltersSchema,
  auditPageSchema,
  auditQuerySchema,
  auditVerificationSchema,
} from '@hms/contracts/audit';
import { currentUser } from '../../platform/auth/plugin.ts';
import { csvFileSchema, sendCsvFile } from '../../platform/csv-download.ts';
import { administrators } from '../../platform/route-options.ts';
import * as service from './service.ts';

/** The audit log for administrators: search, CSV export of a search, chain verification. */
export const auditLogRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '',
    administrators({
      operationId: 'searchAuditLog',
      summary: 'Search the audit log by who, what, which record and when',
      description:
        'Roles: admin. Newest first; keyset pages: pass nextCursor or prevCursor back as cursor with the same ' +
        'filters. from/to are days in the agency time zone (to inclusive).',
      querystring: auditQuerySchema,
      response: { 200: auditPageSchema },
    }),
    async (request) => service.search(db, config.timezone, request.query),
  );

  app.get(
    '/export.csv',
    administrators({
      operationId: 'exportAuditLog',
      summary: 'Every audit entry matching the filters, as CSV (the export is itself audited)',
      description:
        'Roles: admin. The same filters as the search, without paging: the file holds exactly what the search ' +
        'finds, newest first.',
      querystring: auditFiltersSchema,
      produces: ['text/csv'],
      response: { 200: csvFileSchema },
    }),
    async (request, reply) => {
      const { csv } = await service.exportCsv(
        db,
        config.timezone,
        currentUser(request),
        request.query,
        request.ip,
      );
      const day = new Date().toISOString().slice(0, 10);
      return sendCsvFile(reply, `hms-audit-${day}.csv`, csv);
    },
  );

  app.get(
    '/verification',
    administrators({
      operationId: 'verifyAuditLog',
      summary: "The audit hash chain's state, checked now (as `pnpm hms audit verify`)",
      description:
        'Roles: admin. Recomputes every hash; names the first broken link when there is one.',
      response: { 200: auditVerificationSchema },
    }),
    async () => service.verification(db),
  );
};
