import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/** The API server the dev server forwards to; `pnpm start` serves everything from one port instead. */
const API_TARGET = 'http://localhost:3000';
// Host is kept as-is (no changeOrigin) so the server's same-origin check on WebSocket upgrades passes.

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies next to every file, served as they are by the server (no per-request
    // compression). Every asset gets them, however small: one rule for the server and its tests.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      threshold: 0,
      skipIfLargerOrEqual: false,
      exclude: [/\.map$/, /\.(png|jpe?g|webp|woff2)$/],
    }),
  ],
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
