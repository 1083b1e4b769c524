// The server as one JavaScript file, built ahead from src/main.ts with esbuild (docs/decisions.md, how `pnpm start`
// runs the server).
//
// Plain JavaScript because it runs before anything can compile TypeScript: starting through tsx costs ~1.5 s of
// module loading in its hooks thread on a 2-core machine, which alone spent most of the 3 s start-up budget.
//
// Only the workspace's own code (src/ and the @xinqiao/* packages) is bundled. Every other package stays an import
// of the file Node would load anyway, by absolute path: packages find their own files (PGlite's WebAssembly,
// native addons) next to themselves, and pnpm's strict layout need not be reproduced next to the bundle.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = resolve(apiDir, '..', '..');
/** Where `pnpm start` keeps the bundle (`main.mjs`), its source map and the list of its inputs. */
const BUNDLE_DIR = join(apiDir, 'dist', 'server');
// A dependency changed by `pnpm install` moves the files the bundle imports.
const ALWAYS_INPUTS = [join(repoRoot, 'pnpm-lock.yaml'), fileURLToPath(import.meta.url)];
const builtins = new Set(builtinModules);

/**
 * True when the bundle is missing or any file it was built from (or the lockfile) is newer than it or gone.
 * A new source file is always imported by a changed one, so the changed one's time catches it.
 */
export function bundleIsStale(dir = BUNDLE_DIR) {
  let builtAt;
  let inputs;
  try {
    builtAt = statSync(join(dir, 'main.mjs')).mtimeMs;
    inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
  } catch {
    return true;
  }
  return [...inputs, ...ALWAYS_INPUTS].some((file) => {
    try {
      return statSync(file).mtimeMs > builtAt;
    } catch {
      return true;
    }
  });
}

/** The source's `import.meta` paths as the source file's own, not the bundle's (migrations, plugins, fonts). */
function keepSourcePaths(path, source) {
  if (!source.includes('import.meta.')) return source;
  return source
    .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href))
    .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
    .replaceAll('import.meta.filename', JSON.stringify(path));
}

/** @type {import('esbuild').Plugin} */
const workspaceOnly = {
  name: 'xinqiao-workspace-only',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving || args.path.startsWith('@xinqiao/')) return undefined;
      if (args.path.startsWith('node:') || builtins.has(args.path)) return { external: true };
      const found = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: pathToFileURL(found.path).href, external: true };
    });
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: keepSourcePaths(args.path, readFileSync(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};

/** Writes a file beside and renames it: a process starting at the same time never reads half of it. */
function writeWhole(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Builds `main.mjs` (with its source map) and `inputs.json`, the files it was built from, into `dir`. */
export async function buildServerBundle(dir = BUNDLE_DIR) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: apiDir,
    entryPoints: [join(apiDir, 'src', 'main.ts')],
    outfile: join(dir, 'main.mjs'),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Resolve packages as Node does: no "module" condition or field, which only bundlers read.
    conditions: [],
    mainFields: ['main'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [workspaceOnly],
  });
  mkdirSync(dir, { recursive: true });
  // The inputs last: a bundle without them counts as stale.
  for (const file of result.outputFiles) writeWhole(file.path, file.contents);
  const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(apiDir, input));
  writeWhole(join(dir, 'inputs.json'), JSON.stringify(inputs));
}

/** The bundle's path, built first when stale (`log` hears that it is building and how long it took). */
export async function ensureServerBundle(log = () => {}) {
  if (bundleIsStale()) {
    const started = Date.now();
    log('构建服务器 / building the server…');
    await buildServerBundle();
    log(`  完成 / built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  return join(BUNDLE_DIR, 'main.mjs');
}
