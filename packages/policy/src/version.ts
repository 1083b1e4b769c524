/**
 * Version of the policy contracts (facts, events, results of every area). A plugin states the range it needs in
 * `plugin.json` `engine`; a plugin whose range this version does not satisfy is refused. Bump the major version when a
 * contract changes incompatibly (a fact renamed, an event param removed).
 */
export const POLICY_ENGINE_VERSION = '1.0.0';
