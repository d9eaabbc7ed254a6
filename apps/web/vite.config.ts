import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves dist/ on the same origin as /trpc; in `vite dev` the proxy stands in for that.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/].*[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/trpc': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
