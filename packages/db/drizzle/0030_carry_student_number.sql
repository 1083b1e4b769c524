-- Cases and warnings carry their student's number, kept equal to the student's by a (student, number) foreign key
-- with ON UPDATE CASCADE, as they carry the placement path (0026, 0027). The follow-up list and the warning list sort
-- by it after the due date: a page is then picked among the cases or warnings alone, instead of looking up the
-- student of every match (1,064 lookups for a counsellor of a 30,000-student school; docs/performance.md).
ALTER TABLE "students" ADD CONSTRAINT "students_id_number_unique" UNIQUE("id","student_number");--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "student_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "warnings" ADD COLUMN "student_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The owner is subject to FORCE ROW LEVEL SECURITY: lifted for the copy, inside this migration's transaction.
ALTER TABLE "cases" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "warnings" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "students" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE cases c SET student_number = s.student_number FROM students s WHERE s.id = c.student_id;--> statement-breakpoint
UPDATE warnings w SET student_number = s.student_number FROM students s WHERE s.id = w.student_id;--> statement-breakpoint
ALTER TABLE "students" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "warnings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cases" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_student_number_fk" FOREIGN KEY ("student_id","student_number") REFERENCES "public"."students"("id","student_number") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_student_number_fk" FOREIGN KEY ("student_id","student_number") REFERENCES "public"."students"("id","student_number") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
-- A writer need not know the path or the number: one function copies in the student's (read under the writer's own
-- row security, as 0027's copy of the path; a writer who cannot see the student could not write the row anyway).
-- It takes over from 0027's xq_cases_place, which copied the path alone, and serves warnings too.
CREATE FUNCTION xq_copy_student() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.placement_path = '' OR NEW.student_number = '' THEN
    SELECT coalesce(nullif(NEW.placement_path, ''), s.placement_path),
           coalesce(nullif(NEW.student_number, ''), s.student_number)
      INTO NEW.placement_path, NEW.student_number
      FROM students s WHERE s.id = NEW.student_id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
DROP TRIGGER cases_place ON cases;--> statement-breakpoint
DROP FUNCTION xq_cases_place();--> statement-breakpoint
CREATE TRIGGER cases_place BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION xq_copy_student();--> statement-breakpoint
CREATE TRIGGER warnings_place BEFORE INSERT ON warnings FOR EACH ROW EXECUTE FUNCTION xq_copy_student();
