// Plain JavaScript (types in index.d.ts, checked with checkJs): Vite loads vite.config.ts by bundling it but leaves
// packages to Node, and Node 20 cannot import a .ts file, so a TypeScript source here would fail every build.
import { federation } from '@module-federation/vite';
import vue from '@vitejs/plugin-vue';
import { precompress } from './precompress.js';

/** @import { ModuleFederationOptions } from '@module-federation/vite' */
/** @import { Plugin, UserConfig } from 'vite' */
/** @import { OfficeRemoteOptions } from './index.js' */

// Everything the shell shares is taken from the shell (`import: false`): a remote never ships its own Vue,
// Element Plus or i18n, so there is one of each on the page (the shell's language switch and session reach it)
// and the remote's own code stays small. The versions match apps/shell/src/federation/shared.ts.
const fromShell = /** @type {const} */ ({ singleton: true, import: false });

/** @param {boolean} charts @returns {NonNullable<ModuleFederationOptions['shared']>} */
function sharedFromShell(charts) {
  return {
    vue: { ...fromShell, requiredVersion: '^3.5.0' },
    pinia: { ...fromShell, requiredVersion: '^4.0.0' },
    'vue-router': { ...fromShell, requiredVersion: '^5.0.0' },
    'vue-i18n': { ...fromShell, requiredVersion: '^11.0.0' },
    '@xinqiao/web-kit': { ...fromShell, requiredVersion: '~0.1.0' },
    '@xinqiao/web-kit/elements': { ...fromShell, requiredVersion: '~0.1.0' },
    ...(charts ? { '@xinqiao/web-kit/charts': { ...fromShell, requiredVersion: '~0.1.0' } } : {}),
  };
}

// The API serves remotes only under /modules/<id>/ and /plugins/<pluginId>/ (apps/api/src/modules/frontends); any
// other base, or one without its closing slash, builds a remote whose chunks 404 once the shell loads it.
const SERVED_BASE = /^\/(modules|plugins)\/[a-z0-9-]+\/([a-z0-9-]+\/)*$/;

/**
 * The federation plugin's options for a remote; the shell finds it through mf-manifest.json.
 * @param {OfficeRemoteOptions} options
 * @returns {ModuleFederationOptions}
 */
export function remoteFederation(options) {
  return {
    name: options.name,
    filename: 'remoteEntry.js',
    manifest: true,
    dts: false,
    ...(options.externalRuntime === false ? {} : { experiments: { externalRuntime: true } }),
    exposes: options.exposes,
    shared: sharedFromShell(options.charts ?? false),
  };
}

const CHARTS_IMPORT = /['"]@xinqiao\/web-kit\/charts['"]/;

/**
 * Fails the build of a remote that asks for the charts (`charts: true`) but never imports `@xinqiao/web-kit/charts`:
 * the federation runtime loads a declared share that no chunk imports when the remote starts, so such a remote
 * downloads ECharts (~170 KB gzip) before its first render for nothing (the counselling center did: 247 KB of JS before its first render, 75 KB without).
 * @returns {Plugin}
 */
export function chartsImported() {
  let imported = false;
  let root = '';
  // The remote's own source files: not a library, nor the federation plugin's virtual modules (which name the share).
  const ownFile = (/** @type {string} */ id) => id.startsWith(`${root}/`) && !id.includes('/node_modules/');
  return {
    name: 'xinqiao:charts-imported',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      imported = false;
    },
    transform(code, id) {
      if (!imported && ownFile(id) && CHARTS_IMPORT.test(code)) imported = true;
      return null;
    },
    buildEnd(error) {
      if (error || imported) return;
      this.error(
        'charts: true, but no file imports @xinqiao/web-kit/charts: the remote would download ECharts when it starts. ' +
          'Drop charts: true, or import the charts (behind defineAsyncComponent, so they load when drawn).',
      );
    },
  };
}

/**
 * The whole Vite config of an office module or plugin screen: Vue, the remote, and the build the API serves
 * (with `.br` and `.gz` copies of its text files).
 * @param {OfficeRemoteOptions} options
 * @returns {UserConfig}
 */
export function officeRemote(options) {
  if (!SERVED_BASE.test(options.base)) {
    throw new Error(
      `base ${options.base} is not served by the API: use /modules/<id>/ or /plugins/<pluginId>/<folder>/`,
    );
  }
  return {
    base: options.base,
    plugins: [
      ...(options.charts ? [chartsImported()] : []),
      vue(),
      federation(remoteFederation(options)),
      precompress(),
    ],
    build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  };
}
