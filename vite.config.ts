import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';
import { scenarioTitle } from './scripts/vite-scenario-title.ts';

export default defineConfig({
  // Relative URLs everywhere: the built site works from any path of any static host and from a
  // plain file server (the worker, the chunks, the service worker and its scope follow the page).
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    scenarioTitle(),
    VitePWA({
      // A new version waits until the visitor reloads (the page says so): never a mix of files.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'pidns-lab — Linux PID namespaces, visually',
        short_name: 'pidns-lab',
        theme_color: '#1f5fa8',
        background_color: '#f7f8fa',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        // every chunk (the lessons and the presenter too), the worker and the page; the plugin adds
        // the manifest and its icon
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: 'index.html',
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'conformance/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
