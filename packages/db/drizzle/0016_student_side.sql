CREATE TABLE "appointment_waitlist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"first_visit" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "appointments_status_check" CHECK (status IN ('booked', 'cancelled', 'attended', 'no_show'))
);
--> statement-breakpoint
CREATE TABLE "counselling_notes" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"body" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counselling_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"counsellor_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"priority" boolean DEFAULT false NOT NULL,
	"taken" boolean DEFAULT false NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counselling_slots_window_check" CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE TABLE "feedback_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "feedback_codes_appointment_unique" UNIQUE("appointment_id")
);
--> statement-breakpoint
CREATE TABLE "feedback_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"counsellor_id" uuid NOT NULL,
	"attitude" smallint NOT NULL,
	"professionalism" smallint NOT NULL,
	"helpfulness" smallint NOT NULL,
	"overall" smallint NOT NULL,
	"rated_on" date NOT NULL,
	CONSTRAINT "feedback_ratings_range_check" CHECK (attitude BETWEEN 1 AND 5 AND professionalism BETWEEN 1 AND 5 AND helpfulness BETWEEN 1 AND 5 AND overall BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "screening_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"text_version" text NOT NULL,
	"text" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"followed_up_at" timestamp with time zone,
	"followed_up_by" uuid,
	CONSTRAINT "screening_consents_wave_student_unique" UNIQUE("wave_id","student_id"),
	CONSTRAINT "screening_consents_decision_check" CHECK (decision IN ('consented', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "screening_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"answers" jsonb NOT NULL,
	"asked_for_counselling" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"safety" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "screening_responses_wave_student_unique" UNIQUE("wave_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "student_accounts" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_changed_at" timestamp with time zone,
	CONSTRAINT "student_accounts_student_unique" UNIQUE("student_id")
);
--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_role_check";--> statement-breakpoint
ALTER TABLE "appointment_waitlist" ADD CONSTRAINT "appointment_waitlist_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_waitlist" ADD CONSTRAINT "appointment_waitlist_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_counselling_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."counselling_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_notes" ADD CONSTRAINT "counselling_notes_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_notes" ADD CONSTRAINT "counselling_notes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_notes" ADD CONSTRAINT "counselling_notes_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_notes" ADD CONSTRAINT "counselling_notes_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_slots" ADD CONSTRAINT "counselling_slots_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_slots" ADD CONSTRAINT "counselling_slots_counsellor_id_people_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_slots" ADD CONSTRAINT "counselling_slots_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_codes" ADD CONSTRAINT "feedback_codes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_codes" ADD CONSTRAINT "feedback_codes_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_ratings" ADD CONSTRAINT "feedback_ratings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_ratings" ADD CONSTRAINT "feedback_ratings_counsellor_id_people_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_consents" ADD CONSTRAINT "screening_consents_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_consents" ADD CONSTRAINT "screening_consents_wave_id_screening_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."screening_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_consents" ADD CONSTRAINT "screening_consents_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_consents" ADD CONSTRAINT "screening_consents_followed_up_by_people_id_fk" FOREIGN KEY ("followed_up_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_responses" ADD CONSTRAINT "screening_responses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_responses" ADD CONSTRAINT "screening_responses_wave_id_screening_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."screening_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_responses" ADD CONSTRAINT "screening_responses_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_accounts" ADD CONSTRAINT "student_accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_accounts" ADD CONSTRAINT "student_accounts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_accounts" ADD CONSTRAINT "student_accounts_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_accounts" ADD CONSTRAINT "student_accounts_issued_by_people_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_waitlist_open_unique" ON "appointment_waitlist" USING btree ("student_id") WHERE closed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_active_slot_unique" ON "appointments" USING btree ("slot_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "appointments_student_idx" ON "appointments" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "counselling_slots_school_start_idx" ON "counselling_slots" USING btree ("school_id","starts_at");--> statement-breakpoint
CREATE INDEX "feedback_ratings_school_idx" ON "feedback_ratings" USING btree ("school_id","rated_on");--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_role_check" CHECK (role IN ('school_admin', 'center_director', 'center_staff', 'college_station_head', 'counsellor', 'head_teacher', 'class_committee', 'dorm_liaison', 'student_affairs', 'alliance_officer', 'student'));--> statement-breakpoint
-- The student side (issue 17). A student's transaction has no unit scope (studentReach 'none'): what they reach is
-- their own student id, read from their account by the session's person.
CREATE FUNCTION xq_my_student_id() RETURNS uuid LANGUAGE sql STABLE SECURITY INVOKER AS $$
  SELECT sa.student_id FROM student_accounts sa
  WHERE sa.person_id = xq_person_id() AND sa.school_id = xq_school_id()
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION xq_my_student_id() TO PUBLIC;
--> statement-breakpoint
ALTER TABLE student_accounts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE student_accounts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The student's own account, and the accounts of the students a staff member sees in full (issue, reset).
CREATE POLICY student_accounts_access ON student_accounts
  USING (school_id = xq_school_id() AND (person_id = xq_person_id() OR xq_student_full_access(student_id)))
  WITH CHECK (school_id = xq_school_id() AND (person_id = xq_person_id() OR xq_student_full_access(student_id)));
--> statement-breakpoint
-- A student reads their own record (their name, class, college), nobody else's.
CREATE POLICY students_self_read ON students FOR SELECT
  USING (school_id = xq_school_id() AND id = xq_my_student_id());
--> statement-breakpoint
-- A student reads their own results (the API shows a score only where the plugin allows it).
CREATE POLICY screening_results_self_read ON screening_results FOR SELECT
  USING (school_id = xq_school_id() AND student_id = xq_my_student_id());
--> statement-breakpoint
ALTER TABLE screening_consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE screening_consents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY screening_consents_access ON screening_consents
  USING (school_id = xq_school_id() AND (student_id = xq_my_student_id() OR xq_student_full_access(student_id)))
  WITH CHECK (
    school_id = xq_school_id() AND (student_id = xq_my_student_id() OR xq_student_full_access(student_id))
  );
--> statement-breakpoint
ALTER TABLE screening_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE screening_responses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Answers in progress are the student's; the transactions that store results (screening.answers) read them.
CREATE POLICY screening_responses_access ON screening_responses
  USING (school_id = xq_school_id() AND (student_id = xq_my_student_id() OR xq_has_capability('screening.answers')))
  WITH CHECK (
    school_id = xq_school_id() AND (student_id = xq_my_student_id() OR xq_has_capability('screening.answers'))
  );
--> statement-breakpoint
ALTER TABLE counselling_slots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE counselling_slots FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Every account of the school sees the published slots (no student in them); the center publishes and changes them;
-- a student's booking or cancelling flips `taken` (the API changes nothing else of a slot for them).
CREATE POLICY counselling_slots_read ON counselling_slots FOR SELECT USING (school_id = xq_school_id());
--> statement-breakpoint
CREATE POLICY counselling_slots_manage ON counselling_slots
  USING (school_id = xq_school_id() AND xq_has_capability('counselling.manage'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('counselling.manage'));
--> statement-breakpoint
CREATE POLICY counselling_slots_take ON counselling_slots FOR UPDATE
  USING (school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL)
  WITH CHECK (school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL);
--> statement-breakpoint
ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE appointments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY appointments_access ON appointments
  USING (school_id = xq_school_id() AND (student_id = xq_my_student_id() OR xq_has_capability('counselling.manage')))
  WITH CHECK (
    school_id = xq_school_id() AND (student_id = xq_my_student_id() OR xq_has_capability('counselling.manage'))
  );
--> statement-breakpoint
ALTER TABLE appointment_waitlist ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE appointment_waitlist FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY appointment_waitlist_access ON appointment_waitlist
  USING (school_id = xq_school_id() AND (student_id = xq_my_student_id() OR xq_has_capability('counselling.manage')))
  WITH CHECK (
    school_id = xq_school_id() AND (student_id = xq_my_student_id() OR xq_has_capability('counselling.manage'))
  );
--> statement-breakpoint
ALTER TABLE counselling_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE counselling_notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Session notes are the center's alone: not the student, not the counsellor or station head of their college.
CREATE POLICY counselling_notes_center ON counselling_notes
  USING (school_id = xq_school_id() AND xq_has_capability('counselling.manage'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('counselling.manage'));
--> statement-breakpoint
ALTER TABLE feedback_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feedback_codes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The center issues a code when it records a session; only the session's student reads and uses it.
CREATE POLICY feedback_codes_issue ON feedback_codes FOR INSERT
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('counselling.manage'));
--> statement-breakpoint
CREATE POLICY feedback_codes_own ON feedback_codes
  USING (
    school_id = xq_school_id()
    AND appointment_id IN (SELECT id FROM appointments WHERE student_id = xq_my_student_id())
  )
  WITH CHECK (
    school_id = xq_school_id()
    AND appointment_id IN (SELECT id FROM appointments WHERE student_id = xq_my_student_id())
  );
--> statement-breakpoint
ALTER TABLE feedback_ratings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feedback_ratings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A student adds a rating (with a code the API checks); reading is for aggregates by the center and the student
-- affairs office (the API shows a counsellor's figures only over five ratings or more). Ratings are never changed.
CREATE POLICY feedback_ratings_add ON feedback_ratings FOR INSERT
  WITH CHECK (school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY feedback_ratings_read ON feedback_ratings FOR SELECT
  USING (school_id = xq_school_id() AND xq_has_capability('counselling.ratings'));
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON feedback_ratings FROM xinqiao_app;
