-- The scope check runs on every row RLS looks at: one inlinable expression instead of a subquery over unnest()
-- lets the planner fold it into the policy (a counsellor's student list went from ~1 s to ~0.1 s on PGlite).
CREATE OR REPLACE FUNCTION xq_in_scope(target_path text, scope_setting text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(target_path ^@ ANY (string_to_array(nullif(current_setting(scope_setting, true), ''), ',')), false)
$$;
