// Bundles the CLI into dist/bin/ with esbuild: the shipped `bin` entry.
// Why: Node 20 has no compile cache, and resolving, reading and compiling the
// ~60 modules of src/ and yargs' own dozens cost more CPU than a command's work
// (docs/performance.md, "Start-up"). tsc stays the type check; this only packs
// its input. Each command stays a lazily loaded chunk (splitting), so `reasons`
// never compiles the sweep.
import { chmodSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

// Native or CommonJS packages that must be loaded from node_modules as they are:
// ssh2 (and its optional native cpu-features), better-sqlite3 (a native addon),
// playwright-core (finds its own files on disk).
const EXTERNAL = ['ssh2', 'cpu-features', 'better-sqlite3', 'playwright-core'];

// Packages whose module body is costly and that a short command never calls.
// string-width (three copies, under yargs, cliui and wrap-ansi) builds an
// Intl.Segmenter and Unicode-property regular expressions (\p{RGI_Emoji}...)
// when it is loaded: 30-40 ms of CPU, a sixth of `unreg reasons 16`, for a
// function that only help text calls. Each import of one is given a stand-in
// that require()s the real module on its first call; esbuild evaluates a
// require()d ES module only then (its `__esm` wrapper). The stand-in is
// CommonJS, so that both `import` (yargs) and `require` (cli-progress) get the
// function itself.
const DEFERRED = ['string-width'];

const RESOLVING = Symbol('resolving the real module');

/** @type {import('esbuild').Plugin} */
const deferEvaluation = {
  name: 'defer-evaluation',
  setup(bundler) {
    const filter = new RegExp(`^(${DEFERRED.join('|')})$`);
    bundler.onResolve({ filter }, async ({ path, importer, kind, resolveDir, pluginData }) => {
      if (pluginData === RESOLVING) return undefined; // the real module, for the stand-in's path
      const real = await bundler.resolve(path, { importer, kind, resolveDir, pluginData: RESOLVING });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'deferred' };
    });
    bundler.onLoad({ filter: /.*/, namespace: 'deferred' }, ({ path }) => ({
      contents: [
        'let real;',
        `module.exports = (...args) => (real ??= require(${JSON.stringify(path)}).default)(...args);`,
      ].join('\n'),
      resolveDir: dirname(path),
      loader: 'js',
    }));
  },
};

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
  plugins: [deferEvaluation],
  sourcemap: true,
  logLevel: 'warning',
});
chmodSync('dist/bin/unreg.js', 0o755);
