import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { homePathForRoles } from '@hms/contracts/areas';
import { remoteNames, type Remotes } from '@hms/contracts/platform';
import { authenticate } from './auth/plugin.ts';
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

/**
 * Security headers on every response, static or API. `hsts` when the product runs behind TLS (HMS_SECURE_COOKIES=1):
 * browsers then refuse plain http for a year, so a network attacker cannot strip TLS from a later visit.
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (opts.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
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

// Which remote renders which part of the URL space: mirrors REMOTE_MOUNTS in apps/shell/src/app/router.tsx.
const REMOTE_FOR_PATH: ReadonlyArray<readonly [prefix: string, remote: string]> = [
  ['/services', 'intake'],
  ['/my-requests', 'intake'],
  ['/approvals', 'approvals'],
  ['/finance', 'finance'],
  ['/admin', 'admin'],
  ['/simulations', 'admin'],
];
// API reads the first page makes in any case; preloaded so they travel with the shell's JS instead of after it.
const DATA_FOR_PATH: ReadonlyArray<
  readonly [path: RegExp, urls: (m: RegExpMatchArray) => readonly string[]]
> = [
  [/^\/services$/, () => ['/api/programs']],
  [
    /^\/my-requests\/([0-9a-f-]{36})(?:\/apply(?:\/[^/]+)?)?$/,
    (m) => [
      `/api/requests/${m[1]}`,
      ...(m[0].includes('/apply') ? [`/api/requests/${m[1]}/program`] : []),
    ],
  ],
];
// Route-level chunks a remote loads lazily (React.lazy in its routes.tsx), by the file name Vite gives them. Only a
// hint: when a name changes the page still works, it just loses this preload.
const LAZY_CHUNK_FOR_PATH: ReadonlyArray<
  readonly [path: RegExp, remote: string, chunks: readonly string[]]
> = [
  [/^\/services\/[^/]+$/, 'intake', ['program-route']],
  [/^\/my-requests\/notifications$/, 'intake', ['notifications-route']],
  [/^\/my-requests\/[^/]+\/apply\/bank$/, 'intake', ['apply-route', 'bank-form']],
  [/^\/my-requests\/[^/]+\/apply\/check$/, 'intake', ['apply-route', 'check-answers']],
  [/^\/my-requests\/[^/]+\/apply(\/[^/]+)?$/, 'intake', ['apply-route']],
  [/^\/my-requests\/[^/]+\/confirmation$/, 'intake', ['confirmation-route']],
  [/^\/my-requests\/(?!notifications$)[^/]+$/, 'intake', ['request-route']],
];

const STATIC_IMPORT =
  /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

/**
 * The JS files a remote needs before its first route renders, read from its build: remoteEntry.js, the chunks it
 * imports statically, the exposed `./routes` module and the shared-import map it loads, and their static imports.
 * Paths are relative to the remote's dist folder. Lazy chunks inside the remote (later form steps) are left out.
 */
function remoteFirstRouteChunks(
  distDir: string,
  entryFile: string,
  seen = new Set<string>(),
): string[] {
  const visit = (rel: string, followDynamic: boolean) => {
    if (seen.has(rel)) return;
    const abs = path.join(distDir, rel);
    if (!abs.startsWith(distDir + path.sep) || !existsSync(abs)) return;
    seen.add(rel);
    const code = readFileSync(abs, 'utf8');
    const dir = path.posix.dirname(rel);
    for (const m of code.matchAll(STATIC_IMPORT)) visit(path.posix.join(dir, m[1]!), false);
    if (followDynamic)
      for (const m of code.matchAll(DYNAMIC_IMPORT))
        if (/\/(routes|_virtual_mf-localSharedImportMap)[^/]*\.js$/.test(m[1]!))
          visit(path.posix.join(dir, m[1]!), false);
  };
  visit(entryFile, true);
  return [...seen];
}

/** A lazy route chunk (`<name>-<hash>.js`) of a remote and its static imports, minus what `already` holds. */
function lazyRouteChunks(distDir: string, name: string, already: readonly string[]): string[] {
  const assets = path.join(distDir, 'assets');
  const file = existsSync(assets)
    ? readdirSync(assets).find((f) => f.startsWith(`${name}-`) && /^[\w-]+-[\w-]{8}\.js$/.test(f))
    : undefined;
  if (!file) return [];
  const seen = new Set(already);
  return remoteFirstRouteChunks(distDir, `assets/${file}`, seen).filter(
    (c) => !already.includes(c),
  );
}

/**
 * Preload links for the first route of a page, so the federation waterfall (shell → remote entry → exposed module →
 * its chunks → data) is fetched in parallel with the shell. Remote URLs are run-time config (HMS_REMOTES): a remote
 * served from this host's static root gets its whole first-route chunk list, one elsewhere (a CDN) its entry only.
 */
function preloadLinksFor(
  staticRoot: string,
  remotes: Remotes | undefined,
): (urlPath: string) => string {
  const modulepreload = (hrefs: readonly string[]) =>
    hrefs
      .map((href) => `<link rel="modulepreload" crossorigin fetchpriority="low" href="${href}">`)
      .join('');
  const local = (name: string) => {
    const entry = remotes?.[name as keyof Remotes];
    const prefix = `/remotes/${name}/`;
    const dist = path.join(staticRoot, name, 'dist');
    return entry?.startsWith(prefix) && existsSync(dist)
      ? { entry, prefix, dist, entryRel: entry.slice(prefix.length).split('?')[0]! }
      : null;
  };
  const firstRoute = new Map<string, string[]>();
  /** Chunk paths (relative to the remote's dist) of the remote's entry and exposed routes module. */
  const firstRouteChunks = (name: string): string[] => {
    let chunks = firstRoute.get(name);
    if (!chunks) {
      const l = local(name);
      chunks = l ? remoteFirstRouteChunks(l.dist, l.entryRel) : [];
      firstRoute.set(name, chunks);
    }
    return chunks;
  };
  const cache = new Map<string, string>();
  const linksFor = (remote: string, lazyChunks: readonly string[]): string => {
    const key = `${remote}:${lazyChunks.join(',')}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const entry = remotes?.[remote as keyof Remotes];
    const l = local(remote);
    let links = '';
    if (entry && l) {
      const chunks = firstRouteChunks(remote);
      const lazy: string[] = [];
      for (const name of lazyChunks)
        lazy.push(...lazyRouteChunks(l.dist, name, [...chunks, ...lazy]));
      // The entry keeps its exact configured URL (the runtime imports that one, query string included).
      links = modulepreload([
        entry,
        ...[...chunks, ...lazy].filter((c) => c !== l.entryRel).map((c) => l.prefix + c),
      ]);
    } else if (entry) {
      links = modulepreload([entry]);
    }
    cache.set(key, links);
    return links;
  };
  return (urlPath) => {
    const remote = REMOTE_FOR_PATH.find(
      ([prefix]) => urlPath === prefix || urlPath.startsWith(`${prefix}/`),
    )?.[1];
    const data = ['/api/me', ...(remote ? ['/api/remotes'] : [])];
    for (const [pattern, urls] of DATA_FOR_PATH) {
      const m = pattern.exec(urlPath);
      if (m) data.push(...urls(m));
    }
    const lazy =
      LAZY_CHUNK_FOR_PATH.find(([pattern, r]) => r === remote && pattern.test(urlPath))?.[2] ?? [];
    return (
      data.map((href) => `<link rel="preload" as="fetch" crossorigin href="${href}">`).join('') +
      (remote ? linksFor(remote, lazy) : '')
    );
  };
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
    // GET / is the route below: a signed-in person is redirected before any HTML or JavaScript is sent.
    index: false,
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

  const indexHtml = readFileSync(indexFile, 'utf8');

  const preloads = preloadLinksFor(
    staticRoot,
    (app as FastifyInstance & { config?: { remotes?: Remotes } }).config?.remotes,
  );
  const sendIndex = (reply: FastifyReply, urlPath: string) =>
    reply
      .code(200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml.replace('</head>', `${preloads(urlPath)}</head>`));

  // The signed-in home page only ever sends a person on to their area: deciding that here saves a phone the shell, a
  // remote and a session round trip before the page it actually wants starts loading.
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const user = await authenticate(request);
    const home = user ? homePathForRoles(user.roles) : null;
    // The answer depends on the session cookie: no shared cache may keep one person's redirect for another.
    reply.header('vary', 'cookie');
    if (home) return reply.header('cache-control', 'no-store').redirect(home, 303);
    return sendIndex(reply, '/');
  });

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
      return sendIndex(reply, pathOnly);
    }
    return sendProblem(
      request,
      reply,
      notFound('http.route_not_found', `Nothing found at ${request.method} ${pathOnly}.`),
    );
  });
  return true;
}
