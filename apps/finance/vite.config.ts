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

export default defineConfig(({ command }) => ({
  // Served by the API under /remotes/finance/ in production (and proxied there by the shell's dev server),
  // so every asset URL in the build must carry that prefix.
  base: '/remotes/finance/',
  plugins: [
    federation({
      name: 'finance',
      filename: 'remoteEntry.js',
      exposes: { './routes': './src/routes.tsx' },
      shared: federationShared,
      dts: false,
      // Production: use the shell's Module Federation runtime (globalThis._FEDERATION_RUNTIME_CORE) instead of
      // shipping a second ~19 KB gzip copy; dev keeps its own so the remote still runs standalone.
      experiments: { externalRuntime: command === 'build' },
    }),
    react(),
  ],
  server: { port: 5176, strictPort: true, proxy: apiProxy },
  preview: { port: 5176, strictPort: true, proxy: apiProxy },
  css: sharedCss,
  build: { target: buildTarget, rolldownOptions: { output: federationBuildOutput } },
}));
