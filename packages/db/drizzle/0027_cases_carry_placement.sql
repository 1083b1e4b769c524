-- A case carries its student's placement path, kept equal to the student's by a (student, placement) foreign key
-- with ON UPDATE CASCADE (as screening results, 0007, and warnings, 0026). RLS on cases becomes a prefix test and an
-- index range on the row's own path: a counsellor's case list reads their cases instead of walking their 1,066
-- students and probing cases one student at a time, and a case looked up by id (a case entry's policy, My work's
-- cases by responsible person) no longer looks its student up.
ALTER TABLE "cases" DROP CONSTRAINT "cases_student_id_students_id_fk";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "placement_path" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The owner is subject to FORCE ROW LEVEL SECURITY: lifted for the copy, inside this migration's transaction.
ALTER TABLE "cases" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "students" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE cases c SET placement_path = s.placement_path FROM students s WHERE s.id = c.student_id;--> statement-breakpoint
ALTER TABLE "students" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cases" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_student_placement_fk" FOREIGN KEY ("student_id","placement_path") REFERENCES "public"."students"("id","placement_path") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "cases_placement_idx" ON "cases" USING btree ("school_id","placement_path" text_pattern_ops);--> statement-breakpoint
-- A writer need not know the path: the student's is copied in (read under the writer's own row security; a writer
-- who cannot see the student in full could not write the case anyway).
CREATE FUNCTION xq_cases_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.placement_path = '' THEN
    SELECT s.placement_path INTO NEW.placement_path FROM students s WHERE s.id = NEW.student_id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER cases_place BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION xq_cases_place();--> statement-breakpoint
-- The ceilings of the caller's full-view prefixes (each final '/' made '0', as xq_scope_ceilings does for the whole
-- view): with xq_full_floors() the bounds of an index range the planner can use.
CREATE FUNCTION xq_full_ceilings() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(replace(nullif(current_setting('xq.full_scope', true), '') || ',', '/,', '0,'), ',')
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION xq_full_ceilings() TO PUBLIC;--> statement-breakpoint
-- Same rows visible and writable as the student lookup of 0024: the isolation suite and the RLS snapshot check it.
ALTER POLICY cases_access ON cases
  USING (school_id = xq_school_id()
    AND placement_path ~>=~ ANY (xq_full_floors())
    AND placement_path ~<~ ANY (xq_full_ceilings())
    AND placement_path ^@ ANY ((SELECT xq_full_floors())::text[]))
  WITH CHECK (school_id = xq_school_id() AND placement_path ^@ ANY ((SELECT xq_full_floors())::text[]));
