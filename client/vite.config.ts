import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP_NONCE_PLACEHOLDER } from '../shared/src/protocol/cspNonce';

/** The API server the dev server forwards to; `pnpm start` serves everything from one port instead. */
const API_TARGET = 'http://localhost:3000';
// Host is kept as-is (no changeOrigin) so the server's same-origin check on WebSocket upgrades passes.

export default defineConfig({
  plugins: [
    react(),
    // Installable, with an offline shell: after one visit the board, console and projector open
    // with no network and show the device's copy of the boards (y-indexeddb). The app shell and
    // every screen's code are precached; the summary editor (the largest chunk) is cached the
    // first time it is used. Nothing the server answers dynamically is ever cached: tokens and
    // API answers stay out of the service worker. A new version waits for the person to accept it
    // (UpdatePrompt), so a reload never surprises someone typing.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Warsztat',
        short_name: 'Warsztat',
        description: 'Warsztaty w grupach z tablicami na żywo',
        lang: 'pl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f5fbf',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['**/editor-*.js'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/(api|sync|socket\.io|healthz|metrics)(\/|$)/],
        runtimeCaching: [
          {
            // Hashed, immutable: whatever was fetched once (the editor) is kept for offline use.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'warsztat-assets', expiration: { maxEntries: 80 } },
          },
        ],
        cleanupOutdatedCaches: true,
      },
    }),
    // Brotli and gzip copies next to every file, served as they are by the server (no per-request
    // compression). Every asset gets them, however small: one rule for the server and its tests.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      threshold: 0,
      skipIfLargerOrEqual: false,
      exclude: [/\.map$/, /\.(png|jpe?g|webp|woff2)$/],
    }),
  ],
  // The server swaps this placeholder for a fresh nonce in every shell it sends (appShell.ts);
  // the client passes it on to the libraries that inject styles (app/styleNonce.ts).
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  resolve: {
    // One copy of Yjs only: two copies break `instanceof Y.Map` checks in the board accessors.
    dedupe: ['yjs'],
  },
  server: {
    proxy: {
      '/api': { target: API_TARGET },
      '/healthz': { target: API_TARGET },
      '/socket.io': { target: API_TARGET, ws: true },
      '/sync': { target: API_TARGET, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // Each tiny shared chunk (a helper or two used by several screens) costs a request and
        // about 1 KiB of headers on a phone; merged into a neighbour, the join page needs six fewer.
        experimentalMinChunkSize: 4_096,
        // Long-lived vendor code in its own chunks so an app change does not re-download it.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          // The summary editor (TipTap, ProseMirror) loads lazily with the board, not with every page.
          if (
            /[\\/](@tiptap|prosemirror-[a-z-]+|y-prosemirror|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/.test(
              id,
            )
          )
            return 'editor';
          if (/[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/.test(id)) return 'react';
          if (/[\\/](yjs|y-websocket|y-protocols|lib0)[\\/]/.test(id)) return 'yjs';
          if (
            /[\\/](socket\.io-client|engine\.io-client|engine\.io-parser|socket\.io-parser|@socket\.io|debug|ms|xmlhttprequest-ssl)[\\/]/.test(
              id,
            )
          )
            return 'socket';
          if (/[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/.test(id)) return 'i18n';
          return undefined;
        },
      },
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
});
