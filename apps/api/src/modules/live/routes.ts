import type { FastifyPluginAsync } from 'fastify';
import { requireRoles } from '../../platform/auth/plugin.ts';
import { LiveHub } from './hub.ts';

const HEARTBEAT_MS = 15_000;

/**
 * GET /api/live: server-sent events. Each committed request change arrives as `event: request` with
 * `{ requestId, type, toStatus }` (no personal data); screens refetch what they show. Hidden from the OpenAPI
 * document (an endless stream is not a JSON operation); its role checks are tested in live.test.ts.
 */
export const liveRoutes: FastifyPluginAsync = async (app) => {
  const hub = new LiveHub(app.db, app.log);
  const open = new Set<() => void>();
  app.addHook('onReady', async () => hub.start());
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.addHook('onClose', async () => hub.stop());

  app.get(
    '',
    {
      onRequest: requireRoles('approver', 'senior_approver', 'finance', 'finance_supervisor'),
      schema: { hide: true },
    },
    async (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': String(request.id),
      });
      res.write(`retry: 2000\nevent: ready\ndata: {}\n\n`);
      const unsubscribe = hub.subscribe((payload) => {
        let kind: string;
        try {
          kind = (JSON.parse(payload) as { kind?: string }).kind ?? 'request';
        } catch {
          return;
        }
        res.write(
          `event: ${kind.replace(/[^a-z_]/g, '')}\ndata: ${payload.replace(/\n/g, ' ')}\n\n`,
        );
      });
      const heartbeat = setInterval(() => res.write(`: keep-alive\n\n`), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      open.add(end);
      request.raw.on('close', end);
    },
  );
};
