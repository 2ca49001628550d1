// Bundles the Electron main process and the preload. The preload runs sandboxed, so it must be a
// single CommonJS file; the main process keeps node_modules external (electron-builder packs them).
import { build } from 'esbuild';

const common = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'info',
};

const core = {
  ...common,
  format: 'cjs',
  packages: 'external',
  // The core finds its packages' files (report fonts) from import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': '__sargsModuleUrl' },
  banner: { js: "const __sargsModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...core,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist/electron/main.cjs',
});

// The headless console as it ships (plain Node, no TypeScript loader): what `npm run soak` measures.
await build({
  ...core,
  entryPoints: ['electron/headless/cli.ts'],
  outfile: 'dist/electron/headless.cjs',
});

// The database worker runs in its own thread from its own file (unpacked from asar).
await build({
  ...common,
  entryPoints: ['electron/core/db/worker.ts'],
  outfile: 'dist/electron/store-worker.cjs',
  format: 'cjs',
  packages: 'external',
});

await build({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
