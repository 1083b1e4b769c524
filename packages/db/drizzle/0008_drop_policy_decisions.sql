-- policy_decisions was never written: every stored plugin decision carries its plugin id and version on the row it
-- decides (screening_results: tier, reasons, plugin_id, plugin_version; alliance_ledger: rule_name, plugin_id,
-- plugin_version), and the other areas are recomputed on every read. See docs/decisions.md.
DROP TABLE "policy_decisions" CASCADE;
