import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The browser build of the renderer for the development harness: the same UI,
// with a window.consoleApi that talks WebSocket instead of IPC.
export default defineConfig({
  root: 'tests/support/harness-client',
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve('dist-harness'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
