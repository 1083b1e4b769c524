CREATE TABLE "contracted_hospitals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"agreement_from" date,
	"agreement_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracted_hospitals_agreement_order" CHECK (agreement_from IS NULL OR agreement_to IS NULL OR agreement_from <= agreement_to)
);
--> statement-breakpoint
CREATE TABLE "crises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"level" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"situation" text NOT NULL,
	"source" text NOT NULL,
	"concern_report_id" uuid,
	"case_id" uuid,
	"screening_result_id" uuid,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"summary" text,
	"plugin_id" text NOT NULL,
	"plugin_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crises_status_check" CHECK (status IN ('open', 'closed')),
	CONSTRAINT "crises_source_check" CHECK (source IN ('concern', 'case', 'screening', 'direct')),
	CONSTRAINT "crises_closed_summary" CHECK (status <> 'closed' OR length(summary) > 0)
);
--> statement-breakpoint
CREATE TABLE "crisis_affected" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"crisis_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"support" text NOT NULL,
	"case_id" uuid,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crisis_affected_relation_check" CHECK (relation IN ('roommate', 'classmate', 'witness')),
	CONSTRAINT "crisis_affected_support_check" CHECK (support IN ('group', 'individual'))
);
--> statement-breakpoint
CREATE TABLE "crisis_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"crisis_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_family_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"crisis_id" uuid NOT NULL,
	"contact_name" text NOT NULL,
	"relation" text NOT NULL,
	"phone" text,
	"from_guardians" boolean DEFAULT false NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"agreed" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"crisis_id" uuid NOT NULL,
	"hospital_id" uuid NOT NULL,
	"referred_at" timestamp with time zone NOT NULL,
	"accompanied_by" text NOT NULL,
	"outcome" text,
	"return_assessment" text,
	"return_assessed_at" timestamp with time zone,
	"return_assessed_by" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"crisis_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"held_on" date,
	"participants" text,
	"findings" text,
	"changes" text,
	"report" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"crisis_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"doers" jsonb NOT NULL,
	"escalate_to" jsonb NOT NULL,
	"records" text[] NOT NULL,
	"required" boolean NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"note" text,
	"waived_at" timestamp with time zone,
	"waived_by" uuid,
	"waive_reason" text,
	"escalated_at" timestamp with time zone,
	CONSTRAINT "crisis_steps_waive_reason" CHECK (waived_at IS NULL OR length(waive_reason) > 0)
);
--> statement-breakpoint
ALTER TABLE "contracted_hospitals" ADD CONSTRAINT "contracted_hospitals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_concern_report_id_concern_reports_id_fk" FOREIGN KEY ("concern_report_id") REFERENCES "public"."concern_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_screening_result_id_screening_results_id_fk" FOREIGN KEY ("screening_result_id") REFERENCES "public"."screening_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_opened_by_people_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_affected" ADD CONSTRAINT "crisis_affected_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_affected" ADD CONSTRAINT "crisis_affected_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_affected" ADD CONSTRAINT "crisis_affected_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_affected" ADD CONSTRAINT "crisis_affected_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_affected" ADD CONSTRAINT "crisis_affected_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_events" ADD CONSTRAINT "crisis_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_events" ADD CONSTRAINT "crisis_events_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_events" ADD CONSTRAINT "crisis_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_family_contacts" ADD CONSTRAINT "crisis_family_contacts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_family_contacts" ADD CONSTRAINT "crisis_family_contacts_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_family_contacts" ADD CONSTRAINT "crisis_family_contacts_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_referrals" ADD CONSTRAINT "crisis_referrals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_referrals" ADD CONSTRAINT "crisis_referrals_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_referrals" ADD CONSTRAINT "crisis_referrals_hospital_id_contracted_hospitals_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."contracted_hospitals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_referrals" ADD CONSTRAINT "crisis_referrals_return_assessed_by_people_id_fk" FOREIGN KEY ("return_assessed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_referrals" ADD CONSTRAINT "crisis_referrals_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_reviews" ADD CONSTRAINT "crisis_reviews_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_reviews" ADD CONSTRAINT "crisis_reviews_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_reviews" ADD CONSTRAINT "crisis_reviews_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_steps" ADD CONSTRAINT "crisis_steps_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_steps" ADD CONSTRAINT "crisis_steps_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_steps" ADD CONSTRAINT "crisis_steps_done_by_people_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_steps" ADD CONSTRAINT "crisis_steps_waived_by_people_id_fk" FOREIGN KEY ("waived_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contracted_hospitals_school_idx" ON "contracted_hospitals" USING btree ("school_id","name");--> statement-breakpoint
CREATE INDEX "crises_student_idx" ON "crises" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "crises_status_idx" ON "crises" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "crisis_affected_crisis_idx" ON "crisis_affected" USING btree ("crisis_id");--> statement-breakpoint
CREATE INDEX "crisis_events_crisis_idx" ON "crisis_events" USING btree ("crisis_id","created_at");--> statement-breakpoint
CREATE INDEX "crisis_family_contacts_crisis_idx" ON "crisis_family_contacts" USING btree ("crisis_id");--> statement-breakpoint
CREATE INDEX "crisis_referrals_crisis_idx" ON "crisis_referrals" USING btree ("crisis_id");--> statement-breakpoint
CREATE INDEX "crisis_reviews_crisis_idx" ON "crisis_reviews" USING btree ("crisis_id");--> statement-breakpoint
CREATE INDEX "crisis_reviews_due_idx" ON "crisis_reviews" USING btree ("due_on") WHERE held_on IS NULL;--> statement-breakpoint
CREATE INDEX "crisis_steps_crisis_idx" ON "crisis_steps" USING btree ("crisis_id","position");--> statement-breakpoint
CREATE INDEX "crisis_steps_due_idx" ON "crisis_steps" USING btree ("due_at") WHERE done_at IS NULL AND waived_at IS NULL;--> statement-breakpoint
-- Crisis intervention (issue 12). A crisis is read and run only by the people who run it and the chain above them:
-- someone who sees the student in full AND holds, on the student's branch, a role that runs crises (the student's
-- counsellor or head teacher, the station head of the college, the center's staff and director). Class psych
-- committee members and dorm liaisons (reduced view) and school admins (full view, no crisis role) never read one.
-- The escalation sweep reads and marks steps of its school with the capability crises.escalate, which no role holds.
CREATE FUNCTION xq_crisis_access(target uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT xq_has_capability('crises.escalate') OR EXISTS (
    SELECT 1
    FROM students s
    JOIN role_assignments ra ON ra.person_id = xq_person_id()
      AND ra.role IN ('counsellor', 'head_teacher', 'college_station_head', 'center_staff', 'center_director')
    JOIN units u ON u.id = ra.unit_id
    WHERE s.id = target AND xq_in_scope(s.placement_path, 'xq.full_scope') AND s.placement_path ^@ u.path
  )
$$;
--> statement-breakpoint
ALTER TABLE crises ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crises FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY crises_access ON crises
  USING (school_id = xq_school_id() AND xq_crisis_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_crisis_access(student_id));
--> statement-breakpoint
ALTER TABLE crisis_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crisis_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY crisis_steps_access ON crisis_steps
  USING (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises))
  WITH CHECK (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises));
--> statement-breakpoint
ALTER TABLE crisis_family_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crisis_family_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY crisis_family_contacts_access ON crisis_family_contacts
  USING (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises))
  WITH CHECK (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises) AND recorded_by = xq_person_id());
--> statement-breakpoint
ALTER TABLE crisis_referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crisis_referrals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY crisis_referrals_access ON crisis_referrals
  USING (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises))
  WITH CHECK (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises));
--> statement-breakpoint
ALTER TABLE crisis_affected ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crisis_affected FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY crisis_affected_access ON crisis_affected
  USING (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises))
  WITH CHECK (
    school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises) AND xq_student_full_access(student_id)
  );
--> statement-breakpoint
ALTER TABLE crisis_reviews ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crisis_reviews FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY crisis_reviews_access ON crisis_reviews
  USING (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises))
  WITH CHECK (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises));
--> statement-breakpoint
-- The timeline is append-only: entries are added and read, never changed.
ALTER TABLE crisis_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crisis_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY crisis_events_read ON crisis_events FOR SELECT
  USING (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises));
--> statement-breakpoint
CREATE POLICY crisis_events_add ON crisis_events FOR INSERT
  WITH CHECK (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises));
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON crisis_events FROM xinqiao_app;
--> statement-breakpoint
-- Contracted hospitals are school settings: every account of the school may read the list (a referral names one);
-- the API lets school admins and the center change it.
ALTER TABLE contracted_hospitals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contracted_hospitals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contracted_hospitals_tenant ON contracted_hospitals
  USING (school_id = xq_school_id())
  WITH CHECK (school_id = xq_school_id());
