// Plain JavaScript for the same reason as office-remote.js: Node 20 loads this package while Vite reads a config.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** @import { Plugin } from 'vite' */
/** @import { PrecompressedFile } from './index.js' */

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text the browser fetches: scripts, styles, pages, manifests, images as SVG. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:m?js|css|html|json|svg|txt|xml|wasm)$/;

/** Below this a compressed body saves less than the headers and a round of decoding cost. */
export const PRECOMPRESS_MIN_BYTES = 1024;

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip level 9) beside every text file of `dir` of at
 * least {@link PRECOMPRESS_MIN_BYTES}, when the compressed copy is smaller; the API serves the copy the request's
 * Accept-Encoding allows. Runs in the thread pool, several files at once. Returns what it wrote, by path.
 * @param {string} dir
 * @returns {Promise<PrecompressedFile[]>}
 * @example
 * await precompressFolder('apps/shell/dist'); // dist/assets/index-ro2KJ3oC.js.br, ….gz
 */
export async function precompressFolder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !relative(dir, path).startsWith('.'))
    .sort();
  const written = await Promise.all(files.map((path) => precompressFile(dir, path)));
  return written.filter((file) => file !== null);
}

/**
 * @param {string} dir
 * @param {string} path
 * @returns {Promise<PrecompressedFile | null>}
 */
async function precompressFile(dir, path) {
  const bytes = await readFile(path);
  if (bytes.length < PRECOMPRESS_MIN_BYTES) return null;
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gzipped(bytes, { level: 9 }),
  ]);
  const file = { path: relative(dir, path), bytes: bytes.length, brotli: 0, gzip: 0 };
  if (br.length < bytes.length) {
    await writeFile(`${path}.br`, br);
    file.brotli = br.length;
  }
  if (gz.length < bytes.length) {
    await writeFile(`${path}.gz`, gz);
    file.gzip = gz.length;
  }
  return file;
}

/**
 * A Vite plugin that precompresses the build once it is written, Module Federation's manifest and remote entry
 * included (they are written late, so this runs last).
 * @returns {Plugin}
 * @example
 * export default defineConfig({ plugins: [vue(), precompress()] });
 */
export function precompress() {
  let outDir = '';
  return {
    name: 'xinqiao:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler(error) {
        // Rolldown calls closeBundle after a failed build too, not always with the error: then there is nothing to
        // compress, and throwing here would hide the build's own error behind an ENOENT.
        if (error || !existsSync(outDir)) return;
        await precompressFolder(outDir);
      },
    },
  };
}
