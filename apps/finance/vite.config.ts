import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { apiProxy, buildTarget, federationShared } from '../../federation.shared.mjs';

export default defineConfig({
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
    }),
    react(),
  ],
  server: { port: 5176, strictPort: true, proxy: apiProxy },
  preview: { port: 5176, strictPort: true, proxy: apiProxy },
  build: { target: buildTarget },
});
