import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isAreaId } from '../contracts';
import { type CompiledPlugin, compilePlugin, type PluginBundle } from '../engine/plugin';
import { formatPolicyError, jsonPath, type PolicyError } from '../errors';
import type { PluginManifest } from '../manifest/schema';
import { parseJson } from './read-json';

/** One plugin folder as loaded: active with its compiled plugin, or refused with its errors. */
export interface LoadedPlugin {
  /** The plugin id (the folder name when the manifest could not be read). */
  readonly id: string;
  readonly version: string | null;
  readonly status: 'active' | 'refused';
  readonly errors: readonly PolicyError[];
  readonly manifest: PluginManifest | null;
  /** Absolute folder path. */
  readonly dir: string;
  /** Present when active. */
  readonly plugin?: CompiledPlugin;
}

/** What `GET /api/plugins` lists for each plugin. */
export interface PluginStatus {
  readonly id: string;
  readonly version: string | null;
  readonly status: 'active' | 'refused';
  readonly school: { readonly code: string; readonly name: string; readonly nameEn: string } | null;
  readonly areas: readonly string[];
  /** One line per error: `file: path: message`. */
  readonly errors: readonly string[];
}

/** Every plugin found in a plugins directory; refused plugins are listed but never evaluated. */
export class PluginRegistry {
  constructor(
    readonly dir: string,
    readonly plugins: readonly LoadedPlugin[],
    readonly loadedAt: Date = new Date(),
  ) {}

  /** The plugin folder of an id, active or refused. */
  get(id: string): LoadedPlugin | undefined {
    return this.plugins.find((plugin) => plugin.id === id);
  }

  /**
   * The active plugin of a school (plugin id = school code), or undefined when it is missing or refused.
   * @example registry.forSchool('hrbmu')?.version // '1.0.0'
   */
  forSchool(schoolCode: string): CompiledPlugin | undefined {
    return this.get(schoolCode)?.plugin;
  }

  /** Every active plugin. */
  active(): CompiledPlugin[] {
    return this.plugins.flatMap((plugin) => (plugin.plugin ? [plugin.plugin] : []));
  }

  /** Each plugin with version, status and errors, for `GET /api/plugins`. */
  list(): PluginStatus[] {
    return this.plugins.map((plugin) => ({
      id: plugin.id,
      version: plugin.version,
      status: plugin.status,
      school: plugin.manifest?.school ?? null,
      areas: plugin.manifest ? Object.keys(plugin.manifest.areas) : [],
      errors: plugin.errors.map(formatPolicyError),
    }));
  }
}

const posix = (value: string) => value.split(path.sep).join('/');

/**
 * Reads a plugin folder from disk into a bundle: `plugin.json` and each rule file it lists. Read and JSON errors name
 * the file; a missing rule file names `plugin.json` and the area.
 */
export async function readPluginBundle(
  folder: string,
  displayDir: string,
): Promise<{ bundle?: PluginBundle; errors: PolicyError[] }> {
  const manifestFile = `${displayDir}/plugin.json`;
  const text = await readFile(path.join(folder, 'plugin.json'), 'utf8').catch(() => undefined);
  if (text === undefined)
    return { errors: [{ file: manifestFile, path: '$', message: 'missing plugin.json' }] };
  const parsed = parseJson(text, manifestFile);
  if (parsed.errors.length) return { errors: parsed.errors };
  const manifest = parsed.value as { areas?: unknown };
  const errors: PolicyError[] = [];
  const rules: Record<string, unknown> = {};
  const areas =
    manifest && typeof manifest.areas === 'object' && manifest.areas
      ? (manifest.areas as Record<string, unknown>)
      : {};
  for (const [area, file] of Object.entries(areas)) {
    if (!isAreaId(area) || typeof file !== 'string' || file.includes('..') || path.isAbsolute(file)) continue; // the manifest check reports these
    const ruleText = await readFile(path.join(folder, file), 'utf8').catch(() => undefined);
    if (ruleText === undefined) {
      errors.push({
        file: manifestFile,
        path: jsonPath(['areas', area]),
        message: `rule file "${file}" not found`,
      });
      continue;
    }
    const rule = parseJson(ruleText, `${displayDir}/${file}`);
    errors.push(...rule.errors);
    if (!rule.errors.length) rules[area] = rule.value;
  }
  return { bundle: { manifest: parsed.value, rules }, errors };
}

/**
 * Loads one plugin folder: reads, validates and compiles it. Never throws for a bad plugin: it comes back refused.
 * @example const hut = await loadPluginFolder('/srv/xinqiao/plugins/hut'); hut.status // 'active'
 */
export async function loadPluginFolder(
  folder: string,
  options: { readonly displayDir?: string } = {},
): Promise<LoadedPlugin> {
  const absolute = path.resolve(folder);
  const name = path.basename(absolute);
  const displayDir = options.displayDir ?? posix(path.join(path.basename(path.dirname(absolute)), name));
  const read = await readPluginBundle(absolute, displayDir);
  const compiled = read.bundle ? compilePlugin(read.bundle, { displayDir, folder: name }) : undefined;
  // The reader and the compiler may both notice a missing rule file: keep the reader's message.
  const errors = [...read.errors, ...(compiled?.errors ?? [])].filter(
    (error, index, all) =>
      all.findIndex((other) => other.file === error.file && other.path === error.path) === index,
  );
  const manifest = compiled?.ok ? compiled.plugin.manifest : (compiled?.manifest ?? null);
  if (compiled?.ok && errors.length === 0) {
    return {
      id: compiled.plugin.id,
      version: compiled.plugin.version,
      status: 'active',
      errors: [],
      manifest,
      dir: absolute,
      plugin: compiled.plugin,
    };
  }
  return {
    id: manifest?.id ?? name,
    version: manifest?.version ?? null,
    status: 'refused',
    errors,
    manifest,
    dir: absolute,
  };
}

/**
 * Loads every plugin folder of a directory (hidden folders and plain files are skipped). A broken plugin is refused
 * with its errors; the others load. Error file names are relative to the directory's parent, e.g. `plugins/hut/…`.
 * @example
 * const registry = await loadPluginDirectory('plugins');
 * registry.list() // [{ id: 'hrbmu', version: '1.0.0', status: 'active', errors: [] }, …]
 * const hrbmu = registry.forSchool('hrbmu');
 */
export async function loadPluginDirectory(dir: string): Promise<PluginRegistry> {
  const absolute = path.resolve(dir);
  const entries = await readdir(absolute, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort();
  const plugins = await Promise.all(
    folders.map((name) =>
      loadPluginFolder(path.join(absolute, name), { displayDir: `${path.basename(absolute)}/${name}` }),
    ),
  );
  return new PluginRegistry(absolute, plugins);
}
