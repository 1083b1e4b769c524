import { AREA_CONTRACTS, type AreaFacts, type AreaId, type AreaResult } from '../contracts';
import type { AreaContract } from '../contracts/contract';
import { jsonPath, type PolicyError } from '../errors';
import { type PluginManifest, validateManifest } from '../manifest/schema';
import type { RuleSet } from '../rules/schema';
import { validateRuleFile } from '../rules/validate';
import { type AreaRun, CompiledArea } from './compiled-area';

/**
 * A plugin as plain JSON: the parsed `plugin.json` and each area's parsed rule file, keyed by area id. This is what
 * the API serves at `GET /api/plugins/active` and what the browser passes to `compilePlugin`.
 */
export interface PluginBundle {
  readonly manifest: unknown;
  readonly rules: Readonly<Record<string, unknown>>;
}

/** What every decision carries so it can be explained later: which plugin version decided, and by which rules. */
export interface DecisionMeta<A extends AreaId = AreaId> {
  readonly pluginId: string;
  readonly pluginVersion: string;
  readonly area: A;
  /** Rules that fired and were not overridden, in rule-file order. */
  readonly firedRules: readonly string[];
  /** Rules that fired but were replaced by an overriding rule. */
  readonly overriddenRules: readonly string[];
}

/** The typed result of an area plus the decision metadata. */
export type Decision<A extends AreaId> = AreaResult<A> & DecisionMeta<A>;

/** A validated plugin with an engine per area, ready to evaluate. Build it once and reuse it. */
export class CompiledPlugin {
  readonly id: string;
  readonly version: string;
  readonly areas: readonly AreaId[];

  /** @internal use compilePlugin */
  constructor(
    readonly manifest: PluginManifest,
    readonly bundle: PluginBundle,
    private readonly compiled: ReadonlyMap<AreaId, CompiledArea>,
  ) {
    this.id = manifest.id;
    this.version = manifest.version;
    this.areas = [...compiled.keys()];
  }

  /** Whether the plugin provides the area. */
  provides(area: AreaId): boolean {
    return this.compiled.has(area);
  }

  /**
   * The validated rule set of an area (rules with conditions, events, priorities, overrides), e.g. for a bulk fast
   * path that must reproduce json-rules-engine's decisions; undefined when the plugin does not provide the area.
   */
  ruleSet(area: AreaId): RuleSet | undefined {
    return this.compiled.get(area)?.ruleSet;
  }

  /** @internal the compiled area, for evaluate and the authoring tools */
  compiledArea<A extends AreaId>(area: A): CompiledArea<AreaResult<A>> | undefined {
    return this.compiled.get(area) as CompiledArea<AreaResult<A>> | undefined;
  }
}

/** Outcome of compiling a bundle: the plugin, or every error found (with the manifest when it parsed). */
export type CompileResult =
  | { readonly ok: true; readonly plugin: CompiledPlugin; readonly errors: readonly [] }
  | { readonly ok: false; readonly manifest?: PluginManifest; readonly errors: readonly PolicyError[] };

/**
 * Validates a plugin bundle (manifest + rule files as JSON) against the schema and the area contracts and builds one
 * json-rules-engine Engine per area. Runs the same code in node (the loader) and in the browser.
 * @example
 * const compiled = compilePlugin({ manifest, rules: { 'staffing-ratio': ratioRules } });
 * if (compiled.ok) await evaluate(compiled.plugin, 'staffing-ratio', { enrolment: 30000 });
 */
export function compilePlugin(
  bundle: PluginBundle,
  options: {
    /** Folder shown in error file names, e.g. `plugins/hut`; defaults to `plugins/<folder or manifest id>`. */
    readonly displayDir?: string;
    /** The folder the plugin was loaded from: its name must equal the plugin id. */
    readonly folder?: string;
  } = {},
): CompileResult {
  const rawId = (bundle.manifest as { id?: unknown } | null)?.id;
  const dir =
    options.displayDir ?? `plugins/${options.folder ?? (typeof rawId === 'string' ? rawId : 'unknown')}`;
  const manifestFile = `${dir}/plugin.json`;
  const checked = validateManifest(bundle.manifest, {
    file: manifestFile,
    ...(options.folder ? { folder: options.folder } : {}),
  });
  const errors: PolicyError[] = [...checked.errors];
  const manifest = checked.manifest;
  if (!manifest) return { ok: false, errors };
  const compiled = new Map<AreaId, CompiledArea>();
  for (const [area, path] of Object.entries(manifest.areas) as [AreaId, string][]) {
    const file = `${dir}/${path}`;
    const json = bundle.rules[area];
    if (json === undefined) {
      errors.push({
        file: manifestFile,
        path: jsonPath(['areas', area]),
        message: `rule file "${path}" was not provided`,
      });
      continue;
    }
    const contract = AREA_CONTRACTS[area] as AreaContract;
    const result = validateRuleFile(json, { file, area, contract });
    errors.push(...result.errors);
    if (result.ruleSet) compiled.set(area, new CompiledArea(manifest.id, area, contract, result.ruleSet));
  }
  if (errors.length) return { ok: false, manifest, errors };
  return { ok: true, plugin: new CompiledPlugin(manifest, bundle, compiled), errors: [] };
}

function areaOf<A extends AreaId>(plugin: CompiledPlugin, area: A): CompiledArea<AreaResult<A>> {
  const compiled = plugin.compiledArea(area);
  if (!compiled) throw new Error(`plugin "${plugin.id}" does not provide the area "${area}"`);
  return compiled;
}

/**
 * Evaluates one area of a plugin on one subject's facts and returns the typed result with the plugin id and version.
 * Throws PolicyFactsError for facts that break the contract and PolicyEvaluationError when the rules give no decision.
 * @example
 * const tier = await evaluate(plugin, 'tier-thresholds', { instrument: 'PHQ-9', phq9Total: 21, phq9Item9: 0 });
 * tier.tier // 1
 * tier.pluginVersion // '1.0.0'
 */
export async function evaluate<A extends AreaId>(
  plugin: CompiledPlugin,
  area: A,
  facts: AreaFacts<A>,
): Promise<Decision<A>> {
  const run = await areaOf(plugin, area).run(facts as Record<string, unknown>);
  if (run.error) throw run.error;
  return {
    ...(run.result as AreaResult<A>),
    pluginId: plugin.id,
    pluginVersion: plugin.version,
    area,
    firedRules: run.firedRules,
    overriddenRules: run.overriddenRules,
  };
}

/**
 * Like evaluate, but never throws for a missing decision: returns the result or the error together with the trace
 * of every rule (which conditions passed or failed, with the fact values json-rules-engine saw). For authoring tools
 * and "why" screens. Still throws PolicyFactsError for facts that break the contract.
 */
export async function explain<A extends AreaId>(
  plugin: CompiledPlugin,
  area: A,
  facts: AreaFacts<A> | Readonly<Record<string, unknown>>,
): Promise<AreaRun<AreaResult<A>> & { readonly pluginId: string; readonly pluginVersion: string }> {
  const run = await areaOf(plugin, area).run(facts as Record<string, unknown>);
  return { ...run, pluginId: plugin.id, pluginVersion: plugin.version };
}
