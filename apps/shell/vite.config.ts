import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import {
  apiProxy,
  federationShared,
  remoteDevPorts,
  sharedViteOptions,
} from '../../federation.shared.mjs';

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
        Object.entries(remoteDevPorts).map(([name, port]) => [
          `/remotes/${name}`,
          { target: `http://127.0.0.1:${port}`, ws: true },
        ]),
      ),
    },
  },
  preview: { port: 5173, strictPort: true, proxy: apiProxy },
  ...sharedViteOptions,
}));
