import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server the dev server forwards to; `pnpm start` serves everything from one port instead. */
const API_TARGET = 'http://localhost:3000';
// Host is kept as-is (no changeOrigin) so the server's same-origin check on WebSocket upgrades passes.

export default defineConfig({
  plugins: [react()],
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
  },
});
