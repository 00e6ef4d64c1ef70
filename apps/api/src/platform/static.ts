import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { remoteNames } from '@hms/contracts/platform';
import { notFound, sendProblem } from './errors.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // USWDS sets inline style attributes; inline styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every response, static or API. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });
}

// Vite emits content-hashed names (name-<hash>.js); those never change, everything else must be revalidated.
const HASHED = /[-.][A-Za-z0-9_-]{8,}\.(js|mjs|css|woff2?|png|svg|jpg|webp|ico)$/;
function setCacheHeaders(reply: FastifyReply, filePath: string): void {
  const base = path.basename(filePath);
  if (base === 'index.html' || base === 'remoteEntry.js' || !HASHED.test(base)) {
    reply.header('cache-control', 'no-cache');
  } else {
    reply.header('cache-control', 'public, max-age=31536000, immutable');
  }
}

/**
 * Serves the built shell at / and each remote at /remotes/<name>/ when HMS_STATIC_ROOT holds a shell build;
 * any other HTML GET outside /api/ gets the shell's index.html so client-side routes survive a reload.
 */
export async function registerStatic(app: FastifyInstance, staticRoot: string): Promise<boolean> {
  const shellDir = path.join(staticRoot, 'shell', 'dist');
  const indexFile = path.join(shellDir, 'index.html');
  if (!existsSync(indexFile)) return false;

  await app.register(fastifyStatic, {
    root: shellDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // The build writes .br/.gz beside each asset; phones on slow links get them without compressing per request.
    preCompressed: true,
    setHeaders: setCacheHeaders,
  });
  for (const name of remoteNames) {
    const dir = path.join(staticRoot, name, 'dist');
    if (!existsSync(dir)) continue;
    await app.register(fastifyStatic, {
      root: dir,
      prefix: `/remotes/${name}/`,
      decorateReply: false,
      wildcard: true,
      preCompressed: true,
      setHeaders: setCacheHeaders,
    });
  }

  const sendIndex = (reply: FastifyReply) =>
    reply
      .code(200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(readFileSync(indexFile));

  app.setNotFoundHandler((request, reply) => {
    const accept = request.headers.accept ?? '';
    const pathOnly = request.url.split('?')[0] ?? '';
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      !pathOnly.startsWith('/api/') &&
      pathOnly !== '/api' &&
      !pathOnly.startsWith('/remotes/') &&
      accept.includes('text/html')
    ) {
      return sendIndex(reply);
    }
    return sendProblem(request, reply, notFound(`Nothing found at ${request.method} ${pathOnly}.`));
  });
  return true;
}
