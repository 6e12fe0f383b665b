import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: built once, loaded by Electron from file:// and served by browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The manifest (dist/renderer/.vite/manifest.json) says which chunks the first page loads: the
  // size test and `npm run bench` read it.
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 3000,
  },
});
