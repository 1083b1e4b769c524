-- 0019 made the scope arrays InitPlans; as parameters of the range the planner could no longer estimate it and read
-- the whole school (the checked-in hot plans showed a Seq Scan on students). The range goes back to the functions,
-- which the planner uses as an index range on students_placement_idx; the prefix check stays an InitPlan, computed
-- once per statement. The ceilings are made with replace() instead of a regular expression: each prefix's final
-- '/' becomes '0' (a prefix without it stays as it is and only narrows the range; the list gains an empty last
-- element, which sorts below every path and so widens nothing). Same rows visible.
CREATE OR REPLACE FUNCTION xq_scope_ceilings() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(replace(xq_scope_prefixes() || ',', '/,', '0,'), ',')
$$;--> statement-breakpoint
DROP POLICY students_read ON students;--> statement-breakpoint
CREATE POLICY students_read ON students FOR SELECT USING (
  school_id = xq_school_id()
  AND placement_path ~>=~ ANY (xq_scope_floors())
  AND placement_path ~<~ ANY (xq_scope_ceilings())
  AND placement_path ^@ ANY ((SELECT xq_scope_floors())::text[])
);
