import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditFiltersSchema,
  auditPageSchema,
  auditQuerySchema,
  auditVerificationSchema,
} from '@hms/contracts/audit';
import { currentUser } from '../../platform/auth/plugin.ts';
import { routeGroup } from '../../platform/route-options.ts';
import * as service from './service.ts';

const admin = routeGroup({ tag: 'admin', roles: ['admin'] });

/** The audit log for administrators: search, CSV export of a search, chain verification. */
export const auditLogRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '',
    admin({
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
    admin({
      operationId: 'exportAuditLog',
      summary: 'Every audit entry matching the filters, as CSV (the export is itself audited)',
      description:
        'Roles: admin. The same filters as the search, without paging: the file holds exactly what the search ' +
        'finds, newest first.',
      querystring: auditFiltersSchema,
      produces: ['text/csv'],
      response: { 200: z.string().describe('CSV, RFC 4180, UTF-8') },
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
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="hms-audit-${day}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/verification',
    admin({
      operationId: 'verifyAuditLog',
      summary: "The audit hash chain's state, checked now (as `pnpm hms audit verify`)",
      description:
        'Roles: admin. Recomputes every hash; names the first broken link when there is one.',
      response: { 200: auditVerificationSchema },
    }),
    async () => service.verification(db),
  );
};
