-- A screening result carries its student's placement path, kept equal to the student's by a (student, placement)
-- foreign key with ON UPDATE CASCADE (units never move; a student changing class or dorm updates their results).
-- RLS on results becomes a prefix test on the row itself instead of a lookup of the student for every row: the
-- check runs on every imported row and on every row a tier table reads.
ALTER TABLE "students" ADD CONSTRAINT "students_id_placement_unique" UNIQUE("id","placement_path");--> statement-breakpoint
ALTER TABLE "screening_results" ADD COLUMN "placement_path" text;--> statement-breakpoint
UPDATE screening_results r SET placement_path = s.placement_path FROM students s WHERE s.id = r.student_id;
--> statement-breakpoint
ALTER TABLE "screening_results" ALTER COLUMN "placement_path" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_results" DROP CONSTRAINT "screening_results_student_id_students_id_fk";
--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_student_placement_fk" FOREIGN KEY ("student_id","placement_path") REFERENCES "public"."students"("id","placement_path") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
DROP POLICY screening_results_access ON screening_results;
--> statement-breakpoint
CREATE POLICY screening_results_access ON screening_results
  USING (school_id = xq_school_id() AND xq_in_scope(placement_path, 'xq.full_scope'))
  WITH CHECK (school_id = xq_school_id() AND xq_in_scope(placement_path, 'xq.full_scope'));
--> statement-breakpoint
GRANT SELECT (placement_path), INSERT (placement_path) ON screening_results TO xinqiao_app;
