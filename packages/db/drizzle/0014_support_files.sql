CREATE TABLE "college_student_counts" (
	"school_id" uuid NOT NULL,
	"college_unit_id" uuid NOT NULL,
	"students" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "college_student_counts_school_id_college_unit_id_pk" PRIMARY KEY("school_id","college_unit_id")
);
--> statement-breakpoint
CREATE TABLE "disciplinary_sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"sanction" text NOT NULL,
	"level" text NOT NULL,
	"sanctioned_on" date NOT NULL,
	"revoked_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disciplinary_sanctions_level_check" CHECK (level IN ('warning', 'serious_warning', 'demerit', 'probation', 'expulsion')),
	CONSTRAINT "disciplinary_sanctions_revoked_after" CHECK (revoked_on IS NULL OR revoked_on >= sanctioned_on)
);
--> statement-breakpoint
CREATE TABLE "entered_failed_courses" (
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"term" text NOT NULL,
	"count" integer NOT NULL,
	"entered_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entered_failed_courses_student_id_term_pk" PRIMARY KEY("student_id","term"),
	CONSTRAINT "entered_failed_courses_count_check" CHECK (count >= 0 AND count <= 200)
);
--> statement-breakpoint
CREATE TABLE "financial_aids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"college_unit_id" uuid NOT NULL,
	"term" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"amount_yuan" numeric(10, 2),
	"given_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financial_aids_kind_check" CHECK (kind IN ('money', 'job', 'psychological', 'growth', 'self_help')),
	CONSTRAINT "financial_aids_amount_check" CHECK (amount_yuan IS NULL OR amount_yuan >= 0)
);
--> statement-breakpoint
CREATE TABLE "hardship_certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"college_unit_id" uuid NOT NULL,
	"term" text NOT NULL,
	"level" text NOT NULL,
	"certified_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hardship_certifications_level_check" CHECK (level IN ('special', 'hardship', 'general'))
);
--> statement-breakpoint
CREATE TABLE "home_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"visitors" text NOT NULL,
	"family_present" text NOT NULL,
	"findings" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"responsible_kind" text,
	"responsible_person_id" uuid,
	"responsible_student_id" uuid,
	"plan" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"plan_written_at" timestamp with time zone,
	"plan_due_on" date NOT NULL,
	"parent_contact_due_on" date,
	"evaluation" text,
	"evaluated_at" timestamp with time zone,
	"evaluated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_files_responsible_check" CHECK (responsible_kind IS NULL
        OR (responsible_kind IN ('head_teacher', 'counsellor', 'teacher') AND responsible_person_id IS NOT NULL
            AND responsible_student_id IS NULL)
        OR (responsible_kind IN ('party_member', 'student_helper') AND responsible_student_id IS NOT NULL
            AND responsible_person_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "support_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"categories" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"parent_contact" jsonb,
	"origin" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_list_entries_status_check" CHECK (status IN ('proposed', 'confirmed', 'removed')),
	CONSTRAINT "support_list_entries_origin_check" CHECK (origin IN ('rules', 'added')),
	CONSTRAINT "support_list_entries_reason_check" CHECK ((origin = 'rules' AND status <> 'removed') OR length(reason) > 0)
);
--> statement-breakpoint
CREATE TABLE "support_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_unit_id" uuid NOT NULL,
	"term" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"plugin_id" text NOT NULL,
	"plugin_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_lists_status_check" CHECK (status IN ('proposed', 'confirmed'))
);
--> statement-breakpoint
CREATE TABLE "support_parent_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"contacted_person" text NOT NULL,
	"agreed" text NOT NULL,
	"invited_to_campus" boolean NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_parent_contacts_method_check" CHECK (method IN ('phone', 'video', 'message', 'meeting', 'home_visit'))
);
--> statement-breakpoint
CREATE TABLE "support_process_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text NOT NULL,
	"written_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "college_student_counts" ADD CONSTRAINT "college_student_counts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "college_student_counts" ADD CONSTRAINT "college_student_counts_college_unit_id_units_id_fk" FOREIGN KEY ("college_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplinary_sanctions" ADD CONSTRAINT "disciplinary_sanctions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplinary_sanctions" ADD CONSTRAINT "disciplinary_sanctions_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplinary_sanctions" ADD CONSTRAINT "disciplinary_sanctions_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entered_failed_courses" ADD CONSTRAINT "entered_failed_courses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entered_failed_courses" ADD CONSTRAINT "entered_failed_courses_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entered_failed_courses" ADD CONSTRAINT "entered_failed_courses_entered_by_people_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_aids" ADD CONSTRAINT "financial_aids_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_aids" ADD CONSTRAINT "financial_aids_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_aids" ADD CONSTRAINT "financial_aids_college_unit_id_units_id_fk" FOREIGN KEY ("college_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_aids" ADD CONSTRAINT "financial_aids_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_certifications" ADD CONSTRAINT "hardship_certifications_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_certifications" ADD CONSTRAINT "hardship_certifications_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_certifications" ADD CONSTRAINT "hardship_certifications_college_unit_id_units_id_fk" FOREIGN KEY ("college_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_certifications" ADD CONSTRAINT "hardship_certifications_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_files" ADD CONSTRAINT "support_files_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_files" ADD CONSTRAINT "support_files_entry_id_support_list_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."support_list_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_files" ADD CONSTRAINT "support_files_list_id_support_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."support_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_files" ADD CONSTRAINT "support_files_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_files" ADD CONSTRAINT "support_files_responsible_person_id_people_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_files" ADD CONSTRAINT "support_files_responsible_student_id_students_id_fk" FOREIGN KEY ("responsible_student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_files" ADD CONSTRAINT "support_files_evaluated_by_people_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_list_entries" ADD CONSTRAINT "support_list_entries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_list_entries" ADD CONSTRAINT "support_list_entries_list_id_support_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."support_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_list_entries" ADD CONSTRAINT "support_list_entries_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_list_entries" ADD CONSTRAINT "support_list_entries_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_lists" ADD CONSTRAINT "support_lists_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_lists" ADD CONSTRAINT "support_lists_class_unit_id_units_id_fk" FOREIGN KEY ("class_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_lists" ADD CONSTRAINT "support_lists_confirmed_by_people_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_parent_contacts" ADD CONSTRAINT "support_parent_contacts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_parent_contacts" ADD CONSTRAINT "support_parent_contacts_file_id_support_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."support_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_parent_contacts" ADD CONSTRAINT "support_parent_contacts_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_process_notes" ADD CONSTRAINT "support_process_notes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_process_notes" ADD CONSTRAINT "support_process_notes_file_id_support_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."support_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_process_notes" ADD CONSTRAINT "support_process_notes_written_by_people_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disciplinary_sanctions_student_idx" ON "disciplinary_sanctions" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "financial_aids_student_idx" ON "financial_aids" USING btree ("student_id","term");--> statement-breakpoint
CREATE INDEX "financial_aids_term_idx" ON "financial_aids" USING btree ("school_id","term","college_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_certifications_student_term_unique" ON "hardship_certifications" USING btree ("student_id","term");--> statement-breakpoint
CREATE INDEX "hardship_certifications_term_idx" ON "hardship_certifications" USING btree ("school_id","term","college_unit_id");--> statement-breakpoint
CREATE INDEX "home_visits_student_idx" ON "home_visits" USING btree ("student_id","visited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "support_files_entry_unique" ON "support_files" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "support_files_student_idx" ON "support_files" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "support_files_responsible_idx" ON "support_files" USING btree ("responsible_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_list_entries_student_unique" ON "support_list_entries" USING btree ("list_id","student_id");--> statement-breakpoint
CREATE INDEX "support_list_entries_student_idx" ON "support_list_entries" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_lists_class_term_unique" ON "support_lists" USING btree ("class_unit_id","term");--> statement-breakpoint
CREATE INDEX "support_parent_contacts_file_idx" ON "support_parent_contacts" USING btree ("file_id","contacted_at");--> statement-breakpoint
CREATE INDEX "support_process_notes_file_idx" ON "support_process_notes" USING btree ("file_id","occurred_on");--> statement-breakpoint
-- Support files (issue 14; seed 004's 保密原则). A support file, its logs and the class's support list are read and
-- written only by someone who sees the student in full AND holds, on the student's branch, a role that runs support
-- (the head teacher, the counsellor, the station head, the center's staff and director), or by the file's
-- responsible person. Class psych committee members and dorm liaisons (reduced view) and school admins never read
-- one. Sanctions, hardship certifications, aids and home visits are the full view's, like the student file; the
-- student affairs office counts hardship and aids per college with the capability financial-support.counts.
CREATE FUNCTION xq_support_access(target uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1
    FROM students s
    JOIN role_assignments ra ON ra.person_id = xq_person_id()
      AND ra.role IN ('counsellor', 'head_teacher', 'college_station_head', 'center_staff', 'center_director')
    JOIN units u ON u.id = ra.unit_id
    WHERE s.id = target AND xq_in_scope(s.placement_path, 'xq.full_scope') AND s.placement_path ^@ u.path
  )
$$;
--> statement-breakpoint
CREATE FUNCTION xq_support_class_access(target uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1
    FROM units c
    JOIN role_assignments ra ON ra.person_id = xq_person_id()
      AND ra.role IN ('counsellor', 'head_teacher', 'college_station_head', 'center_staff', 'center_director')
    JOIN units u ON u.id = ra.unit_id
    WHERE c.id = target AND xq_in_scope(c.path, 'xq.full_scope') AND c.path ^@ u.path
  )
$$;
--> statement-breakpoint
CREATE FUNCTION xq_support_file_access(target uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM support_files f WHERE f.id = target)
$$;
--> statement-breakpoint
CREATE FUNCTION xq_college_student_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO college_student_counts AS c (school_id, college_unit_id, students)
      SELECT school_id, college_unit_id, -count(*) FROM old_rows GROUP BY school_id, college_unit_id
      ON CONFLICT (school_id, college_unit_id) DO UPDATE SET students = c.students + EXCLUDED.students;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO college_student_counts AS c (school_id, college_unit_id, students)
      SELECT school_id, college_unit_id, count(*) FROM new_rows GROUP BY school_id, college_unit_id
      ON CONFLICT (school_id, college_unit_id) DO UPDATE SET students = c.students + EXCLUDED.students;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER students_count_insert AFTER INSERT ON students REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION xq_college_student_counts();
--> statement-breakpoint
CREATE TRIGGER students_count_update AFTER UPDATE ON students
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xq_college_student_counts();
--> statement-breakpoint
CREATE TRIGGER students_count_delete AFTER DELETE ON students REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION xq_college_student_counts();
--> statement-breakpoint
INSERT INTO college_student_counts (school_id, college_unit_id, students)
  SELECT school_id, college_unit_id, count(*) FROM students GROUP BY school_id, college_unit_id;
--> statement-breakpoint
ALTER TABLE college_student_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE college_student_counts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY college_student_counts_tenant ON college_student_counts
  USING (school_id = xq_school_id()) WITH CHECK (school_id = xq_school_id());
--> statement-breakpoint
ALTER TABLE disciplinary_sanctions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE disciplinary_sanctions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY disciplinary_sanctions_access ON disciplinary_sanctions
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
ALTER TABLE entered_failed_courses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE entered_failed_courses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY entered_failed_courses_access ON entered_failed_courses
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
ALTER TABLE home_visits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE home_visits FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY home_visits_access ON home_visits
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
ALTER TABLE hardship_certifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE hardship_certifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY hardship_certifications_access ON hardship_certifications
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
CREATE POLICY hardship_certifications_counts ON hardship_certifications FOR SELECT
  USING (school_id = xq_school_id() AND xq_has_capability('financial-support.counts'));
--> statement-breakpoint
ALTER TABLE financial_aids ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE financial_aids FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY financial_aids_access ON financial_aids
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
CREATE POLICY financial_aids_counts ON financial_aids FOR SELECT
  USING (school_id = xq_school_id() AND xq_has_capability('financial-support.counts'));
--> statement-breakpoint
ALTER TABLE support_lists ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_lists FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY support_lists_access ON support_lists
  USING (school_id = xq_school_id() AND xq_support_class_access(class_unit_id))
  WITH CHECK (school_id = xq_school_id() AND xq_support_class_access(class_unit_id));
--> statement-breakpoint
ALTER TABLE support_list_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_list_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY support_list_entries_access ON support_list_entries
  USING (school_id = xq_school_id() AND xq_support_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_support_access(student_id));
--> statement-breakpoint
ALTER TABLE support_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY support_files_access ON support_files
  USING (school_id = xq_school_id() AND (xq_support_access(student_id) OR responsible_person_id = xq_person_id()))
  WITH CHECK (school_id = xq_school_id() AND (xq_support_access(student_id) OR responsible_person_id = xq_person_id()));
--> statement-breakpoint
ALTER TABLE support_process_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_process_notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY support_process_notes_access ON support_process_notes
  USING (school_id = xq_school_id() AND xq_support_file_access(file_id))
  WITH CHECK (school_id = xq_school_id() AND xq_support_file_access(file_id));
--> statement-breakpoint
ALTER TABLE support_parent_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_parent_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY support_parent_contacts_access ON support_parent_contacts
  USING (school_id = xq_school_id() AND xq_support_file_access(file_id))
  WITH CHECK (school_id = xq_school_id() AND xq_support_file_access(file_id));
