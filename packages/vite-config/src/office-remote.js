// Plain JavaScript (types in index.d.ts, checked with checkJs): Vite loads vite.config.ts by bundling it but leaves
// packages to Node, and Node 20 cannot import a .ts file, so a TypeScript source here would fail every build.
import { federation } from '@module-federation/vite';
import vue from '@vitejs/plugin-vue';
import { precompress } from './precompress.js';

/** @import { ModuleFederationOptions } from '@module-federation/vite' */
/** @import { UserConfig } from 'vite' */
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
    plugins: [vue(), federation(remoteFederation(options)), precompress()],
    build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  };
}
