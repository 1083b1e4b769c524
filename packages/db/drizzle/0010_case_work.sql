CREATE TABLE "concern_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"signs" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"urgency" text DEFAULT 'routine' NOT NULL,
	"self_harm" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"assignee_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"case_id" uuid,
	"close_reason" text,
	"triaged_by" uuid,
	"triaged_at" timestamp with time zone,
	"plugin_id" text NOT NULL,
	"plugin_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concern_reports_urgency_check" CHECK (urgency IN ('routine', 'urgent')),
	CONSTRAINT "concern_reports_status_check" CHECK (status IN ('received', 'handling', 'closed')),
	CONSTRAINT "concern_reports_closed_reason" CHECK (status <> 'closed' OR outcome <> 'closed' OR length(close_reason) > 0)
);
--> statement-breakpoint
CREATE TABLE "key_students" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"counsellor_id" uuid,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removal_reason" text,
	"removal_requested_by" uuid,
	"removal_requested_at" timestamp with time zone,
	"removed_by" uuid,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"config" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient" text DEFAULT '' NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text DEFAULT '/' NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_entries" ADD COLUMN "occurred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_entries" ADD COLUMN "method" text;--> statement-breakpoint
ALTER TABLE "case_entries" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "case_entries" ADD COLUMN "risk_level" text;--> statement-breakpoint
ALTER TABLE "case_entries" ADD COLUMN "next_step" text;--> statement-breakpoint
ALTER TABLE "case_entries" ADD COLUMN "next_step_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "self_harm" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "assigned_by" uuid;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_reporter_id_people_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_assignee_id_people_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_triaged_by_people_id_fk" FOREIGN KEY ("triaged_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_students" ADD CONSTRAINT "key_students_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_students" ADD CONSTRAINT "key_students_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_students" ADD CONSTRAINT "key_students_counsellor_id_people_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_students" ADD CONSTRAINT "key_students_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_students" ADD CONSTRAINT "key_students_removal_requested_by_people_id_fk" FOREIGN KEY ("removal_requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_students" ADD CONSTRAINT "key_students_removed_by_people_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_people_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concern_reports_student_idx" ON "concern_reports" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "concern_reports_assignee_idx" ON "concern_reports" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "concern_reports_reporter_idx" ON "concern_reports" USING btree ("reporter_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "key_students_open_unique" ON "key_students" USING btree ("student_id") WHERE removed_at IS NULL;--> statement-breakpoint
CREATE INDEX "key_students_counsellor_idx" ON "key_students" USING btree ("counsellor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_channels_school_kind_unique" ON "notification_channels" USING btree ("school_id","kind");--> statement-breakpoint
CREATE INDEX "notification_outbox_pending_idx" ON "notification_outbox" USING btree ("next_attempt_at") WHERE sent_at IS NULL AND failed_at IS NULL;--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id","created_at");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_by_people_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Case work (issue 11): concern reports, key students, notifications and their outbox.
CREATE FUNCTION xq_person_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('xq.person_id', true), '')::uuid
$$;
--> statement-breakpoint
-- A concern report: its reporter reads it (the API shows the reporter its status only); whoever sees the student
-- in full reads and triages it; anyone who sees the student (full or reduced view) may file one in their own name.
ALTER TABLE concern_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE concern_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY concern_reports_read ON concern_reports FOR SELECT USING (
  school_id = xq_school_id() AND (reporter_id = xq_person_id() OR xq_student_full_access(student_id))
);
--> statement-breakpoint
CREATE POLICY concern_reports_file ON concern_reports FOR INSERT WITH CHECK (
  school_id = xq_school_id() AND reporter_id = xq_person_id() AND student_id IN (SELECT id FROM students)
);
--> statement-breakpoint
CREATE POLICY concern_reports_triage ON concern_reports FOR UPDATE
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
ALTER TABLE key_students ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE key_students FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY key_students_access ON key_students
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
-- Notifications: written for anyone of the school by the event that implies them; read and marked read by the
-- recipient alone.
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notifications_notify ON notifications FOR INSERT WITH CHECK (school_id = xq_school_id());
--> statement-breakpoint
CREATE POLICY notifications_read ON notifications FOR SELECT
  USING (school_id = xq_school_id() AND recipient_id = xq_person_id());
--> statement-breakpoint
CREATE POLICY notifications_mark ON notifications FOR UPDATE
  USING (school_id = xq_school_id() AND recipient_id = xq_person_id())
  WITH CHECK (school_id = xq_school_id() AND recipient_id = xq_person_id());
--> statement-breakpoint
-- Outbound channels hold a server address or webhook URL: the school's channel managers and the job runner only.
ALTER TABLE notification_channels ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_channels FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notification_channels_manage ON notification_channels
  USING (xq_job_runner() OR (school_id = xq_school_id() AND xq_has_capability('notifications.manage')))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('notifications.manage'));
--> statement-breakpoint
-- The outbox: an event adds messages of its own school; only the job runner reads, sends and marks them.
ALTER TABLE notification_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notification_outbox_enqueue ON notification_outbox FOR INSERT WITH CHECK (school_id = xq_school_id());
--> statement-breakpoint
CREATE POLICY notification_outbox_runner ON notification_outbox USING (xq_job_runner()) WITH CHECK (xq_job_runner());
