import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { settingsSchema, updateSettingsBodySchema } from '@hms/contracts/settings';
import { currentUser } from '../../platform/auth/plugin.ts';
import { problemResponses } from '../../platform/problem-responses.ts';
import { administrators } from '../../platform/route-options.ts';
import * as service from './service.ts';

/** Agency settings (admin). The API stores the environment's values as the settings on its first start (main.ts). */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '',
    administrators({
      operationId: 'getSettings',
      summary:
        'Agency settings: ACH originator, same-day cut-off, prenote wait, sessions, publishing',
      description:
        'Roles: admin. The environment variables (HMS_ACH_*, HMS_SESSION_*) are only the first start’s values; ' +
        'send `version` back with a change.',
      response: { 200: settingsSchema },
    }),
    async () => service.readSettings(db, config),
  );

  app.put(
    '',
    administrators({
      operationId: 'updateSettings',
      summary: 'Change the agency settings; applies to the next batch, sign-in and request at once',
      description:
        'Roles: admin. Every field is sent, with the `version` that was read: 409 settings.stale_version when ' +
        'someone saved a change since. Routing numbers are checked (ABA check digit). Audited with each changed ' +
        'value before and after.',
      body: updateSettingsBodySchema,
      response: { 200: settingsSchema, ...problemResponses(409) },
    }),
    async (request) =>
      service.updateSettings(db, config, currentUser(request), request.body, request.ip),
  );
};
