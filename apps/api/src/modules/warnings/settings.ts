import { type CompiledPlugin, evaluate, type WarningSettings } from '@xinqiao/policy';
import { problem } from '../../http/problem.ts';

const cache = new WeakMap<CompiledPlugin, Promise<WarningSettings>>();

/**
 * The school's early-warning settings (`part: settings` of its plugin: signals and windows, GPA formula, retention,
 * lost-contact limit, KPI target), evaluated once per loaded plugin. 409 `warnings.no-plugin` without the area.
 *
 * @example const { retention } = await warningSettingsOf(plugin, 'hrbmu'); // retention.rawDays 180
 */
export function warningSettingsOf(
  plugin: CompiledPlugin | undefined,
  school: string,
): Promise<WarningSettings> {
  if (!plugin?.provides('early-warning')) return Promise.reject(problem('warnings.no-plugin', { school }));
  let settings = cache.get(plugin);
  if (!settings) {
    settings = evaluate(plugin, 'early-warning', { part: 'settings' }).then((result) => result.settings!);
    cache.set(plugin, settings);
  }
  return settings;
}

/** A signal's definition, if the school computes it. */
export function signalOf(settings: WarningSettings, code: string) {
  return settings.signals.find((signal) => signal.code === code);
}
