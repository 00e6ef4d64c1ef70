// The ONE Module Federation `shared` block, imported by the vite.config of the shell and of every remote.
// Identical blocks are what make each of these load exactly once, from the shell: two copies of React
// break hooks, two routers or QueryClient contexts would make a remote blind to the shell's.
//
// `requiredVersion: false`: versions are pinned exactly in every package.json (one lockfile), so a
// semver check adds nothing but a way to silently fall back to a second copy.
//
// `@tanstack/query-core` is deliberately absent: under pnpm it is not resolvable from the apps (it is
// only a dependency of @tanstack/react-query), and since react-query is itself a singleton, the one
// query-core bundled inside it is already the only copy.
//
// Tree shaking: a shared module is normally provided whole (every export, since any remote may need any),
// which for react-router means its server runtime too (63 KB gzip). The citizen's first page has a
// 150 KB gzip budget for all JS, so react-router and react-query are provided tree-shaken to the exports
// listed here. The lists are the union of what the shell and every remote import; they MUST stay complete:
// a consumer needing an export outside the list would make the runtime load the full bundle as a second
// copy (two router contexts). Keep them minimal: every export listed is downloaded on the first page. `apps/shell/src/app/federation-shared.test.ts` fails when code imports
// anything not listed, so extend the list in the same change.
//
// `.mjs` because vite.config files import it and the root package must stay loadable without a build.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const singleton = /** @type {const} */ ({ singleton: true, requiredVersion: false });

export const sharedUsedExports = {
  'react-router': [
    'BrowserRouter',
    'Link',
    'NavLink',
    'Navigate',
    'Outlet',
    'Route',
    'Routes',
    'useLocation',
    'useNavigate',
    'useParams',
    'useSearchParams',
  ],
  '@tanstack/react-query': [
    'QueryClient',
    'QueryClientProvider',
    'infiniteQueryOptions',
    'keepPreviousData',
    'mutationOptions',
    'queryOptions',
    'useInfiniteQuery',
    'useMutation',
    'useQuery',
    'useQueryClient',
  ],
};

/** @param {keyof typeof sharedUsedExports} name */
const treeShaken = (name) => ({
  ...singleton,
  treeShaking: {
    mode: /** @type {const} */ ('runtime-infer'),
    usedExports: sharedUsedExports[name],
  },
});

export const federationShared = {
  react: singleton,
  'react-dom': singleton,
  'react-router': treeShaken('react-router'),
  '@tanstack/react-query': treeShaken('@tanstack/react-query'),
  '@hms/api-client': singleton,
  '@hms/ui': singleton,
  // `@hms/intake-form` (the citizen question form, used by intake and by the admin form builder's preview) is
  // deliberately NOT shared: it holds no state or React context of its own (language comes from the shared @hms/ui),
  // so a copy in each remote behaves the same, and sharing it would put a federation lookup (and the shell's copy)
  // on the citizen's first page, which has a 150 KB budget.
};

/** Options every app's dev server and build share. */
export const buildTarget = 'es2022'; // Native top-level await (no TLA plugin for the federation runtime) and native class private members: no helper chunks (Chrome 94+, Firefox 93+, Safari 16.4+).
/**
 * Build output options every app shares. The Module Federation runtime and its helpers otherwise come out as several
 * sub-2 KB chunks that the first page fetches one after another; one group makes them one request. The plugin keeps
 * its own groups (init wrappers, loadShare, preload helper) above this one, so only plain runtime code is merged.
 */
export const federationBuildOutput = {
  codeSplitting: {
    groups: [
      {
        name: 'mf-runtime',
        test: /node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?@module-federation[\\/]/,
      },
    ],
  },
};
export const apiProxy = { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } };

/**
 * CSS options every app shares: `@hms/ui/uswds-theme.scss` is compiled from the USWDS Sass packages, which
 * `@use` each other by bare package name.
 */
export const sharedCss = {
  preprocessorOptions: {
    scss: {
      // A getter: only the Sass compile needs the path (a jsdom test that imports this file has no file: URL).
      get loadPaths() {
        return [
          fileURLToPath(
            new URL('./packages/ui/node_modules/@uswds/uswds/packages', import.meta.url),
          ),
        ];
      },
      quietDeps: true,
    },
  },
};

/** Dev-server port of each remote. The shell's dev server proxies `/remotes/<name>` to it, so `pnpm dev` serves the
 * same remoteEntry URLs that GET /api/remotes returns in production: one manifest, same origin, in both modes. */
export const remoteDevPorts = { intake: 5174, approvals: 5175, finance: 5176, admin: 5177 };

/** What the shell's and every remote's vite config share: CSS, build target and build output. */
export const sharedViteOptions = {
  css: sharedCss,
  build: { target: buildTarget, rolldownOptions: { output: federationBuildOutput } },
};

/**
 * A remote's index.html, written by this plugin instead of kept as a file in each remote: the page is the same for
 * every remote but for its title, and only the standalone dev server (`pnpm --filter @hms/<remote> dev`) shows it; the
 * shell loads a remote through remoteEntry.js. Vite still needs an HTML entry for the dev server and the build, so the
 * page is served as if it were `<root>/index.html`.
 *
 * @param {string} name
 */
function standalonePage(name) {
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>HMS ${name} (standalone)</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./src/main.tsx"></script>
  </body>
</html>
`;
  let page = '';
  return {
    name: 'hms:standalone-page',
    enforce: /** @type {const} */ ('pre'),
    /** @param {{ root: string }} config */
    configResolved(config) {
      page = resolve(config.root, 'index.html');
    },
    // The build's default input is `<root>/index.html`: answered here, so no file is needed on disk.
    /** @param {string} id */
    resolveId(id) {
      return id === page ? page : undefined;
    },
    /** @param {string} id */
    load(id) {
      return id === page ? html : undefined;
    },
    /**
     * The dev server: a post middleware, so it runs after Vite's own have rewritten a page request to /index.html and
     * found no such file.
     *
     * @param {{ middlewares: { use: (handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void) => void }, transformIndexHtml: (url: string, html: string) => Promise<string> }} server
     */
    configureServer(server) {
      return () =>
        server.middlewares.use((req, res, next) => {
          if (!req.url?.endsWith('.html')) return next();
          void server.transformIndexHtml(req.url, html).then((served) => {
            res.setHeader('Content-Type', 'text/html');
            res.end(served);
          }, next);
        });
    },
  };
}

/**
 * The vite config of a remote: every remote's is the same but for its name. The two plugin factories are passed in
 * by the remote's vite.config.ts because they resolve from the app's own dependencies, not from the repository root.
 *
 * @param {{ name: keyof typeof remoteDevPorts, federation: (options: any) => any, react: () => any }} remote
 */
export function remoteViteConfig({ name, federation, react }) {
  const port = remoteDevPorts[name];
  /** @param {{ command: string }} env */
  return ({ command }) => ({
    // Served by the API under /remotes/<name>/ in production (and proxied there by the shell's dev server),
    // so every asset URL in the build must carry that prefix.
    base: `/remotes/${name}/`,
    plugins: [
      federation({
        name,
        filename: 'remoteEntry.js',
        exposes: { './routes': './src/routes.tsx' },
        shared: federationShared,
        dts: false,
        // Production: use the shell's Module Federation runtime (globalThis._FEDERATION_RUNTIME_CORE) instead of
        // shipping a second ~19 KB gzip copy; dev keeps its own so the remote still runs standalone.
        experiments: { externalRuntime: command === 'build' },
      }),
      react(),
      standalonePage(name),
    ],
    server: { port, strictPort: true, proxy: apiProxy },
    preview: { port, strictPort: true, proxy: apiProxy },
    ...sharedViteOptions,
  });
}
