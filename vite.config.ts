import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Where `npm run dev:relay` listens; the dev server forwards the relay's routes to it. */
const DEV_RELAY = 'http://127.0.0.1:8888';

/** Routes that belong to the relay, never to the app shell or the service worker's cache. */
const RELAY_ROUTES = [/^\/ws(?:[/?]|$)/, /^\/_ping(?:[/?]|$)/];

const THEME_COLOUR = '#0d1117';

export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/ws': { target: DEV_RELAY, ws: true },
      '/_ping': { target: DEV_RELAY },
    },
  },
  plugins: [
    svelte(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // main.ts registers through `virtual:pwa-register`, so nothing is injected.
      injectRegister: false,
      manifest: {
        name: 'Seashell',
        short_name: 'Seashell',
        description: 'SSH terminals in the browser, through your own relay.',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        background_color: THEME_COLOUR,
        theme_color: THEME_COLOUR,
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: RELAY_ROUTES,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
