import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { remoteViteConfig } from '../../federation.shared.mjs';

export default defineConfig(remoteViteConfig({ name: 'admin', federation, react }));
