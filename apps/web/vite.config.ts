import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './bundle/bundle-budget.ts';

/** Every path the API serves besides the web app (apps/api/src/http/app.ts); vite-proxy.test.ts keeps the list whole. */
export const API_PATHS = ['/trpc', '/export', '/healthz', '/readyz', '/openapi.json'];

// The API serves dist/ on the same origin as its own paths; in `vite dev` the proxy stands in for that.
export default defineConfig({
  plugins: [
    react(),
    // Gzip bytes, about a tenth above this build's. Before raising one, see what the extra code
    // buys and whether it could arrive later than the first page (a route or a lazy component).
    bundleBudget({ entry: 140 * 1024, file: 142 * 1024 }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // The first page loads the entry with React and the query client only; each page's chunk
        // brings what it alone uses, charts and zod their own chunks, and app code shared by
        // several pages comes in chunks grouped by the pages that use it (merged when small).
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 40 },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 30 },
            { name: 'charts', test: /[\\/]node_modules[\\/]recharts[\\/]/, priority: 20 },
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 20 },
            { name: 'shared', minShareCount: 2, entriesAware: true, entriesAwareMergeThreshold: 20_000, priority: 10 },
          ],
        },
        // A shared chunk is named after every page that uses it: long, and it says nothing useful.
        chunkFileNames: (chunk) => (chunk.name.startsWith('shared') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js'),
        assetFileNames: (asset) =>
          asset.names[0]?.startsWith('shared') ? 'assets/shared-[hash][extname]' : 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: {
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: 'http://127.0.0.1:3000', changeOrigin: false }])),
  },
});
