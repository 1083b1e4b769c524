/**
 * @xinqiao/policy: each school's policy as json-rules-engine rules in a plugin folder, validated against typed area
 * contracts and evaluated by one engine wrapper (the same code runs in the browser through `@xinqiao/policy/browser`).
 *
 * For the API:
 * - `loadPluginDirectory(dir): Promise<PluginRegistry>` loads every plugin folder at start; `registry.list()` gives
 *   `{ id, version, status: 'active' | 'refused', errors }` for `GET /api/plugins`; `registry.forSchool(code)` gives
 *   the school's active `CompiledPlugin` (plugin id = school code), whose `bundle` is `{ manifest, rules }` for
 *   `GET /api/plugins/active`.
 * - `evaluate(plugin, area, facts): Promise<Decision<area>>` returns the area's typed result with `pluginId`,
 *   `pluginVersion` and `firedRules`: store these with every decision. `explain` adds the condition trace.
 * - `watchPluginDirectory(dir, onChange)` reloads on change in development.
 * - `plugin.ruleSet(area)` exposes the validated rules, and `conditionHolds(conditions, facts)` evaluates one rule's
 *   conditions synchronously with json-rules-engine's semantics: the pieces of a bulk fast path (check it against
 *   `evaluate` over generated populations, as the policy tests do for the partitioned engines).
 * - Errors: `PolicyFactsError` (facts break the area contract, `issues[{fact, message}]`) and `PolicyEvaluationError`
 *   (no decision, or a requested value outside a rule's range). `explain` returns the error instead of throwing it.
 * - For the screening import: `tierFacts(score)` maps a `@xinqiao/instruments` score to tier facts.
 *
 * @example
 * const registry = await loadPluginDirectory('plugins');
 * const plugin = registry.forSchool('hrbmu');
 * if (plugin) {
 *   const decision = await evaluate(plugin, 'tier-thresholds', { instrument: 'PHQ-9', phq9Total: 8, phq9Item9: 1 });
 *   decision.tier; // 1 (item 9 above 0), decision.followUpWorkingDays // 3
 * }
 */

export {
  type LoadedPlugin,
  loadPluginDirectory,
  loadPluginFolder,
  PluginRegistry,
  type PluginStatus,
  readPluginBundle,
} from './loader/load';
export { parseJson } from './loader/read-json';
export { watchPluginDirectory } from './loader/watch';
export * from './shared';
