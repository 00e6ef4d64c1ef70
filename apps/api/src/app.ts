import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/schema.ts';
import { genReqId, loggerOptions, OneLinePerRequest } from './platform/logging.ts';
import {
  frameworkErrorProblem,
  registerApiNotFound,
  registerErrorHandling,
} from './platform/errors.ts';
import { registerOpenApi } from './platform/openapi.ts';
import { responseSerializerCompiler } from './platform/serializer.ts';
import { registerControlCharacterCheck } from './platform/control-characters.ts';
import { registerSecurityHeaders, registerStatic } from './platform/static.ts';
import { authPlugin } from './platform/auth/plugin.ts';
import { loadCommonPasswords } from './platform/auth/password.ts';
import { healthRoutes } from './platform/health.ts';
import { remotesRoutes } from './platform/remotes.ts';
import { authRoutes, meRoutes, signInThrottleRoutes } from './modules/auth/routes.ts';
import { financeSummaryRoutes, inboxCountsRoutes } from './modules/read-models/routes.ts';
import { assignmentRoutes, inboxRoutes } from './modules/inbox/routes.ts';
import { commentRoutes, reviewRoutes } from './modules/review/routes.ts';
import { bulkDecisionRoutes, decisionRoutes } from './modules/decisions/routes.ts';
import { liveRoutes } from './modules/live/routes.ts';
import { paymentsRoutes } from './modules/payments/routes.ts';
import { financeRoutes } from './modules/finance/routes.ts';
import { budgetsRoutes } from './modules/budgets/routes.ts';
import { financeTrendsRoutes } from './modules/finance-trends/routes.ts';
import { reconciliationRoutes } from './modules/reconciliation/routes.ts';
import { financeTodayRoutes } from './modules/finance-today/routes.ts';
import { batchesRoutes } from './modules/batches/routes.ts';
import { nocRoutes, returnImportRoutes } from './modules/returns/routes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { exportRoutes } from './modules/imports/export-routes.ts';
import { webhooksRoutes } from './modules/webhooks/routes.ts';
import { serviceTokensRoutes } from './modules/service-tokens/routes.ts';
import { integrationRoutes } from './modules/integration/routes.ts';
import { programAdminRoutes, programRoutes } from './modules/programs/routes.ts';
import { scenarioRoutes, simulationRoutes } from './modules/simulations/routes.ts';
import { qualityRoutes } from './modules/quality/routes.ts';
import { applicationRoutes, draftRoutes } from './modules/applications/routes.ts';
import { documentRoutes, documentUploadRoutes } from './modules/documents/routes.ts';
import { emailOutboxRoutes, notificationRoutes } from './modules/notifications/routes.ts';
import { practiceRoutes } from './modules/practice/routes.ts';
import { decisionRuleRoutes, ruleEvaluationRoutes } from './modules/decision-rules/routes.ts';
import { settingsRoutes } from './modules/settings/routes.ts';
import { auditLogRoutes } from './modules/audit-log/routes.ts';
import { sessionPolicy, sessionPolicySql } from './modules/settings/service.ts';
import { invitationRoutes, staffRoutes } from './modules/staff/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Kysely<Database>;
  }
}

export interface BuildAppOptions {
  config: Config;
  db: Kysely<Database>;
  /** Tests pass false to keep output quiet; default follows config.logLevel. */
  logger?: boolean;
}

export async function buildApp({
  config,
  db,
  logger = true,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(config) : false,
    genReqId,
    requestIdHeader: false, // genReqId decides; an arbitrary incoming header must not become our log key
    logController: new OneLinePerRequest(),
    // Behind a load balancer request.ip must be the client's, for throttling and the audit log; only the listed
    // proxies are believed, so a client cannot choose its own address with X-Forwarded-For.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorProblem,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Compiled from the zod schemas; outside production every response is checked against zod's (platform/serializer.ts).
  app.setSerializerCompiler(
    responseSerializerCompiler({ crossCheck: process.env.NODE_ENV !== 'production' }),
  );
  app.decorate('config', config);
  app.decorate('db', db);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Fails fast at start (not at the first registration) if the list is missing.
  loadCommonPasswords();

  registerErrorHandling(app);
  registerSecurityHeaders(app, { hsts: config.secureCookies });
  registerControlCharacterCheck(app);
  await app.register(cookie);
  // Session lifetimes come from the agency settings at each request, so a change applies without a restart.
  await app.register(authPlugin, {
    config,
    sessionPolicy: () => sessionPolicy(db),
    sessionPolicySql: sessionPolicySql(config),
  });
  await registerOpenApi(app);

  // One line per route plugin, under the prefix its paths share (a route file names only the rest), so a URL leads
  // to its file in one hop; a module whose paths start differently (its own and an administrator's, say) exports a
  // plugin per prefix. /api/requests/:requestId/… is shared: the citizen's request (applications) and, under their
  // own prefixes, its assignment (inbox), comments (review), decisions and documents. The order fixes the order of
  // paths in openapi.json.
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(remotesRoutes(config.remotes), { prefix: '/api/remotes' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(meRoutes, { prefix: '/api/me' });
  await app.register(signInThrottleRoutes, { prefix: '/api/admin/sign-in-throttle' });
  await app.register(inboxCountsRoutes, { prefix: '/api/inbox/counts' });
  await app.register(financeSummaryRoutes, { prefix: '/api/finance/summary' });
  await app.register(inboxRoutes, { prefix: '/api/inbox' });
  await app.register(assignmentRoutes, { prefix: '/api/requests/:requestId' });
  await app.register(reviewRoutes, { prefix: '/api/review/:requestId' });
  await app.register(commentRoutes, { prefix: '/api/requests/:requestId/comments' });
  await app.register(decisionRoutes, { prefix: '/api/requests/:requestId/decisions' });
  await app.register(bulkDecisionRoutes, { prefix: '/api/decisions' });
  await app.register(liveRoutes, { prefix: '/api/live' });
  await app.register(programRoutes, { prefix: '/api/programs' });
  await app.register(programAdminRoutes, { prefix: '/api/admin/programs' });
  await app.register(decisionRuleRoutes, {
    prefix: '/api/admin/programs/:programId/decision-rules',
  });
  await app.register(ruleEvaluationRoutes, { prefix: '/api/requests/:requestId/rule-evaluations' });
  await app.register(draftRoutes, { prefix: '/api/programs/:slug' });
  await app.register(simulationRoutes, { prefix: '/api/simulations' });
  await app.register(scenarioRoutes, { prefix: '/api/simulations/scenarios' });
  await app.register(qualityRoutes, { prefix: '/api/quality' });
  await app.register(applicationRoutes, { prefix: '/api/requests' });
  await app.register(documentUploadRoutes, { prefix: '/api/requests/:requestId/documents' });
  await app.register(documentRoutes, { prefix: '/api/documents' });
  await app.register(notificationRoutes, { prefix: '/api/notifications' });
  await app.register(emailOutboxRoutes, { prefix: '/api/admin/outbox' });
  await app.register(staffRoutes, { prefix: '/api/staff' });
  await app.register(invitationRoutes, { prefix: '/api/invitations' });

  await app.register(paymentsRoutes, { prefix: '/api/payments' });
  await app.register(financeRoutes, { prefix: '/api/finance' });
  await app.register(budgetsRoutes, { prefix: '/api/finance' });
  await app.register(financeTrendsRoutes, { prefix: '/api/finance' });
  await app.register(reconciliationRoutes, { prefix: '/api/finance/reconciliation' });
  await app.register(financeTodayRoutes, { prefix: '/api/finance/today' });
  await app.register(batchesRoutes, { prefix: '/api/batches' });
  await app.register(returnImportRoutes, { prefix: '/api/returns/imports' });
  await app.register(nocRoutes, { prefix: '/api/nocs' });
  await app.register(webhooksRoutes, { prefix: '/api/webhooks' });
  await app.register(serviceTokensRoutes, { prefix: '/api/service-tokens' });
  await app.register(integrationRoutes, { prefix: '/api/integration' });
  await app.register(practiceRoutes, { prefix: '/api/practice' });
  await app.register(settingsRoutes, { prefix: '/api/admin/settings' });
  await app.register(auditLogRoutes, { prefix: '/api/admin/audit' });
  await app.register(importRoutes, { prefix: '/api/admin/imports' });
  await app.register(exportRoutes, { prefix: '/api/admin/exports' });

  const servingStatic = await registerStatic(app, config.staticRoot);
  if (!servingStatic) registerApiNotFound(app);
  return app;
}
