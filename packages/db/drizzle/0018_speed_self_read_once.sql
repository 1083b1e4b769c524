-- A student's own-row policies (0016) compare with xq_my_student_id(), a function that reads student_accounts: in a
-- policy it ran once per row the policy looks at, so a counsellor's student list paid a student_accounts lookup
-- for each of the college's students (14 ms of a 15 ms count, issue 15). As a scalar subquery it is an InitPlan:
-- run once per statement, its value an index condition. Same rows visible.
DROP POLICY students_self_read ON students;--> statement-breakpoint
CREATE POLICY students_self_read ON students FOR SELECT USING (
  school_id = xq_school_id() AND id = (SELECT xq_my_student_id())
);--> statement-breakpoint
DROP POLICY screening_results_self_read ON screening_results;--> statement-breakpoint
CREATE POLICY screening_results_self_read ON screening_results FOR SELECT USING (
  school_id = xq_school_id() AND student_id = (SELECT xq_my_student_id())
);
