// The ONE Module Federation `shared` block, imported by the vite.config of the shell and of every remote.
// Identical blocks are what make each of these load exactly once, from the shell: two copies of React
// break hooks, two routers or QueryClient contexts would make a remote blind to the shell's.
// `requiredVersion: false`: versions are pinned exactly in every package.json (one lockfile), so a
// semver check adds nothing but a way to silently fall back to a second copy.
// `@tanstack/query-core` is deliberately absent: under pnpm it is not resolvable from the apps (it is
// only a dependency of @tanstack/react-query), and since react-query is itself a singleton, the one
// query-core bundled inside it is already the only copy.
// `.mjs` because vite.config files import it and the root package must stay loadable without a build.

const singleton = /** @type {const} */ ({ singleton: true, requiredVersion: false });

export const federationShared = {
  react: singleton,
  'react-dom': singleton,
  'react-router': singleton,
  '@tanstack/react-query': singleton,
  '@hms/api-client': singleton,
  '@hms/ui': singleton,
};

/** Options every app's dev server and build share. */
export const buildTarget = 'chrome89'; // Native top-level await; avoids the TLA plugin the federation runtime would need.
export const apiProxy = { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } };
