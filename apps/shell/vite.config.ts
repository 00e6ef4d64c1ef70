import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import {
  apiProxy,
  buildTarget,
  federationBuildOutput,
  sharedCss,
  federationShared,
} from '../../federation.shared.mjs';

// Remote dev servers, so `pnpm dev` serves the same `/remotes/<name>/remoteEntry.js` URLs that
// GET /api/remotes returns in production: one manifest, same origin, in both modes.
const remoteDevServers = { intake: 5174, approvals: 5175, finance: 5176 };

export default defineConfig(({ command }) => ({
  plugins: [
    federation({
      name: 'shell',
      // Empty on purpose: remotes are registered at run time from GET /api/remotes (see src/app/remotes.ts).
      remotes: {},
      shared: federationShared,
      dts: false,
      // Remotes are plain remoteEntry.js URLs (no mf-manifest.json), so the runtime's snapshot/manifest,
      // preload and devtools code is dead weight in the citizen's first page; dev keeps it for HMR.
      disableSnapshot: command === 'build',
      // Publishes the runtime on globalThis._FEDERATION_RUNTIME_CORE for the remotes (built with externalRuntime).
      experiments: { provideExternalRuntime: true },
    }),
    react(),
  ],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      ...apiProxy,
      ...Object.fromEntries(
        Object.entries(remoteDevServers).map(([name, port]) => [
          `/remotes/${name}`,
          { target: `http://127.0.0.1:${port}`, ws: true },
        ]),
      ),
    },
  },
  preview: { port: 5173, strictPort: true, proxy: apiProxy },
  css: sharedCss,
  build: { target: buildTarget, rolldownOptions: { output: federationBuildOutput } },
}));
