-- The students' read policy computes the caller's scope arrays once per statement instead of once per row
-- (issue 15): each is a scalar subquery, an InitPlan, whose value serves as the index range and as the prefix
-- check. Row by row the policy then only compares the path with arrays already made, where it parsed the settings,
-- joined them and ran a regular expression for every student the index range returned. The prefix check is the
-- same one as before: a placement path under one of the full or reduced scope prefixes (xq_scope_floors() is
-- exactly the list of both, as xq_in_scope reads each). Same rows visible.
DROP POLICY students_read ON students;--> statement-breakpoint
CREATE POLICY students_read ON students FOR SELECT USING (
  school_id = xq_school_id()
  AND placement_path ~>=~ ANY ((SELECT xq_scope_floors())::text[])
  AND placement_path ~<~ ANY ((SELECT xq_scope_ceilings())::text[])
  AND placement_path ^@ ANY ((SELECT xq_scope_floors())::text[])
);
