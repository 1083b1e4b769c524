import type { ModuleFederationOptions } from '@module-federation/vite';
import type { Plugin, UserConfig } from 'vite';

/** What differs between two office modules (or plugin screens) built as Module Federation remotes. */
export interface OfficeRemoteOptions {
  /** The Module Federation name, `xinqiao_<id>`; the API's frontends registry names the same. */
  name: string;
  /** Where the API serves the remote: `/modules/<id>/`, or `/plugins/<pluginId>/ui/` for a plugin screen. */
  base: string;
  /** `{ './App': './src/App.vue' }` for a module, `{ './Screen': './src/Screen.vue' }` for a plugin screen. */
  exposes: Record<string, string>;
  /** Take ECharts (`@xinqiao/web-kit/charts`) from the shell too; only modules that draw charts ask for it. */
  charts?: boolean;
  /**
   * Use the shell's Module Federation runtime (globalThis._FEDERATION_RUNTIME_CORE) rather than bundling one:
   * ~19 KB gzip less. On unless a remote says otherwise.
   */
  externalRuntime?: boolean;
}

/** The federation plugin's options for a remote; the shell finds it through mf-manifest.json. */
export declare function remoteFederation(options: OfficeRemoteOptions): ModuleFederationOptions;

/** The whole Vite config of an office module or plugin screen: Vue, the remote, and the build the API serves. */
export declare function officeRemote(options: OfficeRemoteOptions): UserConfig;

/** A file {@link precompressFolder} compressed: its path in the folder and its sizes (0 when a copy was not smaller). */
export interface PrecompressedFile {
  path: string;
  bytes: number;
  brotli: number;
  gzip: number;
}

/** Files smaller than this are not precompressed. */
export declare const PRECOMPRESS_MIN_BYTES: number;

/** Writes `.br` and `.gz` copies beside every text file of a build folder; the API serves them by Accept-Encoding. */
export declare function precompressFolder(dir: string): Promise<PrecompressedFile[]>;

/** A Vite plugin that runs {@link precompressFolder} on the build's outDir once everything is written. */
export declare function precompress(): Plugin;
