// Bundles the CLI into dist/bin/ with esbuild: the shipped `bin` entry.
// Why: Node 20 has no compile cache, and resolving, reading and compiling the
// ~60 modules of src/ and yargs' own dozens cost more CPU than a command's work
// (docs/performance.md, "Start-up"). tsc stays the type check; this only packs
// its input. Each command stays a lazily loaded chunk (splitting), so `reasons`
// never compiles the sweep.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

// Native or CommonJS packages that must be loaded from node_modules as they are:
// ssh2 (and its optional native cpu-features), better-sqlite3 (a native addon),
// playwright-core (finds its own files on disk).
const EXTERNAL = ['ssh2', 'cpu-features', 'better-sqlite3', 'playwright-core'];

await build({
  entryPoints: { unreg: 'src/cli/main.ts' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // Chunks beside the entry: src/version.ts finds package.json two folders up.
  chunkNames: '[name]-[hash]',
  // CommonJS packages bundled into ESM still call require() for node's own modules.
  banner: {
    js: "import { createRequire as __unregRequire } from 'node:module'; const require = __unregRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});
chmodSync('dist/bin/unreg.js', 0o755);
