-- A warning carries its student's placement path, kept equal to the student's by a (student, placement) foreign key
-- with ON UPDATE CASCADE, as a screening result does (0007). RLS on warnings becomes a prefix test on the row
-- instead of a lookup of the student for every row, and a counsellor's warnings (My work, a unit's list) are a range
-- of an index on the path instead of a walk of their 1,066 students probing warnings one student at a time.
ALTER TABLE "warnings" DROP CONSTRAINT "warnings_student_id_students_id_fk";--> statement-breakpoint
ALTER TABLE "warnings" ADD COLUMN "placement_path" text;--> statement-breakpoint
-- The owner is subject to FORCE ROW LEVEL SECURITY: lifted for the copy, inside this migration's transaction.
ALTER TABLE "warnings" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "students" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE warnings w SET placement_path = s.placement_path FROM students s WHERE s.id = w.student_id;--> statement-breakpoint
ALTER TABLE "students" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "warnings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "warnings" ALTER COLUMN "placement_path" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_student_placement_fk" FOREIGN KEY ("student_id","placement_path") REFERENCES "public"."students"("id","placement_path") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "warnings_open_placement_idx" ON "warnings" USING btree ("school_id","placement_path" text_pattern_ops) WHERE status = 'open' AND talked_at IS NULL;--> statement-breakpoint
CREATE INDEX "warnings_placement_idx" ON "warnings" USING btree ("school_id","placement_path" text_pattern_ops);--> statement-breakpoint
-- Same rows visible and writable as the student lookup of 0024 (a student in full view is a student the caller
-- sees): the isolation suite and the RLS snapshot check it.
ALTER POLICY warnings_access ON warnings
  USING (school_id = xq_school_id() AND placement_path ^@ ANY ((SELECT xq_full_floors())::text[]))
  WITH CHECK (school_id = xq_school_id() AND placement_path ^@ ANY ((SELECT xq_full_floors())::text[]));
