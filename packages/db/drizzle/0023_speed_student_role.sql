-- A student's transactions run as their own role, xinqiao_student (xinqiao_app's privileges, nothing more), and the
-- two own-record policies that stood beside the staff policies apply to that role alone (issue 15). Permissive
-- policies are OR-ed: while students_self_read applied to every role, each staff read of students was
-- "(the scope's index range AND prefix) OR id = my student id", which no index answers as a whole, so the range was
-- evaluated again on every row the index found (4 µs a row, most of a list request) and a generic plan of the list
-- read the whole school. For staff the policy is now the range alone; a student's transaction gets both policies, so
-- a class committee member who is also a student still sees their class and their own record. Same rows visible.
DO $$ BEGIN
  CREATE ROLE xinqiao_student NOLOGIN NOSUPERUSER NOBYPASSRLS INHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  GRANT xinqiao_app TO xinqiao_student;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT xinqiao_student TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
ALTER POLICY students_self_read ON students TO xinqiao_student;
--> statement-breakpoint
ALTER POLICY screening_results_self_read ON screening_results TO xinqiao_student;
