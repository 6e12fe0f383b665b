import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: built once, loaded by Electron from file:// and served by browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 3000 },
});
