CREATE TABLE "feed_activity_events" (
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "feed_activity_events_school_id_student_id_occurred_at_source_pk" PRIMARY KEY("school_id","student_id","occurred_at","source")
);
--> statement-breakpoint
CREATE TABLE "feed_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"feed" text NOT NULL,
	"channel" text NOT NULL,
	"token_id" uuid,
	"person_id" uuid,
	"file_name" text,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_written" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_card_transactions" (
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"ref" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"place" text NOT NULL,
	CONSTRAINT "feed_card_transactions_school_id_student_id_occurred_at_ref_pk" PRIMARY KEY("school_id","student_id","occurred_at","ref")
);
--> statement-breakpoint
CREATE TABLE "feed_grades" (
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"term" text NOT NULL,
	"course_code" text NOT NULL,
	"course_name" text NOT NULL,
	"credit" numeric(4, 1) NOT NULL,
	"score" numeric(5, 1),
	"grade" text,
	"passed" boolean NOT NULL,
	"resit" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feed_grades_school_id_student_id_term_course_code_resit_pk" PRIMARY KEY("school_id","student_id","term","course_code","resit"),
	CONSTRAINT "feed_grades_score_check" CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
	CONSTRAINT "feed_grades_score_or_grade" CHECK (score IS NOT NULL OR grade IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "improvement_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"warning_id" uuid NOT NULL,
	"goals" text NOT NULL,
	"actions" text NOT NULL,
	"match_kind" text NOT NULL,
	"match_name" text NOT NULL,
	"review_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_plans_match_check" CHECK (match_kind IN ('peer', 'tutor'))
);
--> statement-breakpoint
CREATE TABLE "integration_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"feeds" text[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"last_used_at" timestamp with time zone,
	"window_start" timestamp with time zone,
	"window_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "student_signals" (
	"student_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"values" jsonb NOT NULL,
	"term" text,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"module" text NOT NULL,
	"level" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reasons" jsonb NOT NULL,
	"actions" text[] NOT NULL,
	"deadline_working_days" integer NOT NULL,
	"due_on" date NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"term" text,
	"cleared_term" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"close_note" text,
	"talked_at" timestamp with time zone,
	"crisis_id" uuid,
	"plugin_id" text NOT NULL,
	"plugin_version" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warnings_status_check" CHECK (status IN ('open', 'cleared', 'closed')),
	CONSTRAINT "warnings_level_check" CHECK (level IN ('yellow', 'red')),
	CONSTRAINT "warnings_close_note" CHECK (status <> 'closed' OR length(close_note) > 0)
);
--> statement-breakpoint
ALTER TABLE "feed_batches" ADD CONSTRAINT "feed_batches_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_batches" ADD CONSTRAINT "feed_batches_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_grades" ADD CONSTRAINT "feed_grades_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_grades" ADD CONSTRAINT "feed_grades_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_warning_id_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_revoked_by_people_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_signals" ADD CONSTRAINT "student_signals_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_signals" ADD CONSTRAINT "student_signals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feed_batches_school_idx" ON "feed_batches" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "improvement_plans_warning_unique" ON "improvement_plans" USING btree ("warning_id");--> statement-breakpoint
CREATE INDEX "improvement_plans_student_idx" ON "improvement_plans" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_tokens_hash_unique" ON "integration_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_open_unique" ON "warnings" USING btree ("student_id","module") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "warnings_school_status_idx" ON "warnings" USING btree ("school_id","status","module");--> statement-breakpoint
-- Early warning (issue 13). Raw campus-card transactions and activity events are read and written only by the import
-- role: transactions holding the RLS capability feeds.raw (the integration API, the feed import, the evaluation and
-- retention jobs). Counsellors see the signals computed from them (student_signals, warnings), never the rows.
ALTER TABLE feed_card_transactions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feed_card_transactions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY feed_card_transactions_import ON feed_card_transactions
  USING (school_id = xq_school_id() AND xq_has_capability('feeds.raw'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('feeds.raw'));
--> statement-breakpoint
ALTER TABLE feed_activity_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feed_activity_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY feed_activity_events_import ON feed_activity_events
  USING (school_id = xq_school_id() AND xq_has_capability('feeds.raw'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('feeds.raw'));
--> statement-breakpoint
-- Grades are part of the student's record: whoever sees the student in full reads them; only the import role writes.
ALTER TABLE feed_grades ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feed_grades FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY feed_grades_read ON feed_grades FOR SELECT
  USING (school_id = xq_school_id() AND (xq_has_capability('feeds.raw') OR xq_student_full_access(student_id)));
--> statement-breakpoint
CREATE POLICY feed_grades_import ON feed_grades FOR ALL
  USING (school_id = xq_school_id() AND xq_has_capability('feeds.raw'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('feeds.raw'));
--> statement-breakpoint
ALTER TABLE feed_batches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feed_batches FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY feed_batches_import ON feed_batches
  USING (school_id = xq_school_id() AND (xq_has_capability('feeds.raw') OR xq_has_capability('integration.manage')))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('feeds.raw'));
--> statement-breakpoint
-- A service token is managed by the school's admins (integration.manage); an integration request, before its school
-- is known, reads and touches only the one row whose hash it presents (xq.integration_token), like a session.
ALTER TABLE integration_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE integration_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY integration_tokens_manage ON integration_tokens
  USING (school_id = xq_school_id() AND xq_has_capability('integration.manage'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('integration.manage'));
--> statement-breakpoint
CREATE POLICY integration_tokens_present ON integration_tokens FOR SELECT
  USING (token_hash = nullif(current_setting('xq.integration_token', true), ''));
--> statement-breakpoint
CREATE POLICY integration_tokens_touch ON integration_tokens FOR UPDATE
  USING (token_hash = nullif(current_setting('xq.integration_token', true), ''))
  WITH CHECK (token_hash = nullif(current_setting('xq.integration_token', true), ''));
--> statement-breakpoint
ALTER TABLE student_signals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE student_signals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY student_signals_read ON student_signals FOR SELECT
  USING (school_id = xq_school_id() AND (xq_has_capability('feeds.raw') OR xq_student_full_access(student_id)));
--> statement-breakpoint
CREATE POLICY student_signals_write ON student_signals FOR ALL
  USING (school_id = xq_school_id() AND xq_has_capability('feeds.raw'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('feeds.raw'));
--> statement-breakpoint
ALTER TABLE warnings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE warnings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY warnings_access ON warnings
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
ALTER TABLE improvement_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE improvement_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY improvement_plans_access ON improvement_plans
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
-- For other modules (support, issue 14): a student's failed courses, the latest attempt of each course per term
-- (a passed resit clears the course). SECURITY INVOKER: the caller's RLS on feed_grades applies.
CREATE FUNCTION xq_failed_courses(target uuid, in_term text DEFAULT NULL)
RETURNS TABLE (term text, course_code text, course_name text, credit numeric, score numeric, grade text, resit boolean)
LANGUAGE sql STABLE SECURITY INVOKER AS $$
  SELECT g.term, g.course_code, g.course_name, g.credit, g.score, g.grade, g.resit
  FROM feed_grades g
  WHERE g.student_id = target AND NOT g.passed AND (in_term IS NULL OR g.term = in_term)
    AND NOT EXISTS (
      SELECT 1 FROM feed_grades p
      WHERE p.student_id = g.student_id AND p.course_code = g.course_code AND p.passed AND p.term >= g.term
    )
  ORDER BY g.term, g.course_code
$$;
